/**
 * Faithfulness of the content folder (content/, or the one REPORT_CONTENT names) to the
 * extracted text its report.yaml names: every word, every footnote, every marker's place.
 * This edition's own numbers (66 footnotes, the source's SHA-256) are in tests/edition/.
 */
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/data/paths';
import { content } from '../support/content';
import { applyCorrections, CONTENT, contentWords, firstDifference, readCorrections, readSource, SOURCE_FILE, sourceWords } from '../support/faithful';

const source = readSource();
const expected = sourceWords();
const actual = contentWords();
const FOOTNOTES = contentFiles(CONTENT).footnotes;

describe(`the chapters of ${CONTENT}, read in order without their footnote markers`, () => {
  it(`equal the body of ${SOURCE_FILE} word for word, apart from the listed corrections`, () => {
    expect(firstDifference(expected.tokens, actual.tokens)).toBeNull();
    expect(actual.tokens.length).toBe(expected.tokens.length);
  });

  it('would not equal the source without the corrections, so each correction is needed', () => {
    for (const c of readCorrections()) {
      const others = readCorrections().filter((o) => o.id !== c.id);
      const without = applyCorrections({ tokens: source.bodyTokens, markers: source.markers }, others);
      expect(firstDifference(without.tokens, actual.tokens), c.id).not.toBeNull();
    }
  });
});

describe('the footnote markers', () => {
  it('reference each footnote of the source exactly once, in the source order', () => {
    expect(source.footnotes.length).toBeGreaterThan(0);
    expect(actual.markers.map((m) => m.n)).toEqual(source.footnotes.map((f) => f.n));
  });

  it('stand at the same place as in the source, after the same word', () => {
    const where = (m: { n: number; token: number; word: string }) => ({ n: m.n, token: m.token, word: m.word });
    expect(actual.markers.map(where)).toEqual(expected.markers.map(where));
  });
});

describe(FOOTNOTES, () => {
  const entries = content().footnotes;

  it('has one entry per footnote of the source, with the same numbers', () => {
    expect(entries.map((f) => f.n)).toEqual(source.footnotes.map((f) => f.n));
  });

  it('gives every footnote word for word as the source does, including those continued across a page break', () => {
    const byN = new Map(entries.map((f) => [f.n, f.text]));
    for (const f of source.footnotes) expect(byN.get(f.n), `footnote ${f.n}`).toBe(f.text);
  });
});
