/**
 * The abbreviations' functions (src/abbreviations/abbr.ts) on small inputs: matching whole words,
 * reading words in capitals, the reading order with footnotes at their markers, the first
 * uses, and wrapping them in <abbr> without changing a character of the text.
 */
import { describe, expect, it } from 'vitest';
import {
  abbrElement,
  abbrPlan,
  blockText,
  capsTokens,
  chapterSegments,
  firstUses,
  isAllCaps,
  markText,
  markTexts,
  blockFirstUses,
  occurrences,
  placeKey,
  placeLink,
  readingOrder,
  standsAt,
  uncoveredCapsTokens,
  type Exclusion,
} from '../../src/abbreviations/abbr';
import { sourceIndex } from '../../src/figures/figures';
import { abbreviationsPlugin } from '../../src/abbreviations/hast';
import { permalinksPlugin } from '../../src/permalinks/hast';
import { mdxHtml } from './helpers/mdx-html';
import { htmlText } from './helpers/html';
import { abbreviationSchema, type Abbreviation } from '../../src/schemas/abbreviation';
import type { ChapterData } from '../../src/schemas/chapter';

const entry = (id: string, abbr: string, expansion: string): Abbreviation => ({ id, abbr, expansion });
const KCN = entry('kcn', 'KCN', 'khu công nghiệp');
const KH = entry('kh', 'KH', 'kế hoạch');
const KHCN = entry('kh-cn', 'KH&CN', 'khoa học, công nghệ');
const HDND = entry('hdnd', 'HĐND', 'Hội đồng nhân dân');
const QL = entry('ql', 'QL', 'quốc lộ');
const SEA = entry('sea-games', 'SEA Games', 'Đại hội Thể thao Đông Nam Á');

const REPORT = {
  recipients: { label: 'Nơi nhận:', items: ['Thường trực HĐND tỉnh;', 'Lưu: VT.'] },
  signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lưu Văn Bản' },
};
const CHAPTER: ChapterData = { order: 1, slug: 'phan-thu-nhat/mo-dau', part: 'phan-thu-nhat', title: 'Mở đầu', heading: [], number: '' };
const BODY = ['Tỉnh ủy, HĐND và UBND tỉnh<Fn n={1} /> bàn về KCN.', '', '## 1.1. Nông nghiệp', '', 'Các KCN và KH&CN.', '', '<Recipients />'].join('\n');
const FOOTNOTES = new Map([[1, 'Có 17 KCN (đoạn từ QL5).']]);

describe('standsAt and occurrences', () => {
  it('find an abbreviation as a whole word, at the start, the end, or before punctuation', () => {
    expect(occurrences('KCN và các KCN, KCN.', 'KCN')).toEqual([0, 11, 16]);
    expect(standsAt('(KCN)', 'KCN', 1)).toBe(true);
  });

  it('accept a number glued after it, as in "QL5" and "VTV1"', () => {
    expect(occurrences('từ QL5 đến', 'QL')).toEqual([3]);
    expect(occurrences('kênh VTV1;', 'VTV')).toEqual([5]);
  });

  it('do not find it inside a longer word, a compound or a document symbol', () => {
    expect(occurrences('KHCN, KH&CN, KH-X', 'KH')).toEqual([]);
    expect(occurrences('TH&THCS', 'THCS')).toEqual([]);
    expect(occurrences('Nghị quyết số 66/NQ-HĐND', 'HĐND')).toEqual([]);
    expect(occurrences('BVĐK tỉnh', 'BV')).toEqual([]);
    expect(occurrences('VNeID', 'ID')).toEqual([]);
  });

  it('find the whole compound, and a joiner that ends a phrase does not hide it', () => {
    expect(occurrences('thông tin KH&CN và', 'KH&CN')).toEqual([10]);
    expect(occurrences('KCN- và', 'KCN')).toEqual([0]);
  });
});

describe('isAllCaps', () => {
  it('accepts a word of two capitals or more, Vietnamese capitals included', () => {
    for (const w of ['HĐND', 'ĐÁNH', 'ỦY', 'HCĐ', 'KT']) expect(isAllCaps(w), w).toBe(true);
  });

  it('rejects one letter, mixed case and lower case', () => {
    for (const w of ['A', 'VNeID', 'Đà', 'TTg', 'ha']) expect(isAllCaps(w), w).toBe(false);
  });
});

describe('capsTokens', () => {
  it('reads compounds joined by "&", "/" and "-" as one word, and digits as a break', () => {
    expect(capsTokens('KH&CN, GDNN-GDTX, 62/2011/QĐ-TTg, HCV/HCB/HCĐ, QL5, H5N1, VNeID và Hà Nội')).toEqual(['KH&CN', 'GDNN-GDTX', 'QĐ-TTg', 'HCV/HCB/HCĐ', 'QL']);
  });

  it('gives nothing for text without capitals', () => {
    expect(capsTokens('đường trục Bắc - Nam')).toEqual([]);
  });
});

describe('uncoveredCapsTokens', () => {
  const exclusions: Exclusion[] = [
    { kind: 'passage', text: 'ĐÁNH GIÁ CHUNG', reason: 'heading' },
    { kind: 'token', text: 'QĐ-TTg', reason: 'document symbol' },
    { kind: 'token', text: 'II', reason: 'roman' },
  ];

  it('finds nothing when each word is listed, excluded, or inside an excluded passage', () => {
    expect(uncoveredCapsTokens('II. ĐÁNH GIÁ CHUNG: KCN và KH&CN, số 62/2011/QĐ-TTg, SEA Games', ['KCN', 'KH&CN', 'SEA Games'], exclusions)).toEqual([]);
  });

  it('names a word in capitals that is neither listed nor excluded', () => {
    expect(uncoveredCapsTokens('KCN và CCN, QĐ-CP', ['KCN'], exclusions)).toEqual(['CCN', 'QĐ-CP']);
  });

  it('names a compound whose parts are not all listed', () => {
    expect(uncoveredCapsTokens('NQ-HĐND', ['HĐND'], [])).toEqual(['NQ-HĐND']);
    expect(uncoveredCapsTokens('NQ-HĐND', ['HĐND', 'NQ'], [])).toEqual([]);
  });
});

describe('blockText', () => {
  it('gives the words the "Nơi nhận" and signature blocks render, and nothing for another component', () => {
    expect(blockText('Recipients', REPORT)).toBe('Nơi nhận: - Thường trực HĐND tỉnh; - Lưu: VT.');
    expect(blockText('Signature', REPORT)).toBe('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lưu Văn Bản');
    expect(blockText('DataChart', REPORT)).toBe('');
  });
});

describe('chapterSegments', () => {
  const segments = chapterSegments({ id: '01-mo-dau', data: CHAPTER, body: BODY }, FOOTNOTES, REPORT);

  it('reads the text in order, each footnote at its marker, paragraphs by permalink id, then the text blocks', () => {
    expect(segments).toEqual([
      { place: { chapter: '01-mo-dau', paragraph: 'p1-d1' }, text: 'Tỉnh ủy, HĐND và UBND tỉnh' },
      { place: { chapter: '01-mo-dau', footnote: 1 }, text: 'Có 17 KCN (đoạn từ QL5).' },
      { place: { chapter: '01-mo-dau', paragraph: 'p1-d1' }, text: ' bàn về KCN.' },
      { place: { chapter: '01-mo-dau', paragraph: 'p1-1-1' }, text: '1.1. Nông nghiệp' },
      { place: { chapter: '01-mo-dau', paragraph: 'p1-1-1-d1' }, text: 'Các KCN và KH&CN.' },
      { place: { chapter: '01-mo-dau', block: 'Recipients' }, text: 'Nơi nhận: - Thường trực HĐND tỉnh; - Lưu: VT.' },
    ]);
  });

  it('fails, naming the chapter, on a marker of a footnote that does not exist', () => {
    expect(() => chapterSegments({ id: '01-mo-dau', data: CHAPTER, body: 'Chữ<Fn n={9} />.' }, FOOTNOTES, REPORT)).toThrow('01-mo-dau: there is no footnote 9');
  });

  it('gives each place its position in reading order, once', () => {
    const order = readingOrder(segments);
    expect(order.get(placeKey({ chapter: '01-mo-dau', paragraph: 'p1-d1' }))).toBe(0);
    expect(order.get(placeKey({ footnote: 1 }))).toBe(1);
    expect(order.get('01-mo-dau#Recipients')).toBe(5);
  });
});

describe('firstUses and abbrPlan', () => {
  const segments = chapterSegments({ id: '01-mo-dau', data: CHAPTER, body: BODY }, FOOTNOTES, REPORT);

  it('find each abbreviation where the reader meets it first: a footnote read at its marker comes before the rest of its sentence', () => {
    const uses = firstUses(segments, [KCN, HDND, QL, KHCN, KH]);
    expect(Object.fromEntries([...uses].map(([id, u]) => [id, u.place]))).toEqual({
      kcn: { chapter: '01-mo-dau', footnote: 1 },
      hdnd: { chapter: '01-mo-dau', paragraph: 'p1-d1' },
      ql: { chapter: '01-mo-dau', footnote: 1 },
      'kh-cn': { chapter: '01-mo-dau', paragraph: 'p1-1-1-d1' },
    });
  });

  it('leave out an abbreviation the text does not use', () => {
    expect(firstUses(segments, [SEA]).size).toBe(0);
  });

  it('split the page\'s marks between its text and each footnote', () => {
    const plan = abbrPlan(segments, [KCN, HDND, QL, KHCN]);
    expect(plan.text.map((a) => a.id)).toEqual(['hdnd', 'kh-cn']);
    expect([...plan.footnotes].map(([n, list]) => [n, list.map((a) => a.id)])).toEqual([[1, ['kcn', 'ql']]]);
  });
});

describe('abbrElement', () => {
  it('gives the expansion as the title, escaped, and makes the word focusable', () => {
    expect(abbrElement({ expansion: 'A & "B"' }, 'AB')).toBe('<abbr class="abbr" title="A &amp; &quot;B&quot;" tabindex="0">AB</abbr>');
  });
});

describe('markText', () => {
  it('wraps the first use of each abbreviation only, and escapes the text', () => {
    expect(markText('KCN <và> KCN, KH&CN.', [KCN, KHCN])).toBe(
      '<abbr class="abbr" title="khu công nghiệp" tabindex="0">KCN</abbr> &lt;và&gt; KCN, <abbr class="abbr" title="khoa học, công nghệ" tabindex="0">KH&amp;CN</abbr>.',
    );
  });

  it('leaves text without the abbreviations as escaped text', () => {
    expect(markText('a < b', [KCN])).toBe('a &lt; b');
  });
});

describe('markTexts and blockFirstUses', () => {
  it('marks the first use across the lines of a block, once', () => {
    expect(markTexts(['Thường trực HĐND tỉnh;', 'Các Ban HĐND tỉnh;', 'KCN'], [HDND])).toEqual([
      'Thường trực <abbr class="abbr" title="Hội đồng nhân dân" tabindex="0">HĐND</abbr> tỉnh;',
      'Các Ban HĐND tỉnh;',
      'KCN',
    ]);
  });

  it('gives a block the abbreviations first used in it, not those met before it', () => {
    const segments = [
      { place: { chapter: 'c', paragraph: 'p1' }, text: 'HĐND tỉnh' },
      { place: { chapter: 'c', block: 'Recipients' as const }, text: 'HĐND, KCN' },
    ];
    expect(blockFirstUses(segments, [HDND, KCN], 'Recipients')).toEqual([KCN]);
    expect(blockFirstUses(segments, [HDND, KCN], 'Signature')).toEqual([]);
  });
});

describe('the abbreviations plugin (Markdown pipeline)', async () => {
  const labels = { item: (label: string) => `Liên kết đến mục ${label}`, paragraph: 'Liên kết đến đoạn này' };
  const chapter = { part: 'phan-thu-nhat' as const, section: 'I' as const, heading: ['I. KẾT QUẢ', '1. Lĩnh vực kinh tế'] };
  const mdx = ['Tỉnh ủy, HĐND và KCN<Fn n={1} /> về KH&CN.', '## 1.1. KCN và HĐND', '[KCN](/x/) `KCN` rồi KCN và QL5.'].join('\n\n');
  const marks = new Map([
    ['p1-i-1-d1', [HDND, KHCN]],
    ['p1-i-1-1-d1', [KCN, QL]],
  ]);
  const render = (m: Map<string, Abbreviation[]>) => mdxHtml(mdx, [permalinksPlugin(chapter, labels), abbreviationsPlugin(m, 'x.mdx')], { components: { Fn: () => '<sup>1</sup>' } });
  const out = await render(marks);
  const plain = await mdxHtml(mdx, [permalinksPlugin(chapter, labels)], { components: { Fn: () => '<sup>1</sup>' } });

  it('wraps each first use in the block where the reading order met it, by permalink id', () => {
    expect(out).toContain('<p id="p1-i-1-d1">Tỉnh ủy, <abbr class="abbr" title="Hội đồng nhân dân" tabindex="0">HĐND</abbr> và KCN<sup>1</sup> về <abbr class="abbr" title="khoa học, công nghệ" tabindex="0">KH&amp;CN</abbr>.');
    expect(out).toContain('<h2 id="p1-i-1-1">1.1. KCN và HĐND');
  });

  it('skips links and code, and a number may follow the abbreviation', () => {
    expect(out).toContain('<a href="/x/">KCN</a> <code>KCN</code> rồi <abbr class="abbr" title="khu công nghiệp" tabindex="0">KCN</abbr> và <abbr class="abbr" title="quốc lộ" tabindex="0">QL</abbr>5.');
  });

  it('changes no text: only elements are added', async () => {
    expect(out.match(/<abbr class="abbr"/gu)).toHaveLength(4);
    expect(out.replace(/<abbr class="abbr"[^>]*>([^<]*)<\/abbr>/gu, '$1')).toBe(plain);
    expect(await render(new Map())).toBe(plain);
  });

  it('fails naming the file and the block when a first use is not found where the reading order put it', async () => {
    await expect(render(new Map([['p1-i-1-1', [QL]]]))).rejects.toThrow(/x\.mdx: #p1-i-1-1: the first use of QL is not in its running text/u);
    await expect(render(new Map([['p1-i-9', [QL]]]))).rejects.toThrow(/x\.mdx: no block with the permalink id p1-i-9/u);
  });
});

describe('placeLink', () => {
  const index = sourceIndex([{ id: '01-mo-dau', data: CHAPTER, body: BODY }], [{ n: 1, text: FOOTNOTES.get(1)! }]);

  it('links a paragraph by its permalink id, a footnote in its chapter\'s list, and a text block by its id', () => {
    expect(placeLink({ chapter: '01-mo-dau', paragraph: 'p1-1-1-d1' }, index)).toEqual({ href: '/phan-thu-nhat/mo-dau/#p1-1-1-d1', label: 'Mở đầu, mục 1.1, đoạn 1' });
    expect(placeLink({ chapter: '01-mo-dau', footnote: 1 }, index)).toEqual({ href: '/phan-thu-nhat/mo-dau/#fn-1', label: 'Chú thích 1 (Mở đầu)' });
    expect(placeLink({ chapter: '01-mo-dau', block: 'Recipients' }, index)).toEqual({ href: '/phan-thu-nhat/mo-dau/#noi-nhan', label: 'Mở đầu, phần nơi nhận' });
  });

  it('fails on a chapter, a paragraph or a footnote that does not exist', () => {
    expect(() => placeLink({ chapter: '99-khong-co', paragraph: 'p1-d1' }, index)).toThrow('there is no chapter 99-khong-co');
    expect(() => placeLink({ chapter: '01-mo-dau', paragraph: 'p1-d9' }, index)).toThrow('has no paragraph p1-d9');
    expect(() => placeLink({ chapter: '01-mo-dau', footnote: 7 }, index)).toThrow('there is no footnote 7');
  });
});

describe('abbreviationSchema', () => {
  const KCN_ENTRY = { id: 'kcn', abbr: 'KCN', expansion: 'khu công nghiệp', report: { quote: 'khu công nghiệp (KCN)', source: { chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-6-3' } } };
  /** The distinct dotted paths of the issues the schema finds; [] when the data is valid. */
  const paths = (data: unknown) => [...new Set(abbreviationSchema.safeParse(data).error?.issues.map((i) => i.path.join('.')) ?? [])];

  it('accepts an abbreviation with its expansion, English words, the report\'s own words and a note', () => {
    expect(paths(KCN_ENTRY)).toEqual([]);
    expect(paths({ id: 'sea-games', abbr: 'SEA Games', expansion: 'Đại hội Thể thao Đông Nam Á', english: 'Southeast Asian Games' })).toEqual([]);
    expect(paths({ id: 'kh-cn', abbr: 'KH&CN', expansion: 'khoa học, công nghệ', note: 'Một ghi chú cho người đọc.' })).toEqual([]);
  });

  it('rejects an id that is not lowercase words, an abbreviation with fewer than two capitals, and an unknown field', () => {
    expect(paths({ ...KCN_ENTRY, id: 'KCN' })).toEqual(['id']);
    expect(paths({ id: 'kcn', abbr: 'Kcn', expansion: 'khu công nghiệp' })).toEqual(['abbr']);
    expect(paths({ id: 'kcn', abbr: 'kcn', expansion: 'khu công nghiệp' })).toEqual(['abbr']);
    expect(paths({ ...KCN_ENTRY, plural: 'KCNs' })).toEqual(['']);
  });

  it('rejects a report quote without the abbreviation in brackets, or an expansion that is not the report\'s words', () => {
    expect(paths({ ...KCN_ENTRY, report: { ...KCN_ENTRY.report, quote: 'khu công nghiệp KCN' } })).toContain('report.quote');
    expect(paths({ ...KCN_ENTRY, expansion: 'khu kinh tế' })).toEqual(['expansion']);
  });
});
