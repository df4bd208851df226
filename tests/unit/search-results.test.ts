import { describe, expect, it } from 'vitest';
import { kindFilters, mergeHits, scopeFilters, type Hit } from '../../src/lib/search-results';

const hit = (id: string, score: number, tier: Hit['tier']): Hit<string> => ({ id, score, tier, result: id });

describe('mergeHits', () => {
  it('gives one entry per record, with its best tier and score', () => {
    const merged = mergeHits([hit('a', 1, 'loose'), hit('a', 3, 'loose'), hit('a', 0.5, 'phrase')]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'a', tier: 'phrase', score: 0.5, tiers: ['loose', 'phrase'] });
  });

  it('ranks exact diacritics first, then phrases, then the rest, whatever the scores', () => {
    const merged = mergeHits([hit('loose', 9, 'loose'), hit('phrase', 1, 'phrase'), hit('exact', 0.1, 'exact')]);
    expect(merged.map((h) => h.id)).toEqual(['exact', 'phrase', 'loose']);
  });

  it('ranks an exact match that is also a phrase above one that is not', () => {
    const merged = mergeHits([hit('apart', 5, 'exact'), hit('together', 1, 'exact'), hit('together', 1, 'phrase')]);
    expect(merged.map((h) => h.id)).toEqual(['together', 'apart']);
  });

  it('ranks by score within a tier, and keeps the first seen first on a tie', () => {
    expect(mergeHits([hit('b', 1, 'loose'), hit('a', 2, 'loose'), hit('c', 1, 'loose')]).map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for no hits', () => {
    expect(mergeHits([])).toEqual([]);
  });
});

describe('scopeFilters', () => {
  const parts = ['phan-thu-nhat', 'phan-thu-hai', 'phan-ket'];
  const chapters = ['phan-thu-nhat/mo-dau', 'phan-ket'];

  it('filters by part for a part id, by chapter for a chapter slug', () => {
    expect(scopeFilters('phan-thu-hai', parts, chapters)).toEqual({ part: 'phan-thu-hai' });
    expect(scopeFilters('phan-thu-nhat/mo-dau', parts, chapters)).toEqual({ chapter: 'phan-thu-nhat/mo-dau' });
    expect(scopeFilters('phan-ket', parts, chapters)).toEqual({ part: 'phan-ket' });
  });

  it('does not filter for the whole report or an unknown value', () => {
    expect(scopeFilters('', parts, chapters)).toEqual({});
    expect(scopeFilters('khong-co', parts, chapters)).toEqual({});
  });
});

describe('kindFilters', () => {
  it('adds the kind, named as the index names it, to the scope', () => {
    expect(kindFilters('footnote', { part: 'phan-thu-nhat' })).toEqual({ part: 'phan-thu-nhat', kind: 'chú thích' });
    expect(kindFilters('content', {})).toEqual({ kind: 'nội dung' });
  });
});
