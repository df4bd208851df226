/**
 * The chapter vocabulary (src/data/vocabulary.ts): one test per rule, each with the
 * 1-based line and column it must name, and the content check that applies it to the files.
 */
import { describe, expect, it } from 'vitest';
import { vocabularyViolations, type Vocabulary } from '../../src/data/vocabulary';
import { CONTENT_LAYOUT } from '../../src/data/paths';
import { edit, validateMutated } from './helpers/content-copy';

const vocabulary: Vocabulary = {
  blocks: { Recipients: [], Signature: [], DataChart: ['id'], IndicatorTable: ['group'] },
  shipped: (path) => path === '/favicon.svg',
};
const check = (body: string, firstLine = 1) => vocabularyViolations(body, vocabulary, firstLine).map((v) => `${v.line}:${v.column}: ${v.reason}`);

describe('the chapter vocabulary', () => {
  it('accepts report text, headings, footnote markers, escapes and the block components', () => {
    const body = [
      '## 1.1. Nông nghiệp',
      '',
      'Tăng 8,16%<Fn n={3} /> (KH năm tăng trên 9%); 1\\. mục, \\{ngoặc\\} và \\<b\\>.',
      '',
      '<DataChart id="co-cau" />',
      '',
      '<IndicatorTable group="xa-hoi" />',
      '',
      '<Recipients />',
      '',
      'Xem [mục 2](/phan-thu-hai/2-muc-tieu/#p2-2) và [chú thích](#fn-3).',
      '',
      '![Sơ đồ](/favicon.svg)',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('rejects import and export, which MDX runs as code during the build', () => {
    expect(check('Chữ.\n\nexport const x = require("os").hostname();\n\nimport fs from "node:fs";', 10)).toEqual([
      '12:1: "export" is not allowed in a chapter: MDX would run it as code during the build',
      '14:1: "import" is not allowed in a chapter: MDX would run it as code during the build',
    ]);
  });

  it('rejects {…} expressions, naming the column of the brace, once per line', () => {
    expect(check('Năm {new Date().getFullYear()} và {x}.')).toEqual([
      '1:5: an expression {…} is not allowed: only <Fn n={…} /> takes braces; write \\{ for a brace of the text',
    ]);
    expect(check('<DataChart id={"x"} />')).toEqual(['1:1: unknown component <DataChart>: chapters may use <Fn n={…} />, <Recipients />, <Signature />, <DataChart />, <IndicatorTable />'].map((m) => m.replace('unknown component <DataChart>: chapters may use <Fn n={…} />, <Recipients />, <Signature />, <DataChart />, <IndicatorTable />', '<DataChart /> must stand on a line of its own, with string props only')));
  });

  it('rejects raw HTML and comments', () => {
    expect(check('Chữ <b>đậm</b>.')).toEqual([
      '1:5: raw HTML <b> is not allowed: write the report\'s text in Markdown',
      '1:11: raw HTML </b> is not allowed: write the report\'s text in Markdown',
    ]);
    expect(check('<!-- ghi chú -->')).toEqual(['1:1: raw HTML <!-- is not allowed: write the report\'s text in Markdown']);
    expect(check('<script src="/x.js"></script>')[0]).toBe('1:1: raw HTML <script src="/x.js"> is not allowed: write the report\'s text in Markdown');
  });

  it('rejects unknown components and malformed footnote markers', () => {
    expect(check('Chữ <Chart />.')).toEqual(['1:5: unknown component <Chart>: chapters may use <Fn n={…} />, <Recipients />, <Signature />, <DataChart />, <IndicatorTable />']);
    expect(check('a<Fn n="3" />')).toEqual(['1:2: malformed footnote marker <Fn n="3" />: write it as <Fn n={13} />, a whole number in braces']);
  });

  it('rejects links that leave the site, in every Markdown form', () => {
    expect(check('[x](javascript:alert(1))')).toEqual(['1:5: link "javascript:alert(1)" leaves the site: chapters may link only to pages of the site ("/…" or "#…")']);
    expect(check('[x](https://example.com/)')).toEqual(['1:5: link "https://example.com/" leaves the site: chapters may link only to pages of the site ("/…" or "#…")']);
    expect(check('[x](//example.com/)')).toEqual(['1:5: link "//example.com/" leaves the site: chapters may link only to pages of the site ("/…" or "#…")']);
    expect(check('[x]: https://example.com/')).toEqual(['1:6: link "https://example.com/" leaves the site: chapters may link only to pages of the site ("/…" or "#…")']);
    expect(check('Xem <https://example.com>.')).toEqual(['1:5: link <https://example.com> leaves the site: chapters may link only to pages of the site ("/…" or "#…")']);
    expect(check('Xem https://example.com/a hoặc www.example.com.')).toEqual([
      '1:5: web address "https://example.com/a" would become a link that leaves the site',
      '1:32: web address "www.example.com." would become a link that leaves the site',
    ]);
  });

  it('rejects images that are not files the site ships', () => {
    expect(check('![x](https://example.com/a.png)')).toEqual(['1:1: image "https://example.com/a.png" is not a file the site ships: put it in public/ and write its path from "/"']);
    expect(check('![x](/khong-co.png)')).toEqual(['1:1: image "/khong-co.png" is not a file the site ships: put it in public/ and write its path from "/"']);
  });
});

describe('validateContent applies the vocabulary to the chapters', { timeout: 120_000 }, () => {
  const CH04 = `content/${CONTENT_LAYOUT.chapters}/04-i-3-linh-vuc-noi-chinh.mdx`;

  it('names file:line:column for each violation, all of them, once each, in one pass', () => {
    const errors = validateMutated((root) =>
      edit(root, CH04, (t) => `${t}\nexport const host = 1;\n\nXem [x](javascript:alert(1)) và {host}.\n`),
    );
    const lines = errors.map((e) => e.message);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${CH04}:\\d+:1: "export" is not allowed in a chapter`, 'u')),
      expect.stringMatching(new RegExp(`^${CH04}:\\d+:9: link "javascript:alert\\(1\\)" leaves the site`, 'u')),
      expect.stringMatching(new RegExp(`^${CH04}:\\d+:33: an expression \\{…\\} is not allowed`, 'u')),
    ]);
    expect(new Set(lines).size).toBe(lines.length);
    for (const l of lines) expect(l).not.toMatch(/\n|\s+at /u);
  });
});
