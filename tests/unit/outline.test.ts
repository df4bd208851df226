import { describe, expect, it } from 'vitest';
import { chapterOutline, firstSentence } from '../../src/core/outline';
import { chapterSchema, type ChapterInput } from '../../src/schemas/chapter';
import { readChapterFiles } from './helpers/chapters';

const chapter = (input: Partial<ChapterInput>) =>
  chapterSchema.parse({ order: 1, slug: 'x', part: 'phan-thu-nhat', title: 'Chương', ...input });

describe('firstSentence', () => {
  it('ends at the first ".", ":" or ";" that is followed by a space', () => {
    expect(firstSentence('Tập trung đẩy mạnh sản xuất; Các ngành tiếp tục.')).toBe('Tập trung đẩy mạnh sản xuất;');
    expect(firstSentence('Phát triển các khu: tiếp tục')).toBe('Phát triển các khu:');
    expect(firstSentence('Thu chưa đạt dự toán. Chi tăng.')).toBe('Thu chưa đạt dự toán.');
  });

  it('does not end at a dot or comma inside a number', () => {
    expect(firstSentence('Vốn đạt 1.805 tỷ, tăng 8,16%. Sau đó')).toBe('Vốn đạt 1.805 tỷ, tăng 8,16%.');
  });

  it('gives the whole text when it has no sentence end', () => {
    expect(firstSentence('Về khách quan')).toBe('Về khách quan');
  });

  it('cuts a long sentence at a word boundary and marks the cut with "…"', () => {
    const words = 'Thực hiện Nghị quyết Trung ương 8 khóa XIII về Chiến lược bảo vệ Tổ quốc trong tình hình mới của tỉnh ta.';
    const cut = firstSentence(words, 40);
    expect(cut).toBe('Thực hiện Nghị quyết Trung ương 8 khóa…');
    expect(cut.length).toBeLessThanOrEqual(41);
    expect(words.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('keeps a sentence of exactly `max` characters whole', () => {
    expect(firstSentence('Mười ký tự', 10)).toBe('Mười ký tự');
  });
});

describe('chapterOutline', () => {
  const body = [
    'Đoạn mở đầu.',
    '',
    '## 1.5. Hoạt động đầu tư',
    '',
    '1.5.1. Đầu tư công được phân bổ. Chi tiết sau.',
    '',
    'Đoạn thường.',
    '',
    '### 1.6.1. Về hạ tầng',
    '',
    '(1) Mục trong ngoặc không vào mục lục.',
    '',
    '<Signature />',
  ].join('\n');
  const outline = chapterOutline(chapter({ section: 'I', heading: ['I. KẾT QUẢ', '1. Lĩnh vực kinh tế'] }), body);

  it('gives the id of the chapter heading as the root', () => {
    expect(outline.rootId).toBe('p1-i-1');
  });

  it('lists numbered headings and decimal-numbered items, with label, title and kind', () => {
    expect(outline.items).toEqual([
      { id: 'p1-i-1-5', label: '1.5.', title: 'Hoạt động đầu tư', depth: 1, kind: 'heading' },
      { id: 'p1-i-1-5-1', label: '1.5.1.', title: 'Đầu tư công được phân bổ.', depth: 2, kind: 'item' },
      { id: 'p1-i-1-6-1', label: '1.6.1.', title: 'Về hạ tầng', depth: 2, kind: 'heading' },
    ]);
  });

  it('lists every id in reading order, the root first, paragraphs included and components left out', () => {
    expect(outline.ids).toEqual(['p1-i-1', 'p1-i-1-d1', 'p1-i-1-5', 'p1-i-1-5-1', 'p1-i-1-5-1-d1', 'p1-i-1-6-1', 'p1-i-1-6-1-y1']);
  });

  it('counts depth below a decimal chapter heading: 2.1 is 1 under "2.", and 2.1.1 is 2', () => {
    const o = chapterOutline(chapter({ heading: ['2. Lĩnh vực xã hội'], section: 'I' }), '## 2.1. Y tế\n\n2.1.1. Khám bệnh.');
    expect(o.items.map((i) => i.depth)).toEqual([1, 2]);
  });

  it('counts depth from the numbering alone under a Roman or unnumbered chapter heading: 1 is 1, 1.1 is 2', () => {
    const o = chapterOutline(chapter({ heading: ['II. ĐÁNH GIÁ CHUNG'], section: 'II' }), '## 1. Thành tích\n\n1.1. Quy hoạch tỉnh.');
    expect(o.items.map((i) => [i.label, i.depth])).toEqual([
      ['1.', 1],
      ['1.1.', 2],
    ]);
  });

  it('gives an unnumbered heading depth 1, an empty label and its whole text as title', () => {
    const o = chapterOutline(chapter({ part: 'phan-ket', heading: [] }), '## Phần kết');
    expect(o.items).toEqual([{ id: 'ket-d1', label: '', title: 'Phần kết', depth: 1, kind: 'heading' }]);
  });

  it('reads the title of a heading as the reader sees it, without escapes or footnote markers', () => {
    const o = chapterOutline(chapter({ part: 'phan-thu-hai', heading: ['3. Nhiệm vụ'] }), '3\\.1\\. Xây dựng<Fn n={60} /> kế hoạch.');
    expect(o.items[0]).toMatchObject({ label: '3.1.', title: 'Xây dựng kế hoạch.' });
  });

  it('gives an empty outline for an empty body', () => {
    expect(chapterOutline(chapter({ part: 'phan-ket', heading: [] }), '')).toEqual({ rootId: 'ket', items: [], ids: ['ket'] });
  });

  it('throws on numbering that repeats within a chapter', () => {
    expect(() => chapterOutline(chapter({ heading: [] }), '## 1. Một\n\n## 1. Một lần nữa')).toThrow(/duplicate permalink id "p1-1"/u);
  });

  describe('of the real chapters', () => {
    const chapters = readChapterFiles();
    const outlines = chapters.map((c) => ({ name: c.name, outline: chapterOutline(c.data, c.body) }));

    it('gives every chapter distinct ids, and no id to two chapters', () => {
      const all = outlines.flatMap((o) => o.outline.ids);
      expect(new Set(all).size).toBe(all.length);
    });

    it('gives ids that are lowercase words joined by "-", usable as URL fragments', () => {
      for (const { outline } of outlines) for (const id of outline.ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
    });

    it('roots each chapter at the id of its own numbering', () => {
      expect(outlines.map((o) => o.outline.rootId)).toEqual(['p1', 'p1-i-1', 'p1-i-2', 'p1-i-3', 'p1-i-4', 'p1-ii', 'p1-iii', 'p2-1', 'p2-2', 'p2-3', 'ket']);
    });

    it('finds the headings and items a reader expects, e.g. 1.6.1 at depth 2 in chapter I.1 and 3.15 in chapter 3', () => {
      const byName = Object.fromEntries(outlines.map((o) => [o.name, o.outline]));
      expect(byName['02-i-1-linh-vuc-kinh-te.mdx'].items.find((i) => i.label === '1.6.1.')).toMatchObject({ id: 'p1-i-1-6-1', depth: 2, kind: 'heading' });
      expect(byName['10-3-nhiem-vu-giai-phap.mdx'].items.at(-1)).toMatchObject({ id: 'p2-3-15', label: '3.15.', depth: 1, kind: 'item' });
      expect(byName['06-ii-danh-gia-chung.mdx'].ids).toContain('p1-ii-3-2-y6');
    });
  });
});
