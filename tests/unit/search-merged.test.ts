import { describe, expect, it } from 'vitest';
import { splitMerged } from '../../src/search/merged';

describe('splitMerged(): the positions of one search of several words, told apart by word', () => {
  // "Hội đồng nhân dân tỉnh và nhân dân, doanh nghiệp": Pagefind's positions of hoi, dong, nhan, dan.
  const record = ['hoi', 'dong', 'nhan', 'dan', 'tinh', 'va', 'nhan', 'dan', 'doanh', 'nghiep'];

  it('gives each word its positions, whole and as the start of longer words', () => {
    expect(splitMerged([0, 1, 2, 3, 6, 7], record, ['hoi', 'dong', 'nhan', 'dan'])).toEqual([
      { any: [0], whole: [0] },
      { any: [1], whole: [1] },
      { any: [2, 6], whole: [2, 6] },
      { any: [3, 7], whole: [3, 7] },
    ]);
    // "do" starts "dong" and "doanh": both its positions, neither whole.
    expect(splitMerged([1, 8], record, ['do'])).toEqual([{ any: [1, 8], whole: [] }]);
  });

  it('reads positions that are not the record’s word numbers (Pagefind counts some words its own way) in order', () => {
    expect(splitMerged([10, 12, 20, 21, 30, 31], record, ['hoi', 'dong', 'nhan', 'dan'])?.map((p) => p.whole)).toEqual([[10], [12], [20, 30], [21, 31]]);
  });

  it('takes each position once, in any order', () => {
    expect(splitMerged([7, 3, 3, 0, 1, 2, 6], record, ['hoi', 'dong', 'nhan', 'dan'])?.map((p) => p.any)).toEqual([[0], [1], [2, 6], [3, 7]]);
  });

  it('gives up (null) when the record has more or fewer such words than positions', () => {
    expect(splitMerged([0, 1, 2, 3], record, ['hoi', 'dong', 'nhan', 'dan'])).toBeNull();
    expect(splitMerged([0, 1, 2, 3, 6, 7, 9], record, ['hoi', 'dong', 'nhan', 'dan'])).toBeNull();
  });
});
