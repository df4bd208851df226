import { describe, expect, it } from 'vitest';
import { anchorFor, excerpt, findMatches, headingFor, splitWords, wordMatcher, type Segment } from '../../src/lib/search-match';
import { parseQuery } from '../../src/lib/search-query';

const FN7 = 'Sản lượng xi măng chỉ đạt 4.960,7 nghìn tấn, giảm 4% so với năm trước.';
const words = (text: string) => splitWords(text);
const find = (text: string, query: string) => {
  const q = parseQuery(query);
  return findMatches(words(text), q.groups, q.prefixLast);
};
const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe('findMatches', () => {
  it('finds words whatever their case, marks and d/đ', () => {
    expect(find(FN7, 'xi mang').all).toBe(true);
    expect(find('Hoạt động đầu tư có nhiều khởi sắc', 'dau tu').all).toBe(true);
    expect(find('ước đạt 184 nghìn 123 tỷ đồng,', 'TY DONG').all).toBe(true);
    expect(find('Tỉnh ủy, HĐND và UBND tỉnh', 'hdnd').all).toBe(true);
  });

  it('finds numbers as written, with their punctuation', () => {
    expect(find('của tỉnh là 8,16% (KH năm', '8,16').all).toBe(true);
    expect(find('đang cung cấp 1.899 dịch vụ công', '1.899').all).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(find(FN7, 'xi mang compost').all).toBe(false);
    expect(find(FN7, 'xyzzy').all).toBe(false);
  });

  it('matches finished words whole, and the word being typed as a prefix', () => {
    expect(find('tiêm chủng vắc xin và mạng lưới', 'xi mang').all).toBe(false);
    expect(find('ủ mùn compost 90 tấn', 'compo').all).toBe(true);
    expect(find('ủ mùn compost 90 tấn', 'compo tấn').all).toBe(false);
  });

  it('needs the words of a quoted phrase one after another', () => {
    expect(find('tỷ lệ lao động', '"ty dong"').all).toBe(false);
    expect(find('7.511 tỷ đồng, trong đó', '"ty dong"').all).toBe(true);
    expect(find('7.511 tỷ đồng, trong đó', '"ty dong"').positions).toEqual([1, 2]);
  });

  it('marks only the equal words of the word being typed when the text has some', () => {
    const m = find('vốn đầu tư và tục lệ', 'dau tu');
    expect(m.positions).toEqual([1, 2]);
  });

  it('finds nothing for an empty query or an empty text', () => {
    expect(find(FN7, '').all).toBe(false);
    expect(find('', 'xi').all).toBe(false);
  });
});

describe('excerpt', () => {
  it('keeps a short text whole, with the matched words marked together', () => {
    const w = words(FN7);
    const { segments } = excerpt(w, findMatches(w, [['xi'], ['mang']]), 30);
    expect(segments.map((s) => s.text).join('')).toBe(FN7);
    expect(marked(segments)).toEqual(['xi măng']);
  });

  it('cuts a long text around its densest match, with "…" where it is cut', () => {
    const text = `${'một '.repeat(50)}tổng vốn đầu tư phát triển${' hai'.repeat(50)}`;
    const w = words(text);
    const { segments, first } = excerpt(w, findMatches(w, [['dau'], ['tu']]), 10);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(marked(segments)).toEqual(['đầu tư']);
    expect(w[first]).toBe('đầu');
    expect(splitWords(joined.replace(/…/gu, ''))).toHaveLength(10);
  });

  it('prefers the window that holds every word of the query', () => {
    const text = `đầu ${'x '.repeat(40)}đầu tư ${'y '.repeat(40)}`;
    const w = words(text);
    expect(excerpt(w, findMatches(w, [['dau'], ['tu']]), 10).first).toBe(41);
  });

  it('gives nothing for no words', () => {
    expect(excerpt([], findMatches([], [['x']]))).toEqual({ segments: [], first: 0 });
  });
});

describe('wordMatcher', () => {
  it('tells the words of a page to mark, folded', () => {
    const page = words('Sản lượng xi măng đạt; HĐND tỉnh');
    const matches = wordMatcher(parseQuery('xi mang hdnd').groups, page, true);
    expect(page.filter(matches)).toEqual(['xi', 'măng', 'HĐND']);
  });

  it('marks the words the last word starts only when none equals it', () => {
    const q = parseQuery('compo');
    expect(words('ủ mùn compost').filter(wordMatcher(q.groups, words('ủ mùn compost'), q.prefixLast))).toEqual(['compost']);
    const t = parseQuery('tu');
    expect(words('đầu tư tục lệ').filter(wordMatcher(t.groups, words('đầu tư tục lệ'), t.prefixLast))).toEqual(['tư']);
  });

  it('marks nothing for an empty query', () => {
    expect(words(FN7).filter(wordMatcher([], words(FN7)))).toEqual([]);
  });
});

describe('anchorFor and headingFor', () => {
  const anchors = [
    { element: 'h1', id: 'p1-i-1', location: 0 },
    { element: 'p', id: 'p1-i-1-d1', location: 10 },
    { element: 'h2', id: 'p1-i-1-1', text: '1.1. Nông nghiệp', location: 40 },
    { element: 'p', id: 'p1-i-1-1-d1', location: 44 },
    { element: 'sup', id: 'fnref-2', location: 50 },
  ];

  it('links to the paragraph or heading that holds the match', () => {
    expect(anchorFor(anchors, 12)?.id).toBe('p1-i-1-d1');
    expect(anchorFor(anchors, 60)?.id).toBe('p1-i-1-1-d1');
    expect(anchorFor(anchors, 40)?.id).toBe('p1-i-1-1');
  });

  it('names the section heading that holds the match, below the title', () => {
    expect(headingFor(anchors, 60)?.text).toBe('1.1. Nông nghiệp');
    expect(headingFor(anchors, 12)).toBeUndefined();
  });

  it('finds nothing before the first anchor or among none', () => {
    expect(anchorFor(anchors.slice(1), 5)).toBeUndefined();
    expect(anchorFor([], 5)).toBeUndefined();
  });
});
