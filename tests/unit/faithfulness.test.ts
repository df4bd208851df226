import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footnoteSchema } from '../../src/schemas/footnote';
import { keyedEntries } from '../../src/lib/yaml-entries';
import { applyCorrections, contentWords, firstDifference, readCorrections, readSource, ROOT, sourceWords } from '../support/faithful';

const source = readSource();
const expected = sourceWords();
const actual = contentWords();

describe('the chapters, read in order without their footnote markers', () => {
  it('equal the source body word for word, apart from the listed corrections', () => {
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
  it('reference each of the 66 footnotes exactly once, in the source order', () => {
    expect(actual.markers.map((m) => m.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });

  it('stand at the same place as in the source, after the same word', () => {
    const where = (m: { n: number; token: number; word: string }) => ({ n: m.n, token: m.token, word: m.word });
    expect(actual.markers.map(where)).toEqual(expected.markers.map(where));
  });
});

describe('content/footnotes.yaml', () => {
  const entries = Object.values(keyedEntries(readFileSync(join(ROOT, 'content/footnotes.yaml'), 'utf8'), 'content/footnotes.yaml', 'n')).map(
    (e) => footnoteSchema.parse(e),
  );

  it('has exactly 66 entries, numbered 1 to 66', () => {
    expect(entries.map((f) => f.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });

  it('gives every footnote word for word as the source does, including 9 and 36 across the page break', () => {
    for (const f of source.footnotes) {
      expect(entries[f.n - 1].text, `footnote ${f.n}`).toBe(f.text);
    }
    expect(entries[8].text).toMatch(/Thương vụ, doanh nghiệp xuất nhập khẩu/u);
    expect(entries[35].text).toMatch(/giấy chứng sinh, giấy báo tử/u);
  });
});

describe('content/source', () => {
  it('is the extracted report text, unchanged (SHA-256 pinned)', () => {
    const bytes = readFileSync(join(ROOT, 'content/source/000_6f843c5cfe42939f.txt'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('f94e36af2fd4315b43b05a910eb233aa1cac2155070c4ed3d4d09b9691113bfb');
  });
});
