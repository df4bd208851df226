import { describe, expect, it } from 'vitest';
import { parseQuery, planSearches, queryWordList, requirements, spellings } from '../../src/lib/search-query';

describe('parseQuery', () => {
  it('splits a query into words, lower-cased, punctuation removed, marks kept', () => {
    expect(parseQuery('  Đầu   tư, 8,16%  ')).toEqual({ text: 'Đầu tư, 8,16%', groups: [['đầu'], ['tư'], ['816']], phrase: false, prefixLast: true });
  });

  it('keeps a quoted phrase together as one group', () => {
    const q = parseQuery('"tỷ đồng" KCN');
    expect(q.groups).toEqual([['tỷ', 'đồng'], ['kcn']]);
    expect(q.phrase).toBe(false);
    expect(q.prefixLast).toBe(true);
  });

  it('knows a query that is one quoted phrase, typographic quotes included', () => {
    expect(parseQuery('"xi mang"')).toMatchObject({ groups: [['xi', 'mang']], phrase: true, prefixLast: false });
    expect(parseQuery('“xi măng”')).toMatchObject({ groups: [['xi', 'măng']], phrase: true });
  });

  it('quotes to the end of the query when the closing quote is missing', () => {
    expect(parseQuery('KCN "tỷ đồng')).toMatchObject({ groups: [['kcn'], ['tỷ', 'đồng']], phrase: false, prefixLast: false });
  });

  it('gives no group for an empty query, whitespace, or punctuation alone', () => {
    for (const raw of ['', '   ', '""', '...,', '“ ”']) expect(parseQuery(raw).groups, raw).toEqual([]);
    expect(parseQuery('').prefixLast).toBe(false);
  });
});

describe('spellings', () => {
  it('gives every d/đ spelling of a list of words, the typed one first', () => {
    expect(spellings(['ty', 'dong'])).toEqual([
      ['ty', 'dong'],
      ['ty', 'đong'],
    ]);
    expect(spellings(['dau', 'tu'])[0]).toEqual(['dau', 'tu']);
  });

  it('gives at most `max` spellings', () => {
    expect(spellings(['dau', 'duong', 'dong', 'dan'], 8)).toHaveLength(8);
    expect(spellings(['dau', 'duong', 'dong', 'dan'], 8)[0]).toEqual(['dau', 'duong', 'dong', 'dan']);
  });
});

describe('requirements', () => {
  it('asks for finished words as whole words (quoted) and the last word as a prefix', () => {
    expect(requirements(parseQuery('duong sat'))).toEqual([
      { words: ['duong'], terms: ['"duong"', '"đuong"'], prefix: false },
      { words: ['sat'], terms: ['sat'], prefix: true },
    ]);
  });

  it('asks for a quoted phrase with its words in order', () => {
    expect(requirements(parseQuery('"ty dong"'))).toEqual([{ words: ['ty', 'dong'], terms: ['"ty dong"', '"ty đong"'], prefix: false }]);
  });

  it('asks for nothing for an empty query', () => {
    expect(requirements(parseQuery(' '))).toEqual([]);
  });
});

describe('planSearches', () => {
  it('ranks by exact diacritics first when the query has marks, then phrase, then loose', () => {
    expect(planSearches(parseQuery('đầu tư'))).toEqual([
      { term: 'đầu tư', exactDiacritics: true, tier: 'exact' },
      { term: '"đầu tư"', exactDiacritics: false, tier: 'phrase' },
      { term: '"dầu tư"', exactDiacritics: false, tier: 'phrase' },
      { term: 'đầu tư', exactDiacritics: false, tier: 'loose' },
      { term: 'dầu tư', exactDiacritics: false, tier: 'loose' },
    ]);
  });

  it('has no exact tier for a query without marks, and no phrase tier for one word', () => {
    expect(planSearches(parseQuery('KCN'))).toEqual([{ term: 'kcn', exactDiacritics: false, tier: 'loose' }]);
  });

  it('searches a quoted query only as a phrase', () => {
    expect(planSearches(parseQuery('"xi măng"')).map((p) => p.tier)).toEqual(['exact', 'phrase']);
    expect(planSearches(parseQuery('"xi măng"'))[0].term).toBe('"xi măng"');
  });

  it('plans nothing for an empty query', () => {
    expect(planSearches(parseQuery(''))).toEqual([]);
    expect(queryWordList(parseQuery(''))).toEqual([]);
  });
});
