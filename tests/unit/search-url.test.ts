import { describe, expect, it } from 'vitest';
import { footnoteOfHash, highlightQuery, readSearchState, resultUrl, searchPageUrl, withFragment } from '../../src/search/url';

describe('readSearchState', () => {
  it('reads the query, the scope and the footnotes-only switch', () => {
    expect(readSearchState('?q=xi+mang&pham-vi=phan-thu-nhat&chi-chu-thich=1')).toEqual({ query: 'xi mang', scope: 'phan-thu-nhat', footnotesOnly: true });
    expect(readSearchState('?q=%C4%91%E1%BA%A7u%20t%C6%B0')).toEqual({ query: 'đầu tư', scope: '', footnotesOnly: false });
  });

  it('gives the defaults for no query string', () => {
    expect(readSearchState('')).toEqual({ query: '', scope: '', footnotesOnly: false });
  });

  it('drops a scope that is no part id or slug, and cuts an overlong query', () => {
    expect(readSearchState('?pham-vi=<script>').scope).toBe('');
    expect(readSearchState(`?q=${'a'.repeat(500)}`).query).toHaveLength(200);
  });
});

describe('searchPageUrl', () => {
  it('writes what is searched, leaving defaults out', () => {
    expect(searchPageUrl({ query: 'xi mang', scope: '', footnotesOnly: false })).toBe('/tim-kiem/?q=xi+mang');
    expect(searchPageUrl({ query: 'KCN', scope: 'phan-thu-hai/3-nhiem-vu-giai-phap', footnotesOnly: true })).toBe(
      '/tim-kiem/?q=KCN&pham-vi=phan-thu-hai%2F3-nhiem-vu-giai-phap&chi-chu-thich=1',
    );
    expect(searchPageUrl({ query: '  ', scope: '', footnotesOnly: false })).toBe('/tim-kiem/');
  });

  it('round-trips through readSearchState', () => {
    const state = { query: '"tỷ đồng" 8,16', scope: 'phan-ket', footnotesOnly: true };
    expect(readSearchState(searchPageUrl(state).split('?')[1])).toEqual(state);
  });
});

describe('resultUrl', () => {
  it('puts the query before the fragment', () => {
    expect(resultUrl('/phan-thu-nhat/i-1-linh-vuc-kinh-te/#fnref-7', 'xi mang')).toBe('/phan-thu-nhat/i-1-linh-vuc-kinh-te/?tu-khoa=xi+mang#fnref-7');
    expect(resultUrl('/phan-ket/', 'HĐND')).toBe('/phan-ket/?tu-khoa=H%C4%90ND');
  });

  it('leaves a URL without a query alone', () => {
    expect(resultUrl('/a/#p1', ' ')).toBe('/a/#p1');
  });
});

describe('withFragment', () => {
  it('replaces or removes the fragment', () => {
    expect(withFragment('/a/', 'p1-i-1-d2')).toBe('/a/#p1-i-1-d2');
    expect(withFragment('/a/#x', undefined)).toBe('/a/');
  });
});

describe('highlightQuery', () => {
  it('reads the query a result carried to its page', () => {
    expect(highlightQuery('?tu-khoa=xi+mang')).toBe('xi mang');
  });

  it('is null without one', () => {
    expect(highlightQuery('')).toBeNull();
    expect(highlightQuery('?tu-khoa=%20')).toBeNull();
  });
});

describe('footnoteOfHash', () => {
  it('reads the footnote a marker fragment points at', () => {
    expect(footnoteOfHash('#fnref-36')).toBe(36);
  });

  it('is null for any other fragment', () => {
    for (const hash of ['', '#fn-36', '#fnref-', '#fnref-x', '#p1-i-1']) expect(footnoteOfHash(hash), hash).toBeNull();
  });
});
