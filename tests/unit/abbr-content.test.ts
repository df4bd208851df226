/**
 * content/abbreviations.yaml against the report: every listed abbreviation occurs in it;
 * every word in capitals of the report (the extracted source, body and footnotes) is
 * listed or deliberately left out (content/abbreviation-exclusions.yaml, each with its reason); where the
 * report spells one out, its words stand where the entry says; and wrapping the first
 * uses of a chapter changes no word of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capsTokens, chapterSegments, firstUses, occurrences, placeLink, uncoveredCapsTokens } from '../../src/abbreviations/abbr';
import { abbreviationInputs, abbreviationsPlugin, chapterMarks } from '../../src/abbreviations/hast';
import { loadContent } from '../../src/data/load';
import { permalinksPlugin } from '../../src/permalinks/hast';
import { mdxHtml } from './helpers/mdx-html';
import { sourceIndex } from '../../src/figures/figures';
import { htmlText } from './helpers/html';
import { parseSource } from '../../src/core/source';
import { ROOT } from './figures-data';

const content = loadContent(ROOT);
const { abbreviations, exclusions, report, chapters, footnotes } = content;
const source = parseSource(readFileSync(join(ROOT, content.sourceFile), 'utf8'));
/** The report as extracted: its body words joined by single spaces, then each footnote. */
const reportTexts = [source.bodyTokens.join(' '), ...source.footnotes.map((f) => f.text)];
const footnoteTexts = new Map(footnotes.map((f) => [f.n, f.text]));
const index = sourceIndex(chapters, footnotes);
const segmentsOf = (c: (typeof chapters)[number]) => chapterSegments(c, footnoteTexts, report);
const allSegments = chapters.flatMap(segmentsOf);

describe('content/abbreviations.yaml', () => {
  it('lists at least the abbreviations the issue names, with ids and abbreviations each used once', () => {
    const listed = abbreviations.map((a) => a.abbr);
    for (const a of ['HĐND', 'UBND', 'GRDP', 'KCN', 'CNN', 'FDI', 'NSNN', 'GPMB', 'HTX', 'BHXH', 'BHYT', 'TCTN', 'THPT', 'THCS', 'GDNN-GDTX', 'CCHC', 'PCCC', 'CNCH', 'VPHC', 'KH&CN', 'DTI', 'VBQPPL', 'CCCD', 'DNNN', 'TTYT', 'BVĐK', 'CBCC', 'CDNN', 'HCV', 'HCB', 'HCĐ', 'IIP', 'OCOP', 'FTA']) {
      expect(listed, a).toContain(a);
    }
    expect(new Set(abbreviations.map((a) => a.id)).size).toBe(abbreviations.length);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(abbreviations.map((a) => ({ abbr: a.abbr, a })))('$abbr occurs in the report as a whole word', ({ a }) => {
    expect(reportTexts.some((text) => occurrences(text, a.abbr).length > 0)).toBe(true);
  });

  it('leaves no word in capitals of the report unexplained: each is listed or excluded with a reason', () => {
    const listed = abbreviations.map((a) => a.abbr);
    expect(reportTexts.flatMap((text) => uncoveredCapsTokens(text, listed, exclusions))).toEqual([]);
  });

  it('excludes only words and passages that stand in the report, each with a reason', () => {
    const all = reportTexts.join('\n');
    for (const e of exclusions) {
      expect(e.reason.length, e.text).toBeGreaterThan(10);
      if (e.kind === 'passage') expect(all, e.text).toContain(e.text);
      else expect(reportTexts.flatMap(capsTokens), e.text).toContain(e.text);
    }
  });

  it('never lists a word it also excludes', () => {
    const excluded = new Set(exclusions.filter((e) => e.kind === 'token').map((e) => e.text));
    expect(abbreviations.filter((a) => excluded.has(a.abbr))).toEqual([]);
  });

  it.each(abbreviations.filter((a) => a.report).map((a) => ({ abbr: a.abbr, a })))(
    '$abbr: the report spells it out in the words the entry quotes, where the entry says',
    ({ a }) => {
      const { quote, source: where } = a.report!;
      const text = 'footnote' in where ? footnoteTexts.get(where.footnote) : index.paragraphs.get(where.chapter)?.get(where.paragraph);
      expect(text).toContain(quote);
    },
  );

  it('records the report\'s own spelling-out for every "expansion (ABBR)" the report writes', () => {
    const spelled = ['GRDP', 'IIP', 'KCN', 'KH&CN', 'HTX', 'TCTN', 'DTI', 'OCOP', 'FTA', 'AI'];
    expect(abbreviations.filter((a) => a.report).map((a) => a.abbr).sort()).toEqual([...spelled].sort());
  });
});

describe('the abbreviations in the chapters', () => {
  it('stand nowhere in the chapters\' own heading lines (their h1), which are not marked', () => {
    for (const c of chapters) for (const line of c.data.heading) for (const a of abbreviations) expect(occurrences(line, a.abbr), `${c.id}: ${line}`).toEqual([]);
  });

  it('are each first used somewhere in the site\'s text, at a place that links to an existing paragraph, footnote or block', () => {
    const uses = firstUses(allSegments, abbreviations);
    expect([...uses.keys()].sort()).toEqual(abbreviations.map((a) => a.id).sort());
    for (const use of uses.values()) expect(() => placeLink(use.place, index)).not.toThrow();
  });

  it('are first used where the issue\'s examples expect: HĐND in the opening, KCN in footnote 13, DTI in footnote 54, PCT in the "Nơi nhận" block', () => {
    const uses = firstUses(allSegments, abbreviations);
    const at = (id: string) => uses.get(id)?.place;
    expect(at('hdnd')).toEqual({ chapter: '01-mo-dau', paragraph: 'p1-d2' });
    expect(at('kcn')).toEqual({ chapter: '02-i-1-linh-vuc-kinh-te', footnote: 13 });
    expect(at('dti')).toEqual({ chapter: '03-i-2-linh-vuc-xa-hoi', footnote: 54 });
    expect(at('pct')).toEqual({ chapter: '11-phan-ket', block: 'Recipients' });
    expect(at('tm')).toEqual({ chapter: '11-phan-ket', block: 'Signature' });
  });

  const inputs = abbreviationInputs(content, ROOT);
  const labels = { item: (label: string) => `Liên kết đến mục ${label}`, paragraph: 'Liên kết đến đoạn này' };
  const components = { Fn: () => '<sup>1</sup>', Recipients: () => '<div></div>', Signature: () => '<div></div>', DataChart: () => '<figure></figure>', IndicatorTable: () => '<figure></figure>' };
  it.each(chapters.map((c) => ({ name: `${c.id}.mdx`, c })))('$name: the Markdown pipeline marks every first use of its headings and paragraphs, once, and changes no word', async ({ name, c }) => {
    const marks = chapterMarks(join(ROOT, c.file), inputs);
    const plain = await mdxHtml(c.body, [permalinksPlugin(c.data, labels)], { components });
    const marked = await mdxHtml(c.body, [permalinksPlugin(c.data, labels), abbreviationsPlugin(marks, name)], { components });
    expect(htmlText(marked)).toBe(htmlText(plain));
    expect((marked.match(/<abbr class="abbr"/gu) ?? []).length).toBe([...marks.values()].reduce((n, list) => n + list.length, 0));
  });
});
