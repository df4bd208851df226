import { describe, expect, it } from 'vitest';
import { alternatives, isAWord, primingQueries, startsALongerWord, startsAWord, typoCandidates, withinOneEdit } from '../../src/search/query';
import { minimalSpan, orderedRuns, phraseStats, rank, type AlternativeHits, type WordHits } from '../../src/search/score';
import { bestSentence, markRanges } from '../../src/search/highlight';

/** Word hits from positions per record: { r1: [3, 9] }; `prefix` records match only as a prefix. */
function hits(whole: Record<string, number[]>, prefix: Record<string, number[]> = {}, extra: Partial<WordHits> = {}): WordHits {
  const any = new Map(Object.entries({ ...whole, ...prefix }));
  return { whole: new Map(Object.entries(whole)), any, typo: new Map(), marked: null, score: new Map([...any.keys()].map((k) => [k, 1])), ...extra };
}
const literal = (...words: WordHits[]): AlternativeHits => ({ literal: true, words });
const order = (alts: AlternativeHits[]) => rank(alts).map((s) => s.id);

describe('rank', () => {
  it('puts the words together and in order above the words apart', () => {
    const alt = literal(hits({ apart: [1], together: [40] }), hits({ apart: [30], together: [41] }), hits({ apart: [60], together: [42] }));
    expect(order([alt])).toEqual(['together', 'apart']);
  });

  it('puts close words above far words', () => {
    const alt = literal(hits({ near: [10], far: [2] }), hits({ near: [12], far: [50] }));
    expect(order([alt])).toEqual(['near', 'far']);
  });

  it('puts a whole-word match above a prefix match', () => {
    const alt = literal(hits({ whole: [3] }, { prefix: [3] }));
    expect(order([alt])).toEqual(['whole', 'prefix']);
  });

  it('puts typed diacritics that match exactly above folded matches', () => {
    const alt = literal(hits({ folded: [3], exact: [3] }, {}, { marked: new Map([['exact', [3]]]) }));
    expect(order([alt])).toEqual(['exact', 'folded']);
  });

  it('puts every passage with all the words above every passage with only some', () => {
    const alt = literal(hits({ all: [90], some: [0, 5, 9] }), hits({ all: [2], some: [1, 6, 10] }), hits({ all: [50] }));
    const ranked = rank([alt]);
    expect(ranked.map((s) => s.id)).toEqual(['all', 'some']);
    expect(ranked.map((s) => s.all)).toEqual([true, false]);
  });

  it('ranks an abbreviation form just below the literal words', () => {
    const lit = literal(hits({ literal: [3] }), hits({ literal: [4] }));
    const abbr: AlternativeHits = { literal: false, words: [hits({ abbr: [3] })] };
    expect(order([lit, abbr])).toEqual(['literal', 'abbr']);
    // And the single literal word above its expansion.
    expect(order([literal(hits({ word: [3] })), { literal: false, words: [hits({ expansion: [3] }), hits({ expansion: [4] })] }])).toEqual(['word', 'expansion']);
  });

  it('counts an abbreviation\'s other form only where the words it brought stand together, in order', () => {
    // "hdnd tinh": its other form "hội đồng nhân dân tỉnh", the first four words brought.
    const form: AlternativeHits = {
      literal: false,
      brought: { start: 0, end: 4 },
      words: [
        hits({ name: [10], scattered: [2], lone: [] }),
        hits({ name: [11], scattered: [30] }),
        hits({ name: [12], scattered: [55], lone: [7] }),
        hits({ name: [13], scattered: [56], lone: [8] }),
        hits({ scattered: [3], lone: [1] }),
      ].map((h) => ({ ...h, whole: new Map([...h.whole].filter(([, ps]) => ps.length > 0)), any: new Map([...h.any].filter(([, ps]) => ps.length > 0)) })),
    };
    // "name" has the name without "tỉnh" (a partial match of the form); "scattered" has all five words
    // but the name's apart; "lone" has "nhân dân tỉnh" only.
    const ranked = rank([form]);
    expect(ranked.map((s) => s.id)).toEqual(['name']);
    expect(ranked[0].all).toBe(false);
    // Without the mark of what was brought, the scattered words would rank first.
    expect(order([{ ...form, brought: undefined }])[0]).toBe('scattered');
  });

  it('prefers the short passage that says exactly the thing', () => {
    const alt = literal(hits({ short: [1], long: [120] }), hits({ short: [2], long: [121] }));
    expect(order([alt])).toEqual(['short', 'long']);
  });
});

describe('orderedRuns', () => {
  it('finds one position of each list, in order, within the slack of a run, the places apart', () => {
    expect(orderedRuns([[3, 20], [4, 22], [5, 40]])).toEqual([[3, 4, 5]]);
    expect(orderedRuns([[3, 20], [4, 22], [5, 23]])).toEqual([[3, 4, 5], [20, 22, 23]]);
    // Two words among them at most ("khoa học và công nghệ" for "khoa học, công nghệ").
    expect(orderedRuns([[1], [2], [4], [5]])).toEqual([[1, 2, 4, 5]]);
    expect(orderedRuns([[1], [2], [6], [7]])).toEqual([]);
    expect(orderedRuns([[3], [5]], 0)).toEqual([]);
    // In order only: the second word before the first is no run.
    expect(orderedRuns([[5], [4]])).toEqual([]);
    // A word missing, or no list at all: none.
    expect(orderedRuns([[1], []])).toEqual([]);
    expect(orderedRuns([])).toEqual([]);
  });
});

describe('phraseStats and minimalSpan', () => {
  it('count runs and neighbouring pairs, and measure the closest window', () => {
    expect(phraseStats([[1, 10], [2, 20], [3]])).toEqual({ runs: 1, pairs: 2 });
    expect(phraseStats([[1], [5]])).toEqual({ runs: 0, pairs: 0 });
    expect(minimalSpan([[1, 50], [48], [52]])).toBe(4);
  });
});

describe('primingQueries', () => {
  it('takes the abbreviation with the most words (the first of them): as readers type it, its expansion as written, and without marks', () => {
    const abbreviations: [string, string][] = [
      ['VP', 'Văn phòng'],
      ['HĐND', 'Hội đồng nhân dân'],
      ['UBND', 'Ủy ban nhân dân'],
      ['CNTT', 'công nghệ thông tin'],
    ];
    expect(primingQueries(abbreviations)).toEqual(['hđnd', 'Hội đồng nhân dân', 'hoi dong nhan dan']);
    // Each of them brings the other form: the abbreviation's words, and the abbreviation back.
    for (const q of primingQueries(abbreviations)) expect(alternatives(q, abbreviations).length).toBeGreaterThan(1);
  });

  it('runs nothing without an abbreviation of two words or more', () => {
    expect(primingQueries([])).toEqual([]);
    expect(primingQueries([['T', 'Tỉnh']])).toEqual([]);
  });
});

describe('alternatives', () => {
  const ab: [string, string][] = [
    ['BHXH', 'bảo hiểm xã hội'],
    ['KH&ĐT', 'kế hoạch và đầu tư'],
  ];
  it('swaps an expansion for its abbreviation and back, the literal form first', () => {
    expect(alternatives('bao hiem xa hoi', ab).map((a) => [a.literal, a.words.map((w) => w.folded).join(' ')])).toEqual([
      [true, 'bao hiem xa hoi'],
      [false, 'bhxh'],
    ]);
    expect(alternatives('BHXH tinh', ab).map((a) => a.words.map((w) => w.folded).join(' '))).toEqual(['bhxh tinh', 'bao hiem xa hoi tinh']);
    expect(alternatives('so kh&dt', ab).map((a) => a.words.map((w) => w.folded).join(' '))).toEqual(['so kh dt', 'so ke hoach va dau tu']);
  });

  it('keeps what was typed with marks', () => {
    const [lit] = alternatives('Đầu tư', ab);
    expect(lit.words.map((w) => [w.folded, w.exact, w.marked])).toEqual([
      ['dau', 'đầu', true],
      ['tu', 'tư', true],
    ]);
  });
});

describe('the lexicon', () => {
  const lexicon = ['cong', 'cuong', 'dau', 'tu', 'tuyen'];
  it('tells a word of the report from a word being typed', () => {
    expect(['tu', 'dau', 'cong', 'tuyen'].filter((w) => isAWord(lexicon, w))).toEqual(['tu', 'dau', 'cong', 'tuyen']);
    expect(['t', 'tuy', 'c', 'a', 'zz', ''].filter((w) => isAWord(lexicon, w))).toEqual([]);
  });
  it('knows which words a beginning starts', () => {
    expect(['t', 'tuy', 'c', 'cu', 'd', 'dau'].every((w) => startsAWord(lexicon, w))).toBe(true);
    expect(['a', 'tx', 'dauz', 'zz'].some((w) => startsAWord(lexicon, w))).toBe(false);
  });
  it('knows which words start a longer one (those are searched whole and as a prefix, the others once)', () => {
    expect(['tu', 't', 'c', 'cu', 'tuy'].every((w) => startsALongerWord(lexicon, w))).toBe(true);
    expect(['dau', 'cong', 'cuong', 'tuyen', 'zz', 'a'].some((w) => startsALongerWord(lexicon, w))).toBe(false);
  });
});

describe('typos', () => {
  it('finds words one letter away: added, dropped, changed or two swapped', () => {
    expect(withinOneEdit('mnag', 'mang')).toBe(true);
    expect(withinOneEdit('ngiem', 'nghiem')).toBe(true);
    expect(withinOneEdit('bemh', 'benh')).toBe(true);
    expect(withinOneEdit('compots', 'compost')).toBe(true);
    expect(withinOneEdit('abcd', 'dcba')).toBe(false);
    expect(typoCandidates('compots', ['compost', 'cong'])).toEqual(['compost']);
    expect(typoCandidates('mnag', ['mang'])).toEqual(['mang']);
    expect(typoCandidates('abc', ['abd'])).toEqual([]);
  });
});

describe('markRanges', () => {
  const alts = (q: string) => alternatives(q, [['KCN', 'khu công nghiệp']]);
  const marked = (text: string, q: string) => markRanges(text, alts(q)).map((r) => text.slice(r.start, r.end));

  it('marks the phrase only, not other words that fold the same', () => {
    expect(marked('Từ đầu năm, vốn đầu tư công tăng; tự chủ', 'dau tu cong')).toEqual(['đầu tư công']);
    expect(marked('Sản lượng xi măng, mạng lưới', 'xi mang')).toEqual(['xi măng']);
  });

  it('marks the words where they stand apart', () => {
    expect(marked('đầu năm … công tác từ thiện', 'dau tu cong')).toEqual(['đầu', 'công', 'từ']);
  });

  it('marks a form found whole rather than some words of another, and the words an abbreviation brings only whole', () => {
    const abbr = (q: string) => alternatives(q, [['HĐND', 'hội đồng nhân dân'], ['BHYT', 'bảo hiểm y tế']]);
    const mark = (text: string, q: string) => markRanges(text, abbr(q)).map((r) => text.slice(r.start, r.end));
    // "công" is one letter from "dong", but "đồng" is not typed: it is searched whole only.
    expect(mark('HĐND tỉnh hỗ trợ người có công với cách mạng, thân nhân liệt sĩ', 'hdnd')).toEqual(['HĐND']);
    // Every word of the other form is there too, but apart: the query as typed is marked.
    expect(mark('Tỉnh ủy, HĐND chỉ đạo; kinh tế - xã hội; cộng đồng doanh nghiệp và nhân dân', 'hdnd')).toEqual(['HĐND']);
    // "hiện" is one letter from "hiem", a word typed; but "BHYT" is the whole query in another form.
    expect(mark('Tiếp tục thực hiện việc đăng ký khám chữa bệnh BHYT ban đầu', 'bao hiem y te')).toEqual(['BHYT']);
    // Typed words still match one letter away when no form is there whole.
    expect(mark('Tiếp tục thực hiện việc đăng ký', 'bao hiem')).toEqual(['hiện']);
  });

  it('marks the words an abbreviation brings only where they stand together', () => {
    const abbr = (q: string) => alternatives(q, [['HĐND', 'hội đồng nhân dân']]);
    const mark = (text: string, q: string) => markRanges(text, abbr(q)).map((r) => text.slice(r.start, r.end));
    // "tỉnh" is typed; "nhân dân" alone is not "HĐND", and the other form has more words here than the typed one.
    expect(mark('Nhân dân trong tỉnh đồng lòng', 'hdnd tinh')).toEqual(['tỉnh']);
    // Where the name stands whole, it is marked, and "nhân" elsewhere is not.
    expect(mark('thân nhân liệt sĩ; Hội đồng nhân dân tỉnh họp', 'hdnd tinh')).toEqual(['Hội đồng nhân dân tỉnh']);
    expect(mark('Hội đồng nhân dân họp; thân nhân liệt sĩ trong tỉnh', 'hdnd tinh')).toEqual(['Hội', 'đồng', 'nhân', 'dân', 'tỉnh']);
  });

  it('marks the abbreviation form when the literal words are not there', () => {
    expect(marked('hạ tầng các KCN trong tỉnh', 'khu cong nghiep')).toEqual(['KCN']);
  });

  it('prefers the words with the typed marks', () => {
    expect(marked('cho vay và chợ quê', 'chợ')).toEqual(['chợ']);
  });

  it('never marks a footnote-free text for a query of punctuation only', () => {
    expect(marked('xi măng', '!!!')).toEqual([]);
  });
});

describe('bestSentence', () => {
  it('shows the sentence with the most marks, marked', () => {
    const text = 'Câu đầu không có gì. Câu thứ hai nói về xi măng và xi măng. Câu cuối.';
    const segs = bestSentence(text, markRanges(text, alternatives('xi mang', [])));
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['xi măng', 'xi măng']);
    expect(segs.map((s) => s.text).join('')).toContain('Câu thứ hai nói về');
    expect(segs[0].text).toBe('… ');
  });
});
