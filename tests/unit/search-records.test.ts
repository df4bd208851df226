import { describe, expect, it } from 'vitest';
import { chapterFilters, chapterMeta, countProblems, footnoteChapters, footnoteRecord, type SearchChapter } from '../../src/search/records';

const chapter: SearchChapter = { slug: 'phan-thu-nhat/i-1-linh-vuc-kinh-te', part: 'phan-thu-nhat', label: 'I.1. Lĩnh vực kinh tế', footnotes: [2, 3, 7] };

describe('footnoteRecord', () => {
  it('points at the footnote marker in its chapter, with its text, title and filters', () => {
    expect(footnoteRecord({ n: 7, text: 'Sản lượng xi măng …' }, chapter, 'Chú thích 7')).toEqual({
      url: '/phan-thu-nhat/i-1-linh-vuc-kinh-te/#fnref-7',
      content: 'Sản lượng xi măng …',
      language: 'vi',
      meta: { title: 'Chú thích 7', chapter: 'I.1. Lĩnh vực kinh tế', n: '7' },
      filters: { kind: ['chú thích'], part: ['phan-thu-nhat'], chapter: ['phan-thu-nhat/i-1-linh-vuc-kinh-te'] },
    });
  });
});

describe('chapterFilters and chapterMeta', () => {
  it('give a chapter page the same filters as its footnotes, but of the kind "nội dung"', () => {
    expect(chapterFilters(chapter)).toEqual({ kind: 'nội dung', part: 'phan-thu-nhat', chapter: 'phan-thu-nhat/i-1-linh-vuc-kinh-te' });
    expect(chapterMeta(chapter)).toEqual({ chapter: 'I.1. Lĩnh vực kinh tế' });
  });
});

describe('footnoteChapters', () => {
  it('maps each footnote to the chapter that carries its marker', () => {
    const other = { ...chapter, slug: 'phan-ket', part: 'phan-ket' as const, footnotes: [66] };
    const map = footnoteChapters([chapter, other]);
    expect(map.get(7)?.slug).toBe(chapter.slug);
    expect(map.get(66)?.slug).toBe('phan-ket');
    expect(map.get(1)).toBeUndefined();
  });
});

describe('countProblems', () => {
  it('finds nothing wrong when every chapter and footnote is indexed', () => {
    expect(countProblems({ chapters: 11, footnotes: 66 }, { chapters: 11, footnotes: 66 }, 66)).toEqual([]);
  });

  it('names a shortfall of chapters or footnotes', () => {
    expect(countProblems({ chapters: 11, footnotes: 66 }, { chapters: 10, footnotes: 66 }, 66)).toEqual(['indexed 10 chapters of 11']);
    expect(countProblems({ chapters: 11, footnotes: 66 }, { chapters: 11, footnotes: 65 }, 66)).toEqual([
      'indexed 65 footnotes of 66',
      "indexed 65 footnotes, fewer than the report's 66",
    ]);
  });

  it('fails an index with fewer footnotes than the report has, even if the content has fewer too', () => {
    expect(countProblems({ chapters: 11, footnotes: 60 }, { chapters: 11, footnotes: 60 }, 66)).toEqual(["indexed 60 footnotes, fewer than the report's 66"]);
  });

  it('fails when there is nothing to index', () => {
    expect(countProblems({ chapters: 0, footnotes: 66 }, { chapters: 0, footnotes: 66 }, 66)).toEqual(['there are no chapters to index']);
  });
});
