import { describe, expect, it } from 'vitest';
import { chapterName, chapterNavLabel, summary } from '../../src/core/chapter-labels';
import { chapterSchema, type ChapterInput } from '../../src/schemas/chapter';

const chapter = (input: Partial<ChapterInput>) =>
  chapterSchema.parse({ order: 1, slug: 'x', part: 'phan-thu-nhat', title: 'Lĩnh vực kinh tế', ...input });

describe('chapterName', () => {
  it('is the last heading line when that line is numbered', () => {
    expect(chapterName(chapter({ heading: ['I. KẾT QUẢ PHÁT TRIỂN CÁC NGÀNH, LĨNH VỰC', '1. Lĩnh vực kinh tế'] }))).toBe('1. Lĩnh vực kinh tế');
    expect(chapterName(chapter({ heading: ['II. ĐÁNH GIÁ CHUNG'], title: 'Đánh giá chung' }))).toBe('II. ĐÁNH GIÁ CHUNG');
  });

  it('is the title when the last heading line is not numbered', () => {
    expect(chapterName(chapter({ heading: ['PHẦN THỨ NHẤT', 'Tình hình thực hiện kế hoạch'], title: 'Mở đầu' }))).toBe('Mở đầu');
  });

  it('is the title when the chapter has no heading lines', () => {
    expect(chapterName(chapter({ heading: [], title: 'Phần kết' }))).toBe('Phần kết');
  });
});

describe('chapterNavLabel', () => {
  it('puts the chapter number before the title', () => {
    expect(chapterNavLabel(chapter({ number: 'I.1' }))).toBe('I.1. Lĩnh vực kinh tế');
    expect(chapterNavLabel(chapter({ number: '3', title: 'Nhiệm vụ, giải pháp chủ yếu' }))).toBe('3. Nhiệm vụ, giải pháp chủ yếu');
  });

  it('is the title alone when the chapter has no number', () => {
    expect(chapterNavLabel(chapter({ title: 'Mở đầu' }))).toBe('Mở đầu');
  });
});

describe('summary', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(summary('  Quy mô   tổng sản phẩm\nước đạt  ')).toBe('Quy mô tổng sản phẩm ước đạt');
  });

  it('cuts long text at a word boundary within `max` characters and marks the cut with "…"', () => {
    const text = 'Sản xuất nông, lâm nghiệp và thuỷ sản đạt kết quả khá.';
    expect(summary(text, 20)).toBe('Sản xuất nông, lâm…');
    expect(summary(text, 20).length).toBeLessThanOrEqual(21);
  });

  it('keeps text of exactly `max` characters whole', () => {
    expect(summary('abc def', 7)).toBe('abc def');
  });

  it('gives an empty summary for blank text', () => {
    expect(summary(' \n ')).toBe('');
  });
});
