/**
 * Bad content fails loudly: the mistakes an editor can make, each made once on a
 * temporary copy of content/, must fail the build's check (validateContent(), which
 * runs the figures' and indicators' checks too) with a message that names the file and
 * the problem. The real content/ is never touched (tests/unit/helpers/content-copy.ts).
 *
 * Some mistakes of the catalogue are tested where their check is, and not repeated here:
 * validate-content.test.ts — a footnote deleted from footnotes.yaml, a footnote number
 * used twice, a marker naming footnote 67, a marker repeated, a frontmatter field removed
 * or invalid, invalid YAML in a frontmatter, a missing frontmatter block, two chapters
 * with one order; figures-validate.test.ts — <DataChart> naming a chart that does not
 * exist, a chart or an indicator naming a figure that does not exist, a quote from a
 * paragraph that is not the report's words, a value that disagrees with its words.
 */
import { describe, expect, it } from 'vitest';
import { assertValidContent, malformedFootnoteMarkers } from '../../src/data/validate';
import { ROOT } from './helpers/chapters';
import { edit, validateMutated } from './helpers/content-copy';

const CH02 = 'content/chapters/02-i-1-linh-vuc-kinh-te.mdx';
const CH04 = 'content/chapters/04-i-3-linh-vuc-noi-chinh.mdx';
const FOOTNOTES = 'content/footnotes.yaml';
const FIGURES = 'content/figures/figures.yaml';
const CHARTS = 'content/figures/charts.yaml';
const INDICATORS = 'content/indicators.yaml';
const REPORT = 'content/report.yaml';
const CORRECTIONS = 'content/corrections.yaml';

interface Mutation {
  /** The mistake, as the test's name says it. */
  mistake: string;
  /** The one file the mistake is made in. */
  file: string;
  change: (text: string) => string;
  /** Messages that must be among the errors (strings exactly, patterns matched). */
  expected: (string | RegExp)[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** A message naming `file` and the field, with the problem matching `problem`. */
const named = (file: string, field: string, problem: string) => new RegExp(`^${esc(file)}: ${esc(field)}: ${problem}`, 'u');

const catalogue: { kind: string; mutations: Mutation[] }[] = [
  {
    kind: 'a footnote deleted',
    mutations: [
      {
        mistake: 'footnote 3, which a figure quotes, is deleted from footnotes.yaml',
        file: FOOTNOTES,
        change: (t) => t.replace(/^- n: 3\n {2}text: .*\n/mu, ''),
        expected: [`${FOOTNOTES}: n=3: footnote is missing`, `${CH02}: <Fn n={3} /> (line 2 of the body): footnote 3 does not exist in content/footnotes.yaml`],
      },
    ],
  },
  {
    kind: 'a number duplicated',
    mutations: [
      {
        mistake: 'two figures share an id',
        file: FIGURES,
        change: (t) => t.replace('- id: tang-truong-grdp-2023-co-the\n', '- id: tang-truong-grdp-2023\n'),
        expected: [named(FIGURES, '[4].id', 'duplicate value tang-truong-grdp-2023$')],
      },
      {
        mistake: 'two charts share an id',
        file: CHARTS,
        change: (t) => t.replace('- id: xuat-nhap-khau-2023\n', '- id: chi-tieu-2023-theo-nhom\n'),
        expected: [named(CHARTS, '[5].id', 'duplicate value chi-tieu-2023-theo-nhom$')],
      },
      {
        mistake: 'two targets of one group share a number',
        file: INDICATORS,
        change: (t) => t.replace(/(- id: bao-hiem-xa-hoi\n {2}group: xa-hoi\n {2}number: )2/u, '$11'),
        expected: [`${INDICATORS}: bao-hiem-xa-hoi.number: (1) is used twice in group xa-hoi`],
      },
    ],
  },
  {
    kind: 'a reference to something missing',
    mutations: [
      {
        mistake: 'a figure quotes footnote 67, which the report does not have',
        file: FIGURES,
        change: (t) => t.replace('  source: { footnote: 3 }', '  source: { footnote: 67 }'),
        expected: [named(FIGURES, 'tang-truong-grdp-2023-co-the.source.footnote', 'there is no footnote 67')],
      },
      {
        mistake: 'a figure quotes a paragraph id that its chapter does not have',
        file: FIGURES,
        change: (t) => t.replace('paragraph: p1-i-1-6-2 }', 'paragraph: p1-i-1-6-9 }'),
        expected: [`${FIGURES}: do-thi-hoa-2023.source.paragraph: chapter 02-i-1-linh-vuc-kinh-te has no paragraph with id "p1-i-1-6-9"`],
      },
      {
        mistake: 'a chart of targets names a target that does not exist',
        file: CHARTS,
        change: (t) => t.replace('indicators: [tang-truong-grdp', 'indicators: [khong-co'),
        expected: [named(CHARTS, 'chi-tieu-2024-tang-truong.indicators[1]', 'there is no indicator "khong-co" in content/indicators\\.yaml$')],
      },
    ],
  },
  {
    kind: 'a malformed number',
    mutations: [
      {
        mistake: 'a figure value is written the report\'s way, 8,16, which YAML reads as text',
        file: FIGURES,
        change: (t) => t.replace('  value: 8.16\n', '  value: 8,16\n'),
        expected: [named(FIGURES, 'tang-truong-grdp-2023.value', '.*expected number')],
      },
      {
        mistake: 'a figure\'s words give 8.5% with a decimal point, which the report never writes',
        file: FIGURES,
        change: (t) => t.replace('  text: khoảng 8,5%\n  quote: Dự kiến có thể đạt khoảng 8,5%.', '  text: khoảng 8.5%\n  quote: Dự kiến có thể đạt khoảng 8.5%.'),
        expected: [`${FIGURES}: tang-truong-grdp-2023-co-the.text: "8.5" is not a number as the report writes them (1.899 or 8,16)`],
      },
      {
        mistake: 'a target is numbered "(2)" instead of 2',
        file: INDICATORS,
        change: (t) => t.replace(/(- id: bao-hiem-xa-hoi\n {2}group: xa-hoi\n {2}number: )2/u, '$1"(2)"'),
        expected: [named(INDICATORS, 'bao-hiem-xa-hoi.number', '.*expected number')],
      },
      {
        mistake: 'a footnote is numbered 13a',
        file: FOOTNOTES,
        change: (t) => t.replace(/^- n: 13$/mu, '- n: 13a'),
        expected: [/^content\/footnotes\.yaml: \[\d+\]\.n: .*expected number/u],
      },
      {
        mistake: 'a footnote marker gives its number in quotes',
        file: CH02,
        change: (t) => t.replace('8,16%<Fn n={3} />', '8,16%<Fn n="3" />'),
        expected: [new RegExp(`^${esc(CH02)}:\\d+:\\d+: malformed footnote marker <Fn n="3" />: write it as <Fn n=\\{13\\} />, a whole number in braces$`, 'u')],
      },
      {
        mistake: 'a footnote marker gives a decimal number',
        file: CH02,
        change: (t) => t.replace('8,16%<Fn n={3} />', '8,16%<Fn n={3.5} />'),
        expected: [new RegExp(`^${esc(CH02)}:\\d+:\\d+: malformed footnote marker <Fn n=\\{3\\.5\\} />: write it as <Fn n=\\{13\\} />, a whole number in braces$`, 'u')],
      },
    ],
  },
  {
    kind: 'a quote not found in the text',
    mutations: [
      {
        mistake: 'the absent appendix is quoted in words the report does not use',
        file: REPORT,
        change: (t) => t.replace('quote: chi tiết tại phụ lục số 01 kèm theo', 'quote: chi tiết tại phụ lục số 02 kèm theo'),
        expected: [named(REPORT, 'absentAppendix.quote', '"chi tiết tại phụ lục số 02 kèm theo" is in no chapter of content/chapters')],
      },
      {
        mistake: 'a figure quotes footnote 3 with a word added',
        file: FIGURES,
        change: (t) => t.replace('  quote: Dự kiến có thể đạt khoảng 8,5%.', '  quote: Dự kiến có thể đạt được khoảng 8,5%.'),
        expected: [`${FIGURES}: tang-truong-grdp-2023-co-the.quote: "Dự kiến có thể đạt được khoảng 8,5%." does not stand word for word in footnote 3`],
      },
      {
        mistake: 'a figure\'s words are not in its own quote',
        file: FIGURES,
        change: (t) => t.replace('  text: 8,16%\n', '  text: 8,17%\n'),
        expected: [named(FIGURES, 'tang-truong-grdp-2023.text', 'text must be words of the quote$')],
      },
    ],
  },
  {
    kind: 'a required field missing',
    mutations: [
      { mistake: 'a footnote has no text', file: FOOTNOTES, change: (t) => t.replace(/^(- n: 13\n) {2}text: .*\n/mu, '$1'), expected: [named(FOOTNOTES, '[13].text', '.*expected string')] },
      {
        mistake: 'a figure has no unit',
        file: FIGURES,
        change: (t) => t.replace(/(- id: tang-truong-grdp-2023\n(?:.*\n){3}) {2}unit: "%"\n/u, '$1'),
        expected: [named(FIGURES, 'tang-truong-grdp-2023.unit', '.*expected string')],
      },
      { mistake: 'a chart has no title', file: CHARTS, change: (t) => t.replace('  title: Kim ngạch xuất khẩu và nhập khẩu năm 2023\n', ''), expected: [named(CHARTS, 'xuat-nhap-khau-2023.title', '.*expected string')] },
      { mistake: 'a target has no 2024 value', file: INDICATORS, change: (t) => t.replace('      target: kh2024-bhxh\n', ''), expected: [named(INDICATORS, 'bao-hiem-xa-hoi.parts[1].target', '.*expected string')] },
      { mistake: 'the absent appendix has no name', file: REPORT, change: (t) => t.replace(/^ {2}name: Phụ lục số 01\n/mu, ''), expected: [named(REPORT, 'absentAppendix.name', '.*expected string')] },
      { mistake: 'the report has no title', file: REPORT, change: (t) => t.replace(/^title: .*\n/mu, ''), expected: [named(REPORT, 'title', '.*expected string')] },
    ],
  },
  {
    kind: 'invalid YAML or frontmatter',
    mutations: [
      { mistake: 'footnotes.yaml loses an indentation', file: FOOTNOTES, change: (t) => t.replace(/^- n: 13\n {2}text: /mu, '- n: 13\n text: '), expected: [/^content\/footnotes\.yaml: line \d+: invalid YAML: /u] },
      { mistake: 'figures.yaml leaves a { unclosed', file: FIGURES, change: (t) => t.replace('  source: { footnote: 3 }', '  source: { footnote: 3 '), expected: [/^content\/figures\/figures\.yaml: line \d+: invalid YAML: /u] },
      { mistake: 'charts.yaml leaves a [ unclosed', file: CHARTS, change: (t) => t.replace('  categories: [Xuất khẩu, Nhập khẩu]', '  categories: [Xuất khẩu, Nhập khẩu'), expected: [/^content\/figures\/charts\.yaml: line \d+: invalid YAML: /u] },
      { mistake: 'indicators.yaml has a ] too many', file: INDICATORS, change: (t) => t.replace('  related: [bhxh-nguoi-2023]', '  related: [bhxh-nguoi-2023]]'), expected: [/^content\/indicators\.yaml: line \d+: invalid YAML: /u] },
      { mistake: 'report.yaml leaves a quote unclosed', file: REPORT, change: (t) => t.replace('shortTitle: Báo cáo', 'shortTitle: "Báo cáo'), expected: [/^content\/report\.yaml: line 5: invalid YAML: Missing closing "quote/u] },
      { mistake: 'corrections.yaml has a broken list item', file: CORRECTIONS, change: (t) => t.replace(/\n- /u, '\n-- '), expected: [/^content\/corrections\.yaml: line \d+: invalid YAML: /u] },
      { mistake: 'a chapter\'s frontmatter is never closed', file: CH04, change: (t) => t.replace(/\n---\n/u, '\n'), expected: [`${CH04}: frontmatter: missing: the file must start with a "---" block`] },
    ],
  },
];

const cases = catalogue.flatMap(({ kind, mutations }) => mutations.map((m) => ({ ...m, kind })));

describe('validateContent, on a copy of the content with one mistake', () => {
  it('finds nothing wrong with the untouched copy, so that every error below is its mistake\'s', () => {
    expect(validateMutated(() => {}).map((e) => e.message)).toEqual([]);
    expect(() => assertValidContent(ROOT)).not.toThrow();
  });

  it.each(cases)('fails for $kind — $mistake — naming $file and the problem', ({ file, change, expected }) => {
    const messages = validateMutated((root) => edit(root, file, change)).map((e) => e.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages).toEqual(expect.arrayContaining(expected.map((e) => (typeof e === 'string' ? e : expect.stringMatching(e)))));
    // Whatever else it causes, the mistake is reported at the file where it was made.
    expect(messages.filter((m) => m.startsWith(`${file}: `) || new RegExp(`^${esc(file)}:\\d+:\\d+: `, 'u').test(m)).length).toBeGreaterThan(0);
  });
});

describe('malformedFootnoteMarkers', () => {
  it('finds nothing in markers written as <Fn n={13} />, with or without spaces', () => {
    expect(malformedFootnoteMarkers('Một<Fn n={13} /> hai<Fn n={ 14 }/> ba.\n\nBốn<Fn  n={15}  />.')).toEqual([]);
  });

  it('finds a quoted, decimal, negative or unclosed number, with its line', () => {
    expect(malformedFootnoteMarkers('a<Fn n="3" />\nb<Fn n={3.5} /> c<Fn n={-1} />\n\nd<Fn n={4}>')).toEqual([
      { text: '<Fn n="3" />', line: 1 },
      { text: '<Fn n={3.5} />', line: 2 },
      { text: '<Fn n={-1} />', line: 2 },
      { text: '<Fn n={4}>', line: 4 },
    ]);
  });

  it('leaves other tags alone, such as <Figure> or <Fnx>', () => {
    expect(malformedFootnoteMarkers('<Figure id="a" /> <Fnx />')).toEqual([]);
  });
});
