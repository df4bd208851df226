import { describe, expect, it } from 'vitest';
import { KINDS, scopeFilters } from '../../src/search/results';
import { KIND_CONTENT, KIND_FOOTNOTE } from '../../src/search/types';

describe('scopeFilters', () => {
  it('filters by part or by chapter, and an unknown scope is the whole report', () => {
    expect(scopeFilters('phan-thu-hai', ['phan-thu-nhat', 'phan-thu-hai'], ['a/b'])).toEqual({ part: 'phan-thu-hai' });
    expect(scopeFilters('a/b', ['phan-thu-nhat'], ['a/b'])).toEqual({ chapter: 'a/b' });
    expect(scopeFilters('', ['phan-thu-nhat'], ['a/b'])).toEqual({});
    expect(scopeFilters('x', ['phan-thu-nhat'], ['a/b'])).toEqual({});
  });

  it('names the kinds as the index does', () => {
    expect(KINDS.content).toBe(KIND_CONTENT);
    expect(KINDS.footnote).toBe(KIND_FOOTNOTE);
  });
});
