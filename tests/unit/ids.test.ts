import { describe, expect, it } from 'vitest';
import { IdAssigner, parseNumbering, partPrefix } from '../../src/core/ids';

describe('parseNumbering', () => {
  it('reads a Roman numeral followed by a dot and a space', () => {
    expect(parseNumbering('II. ĐÁNH GIÁ CHUNG')).toEqual({ kind: 'roman', label: 'II.', value: 'II' });
    expect(parseNumbering('III. NHIỆM VỤ')).toEqual({ kind: 'roman', label: 'III.', value: 'III' });
  });

  it('reads decimal numbering of one to several levels', () => {
    expect(parseNumbering('1. Lĩnh vực kinh tế')).toEqual({ kind: 'decimal', label: '1.', path: [1] });
    expect(parseNumbering('1.5.1. Đầu tư công')).toEqual({ kind: 'decimal', label: '1.5.1.', path: [1, 5, 1] });
    expect(parseNumbering('3.15. Tập trung')).toEqual({ kind: 'decimal', label: '3.15.', path: [3, 15] });
  });

  it('reads a number in parentheses', () => {
    expect(parseNumbering('(3) Chưa có nhiều')).toEqual({ kind: 'paren', label: '(3)', value: 3 });
    expect(parseNumbering('(12) Mười hai')).toEqual({ kind: 'paren', label: '(12)', value: 12 });
  });

  it('ignores whitespace before the numbering', () => {
    expect(parseNumbering('  2.1. Y tế')).toEqual({ kind: 'decimal', label: '2.1.', path: [2, 1] });
  });

  it('does not take a number with a thousands separator for numbering, as in "1.805 doanh nghiệp"', () => {
    expect(parseNumbering('1.805 doanh nghiệp thành lập mới')).toBeNull();
  });

  it('does not take a year, a decimal fraction or a number without its closing dot for numbering', () => {
    expect(parseNumbering('2023. Năm')).toBeNull();
    expect(parseNumbering('8,16% tăng')).toBeNull();
    expect(parseNumbering('1 chỉ tiêu')).toBeNull();
    expect(parseNumbering('1.5 lần')).toBeNull();
  });

  it('requires a space after the numbering', () => {
    expect(parseNumbering('1.Lĩnh vực')).toBeNull();
    expect(parseNumbering('II.')).toBeNull();
    expect(parseNumbering('(1)Không cách')).toBeNull();
  });

  it('does not take words or lowercase Roman numerals for numbering', () => {
    expect(parseNumbering('Trồng trọt: Toàn tỉnh')).toBeNull();
    expect(parseNumbering('ii. nhỏ')).toBeNull();
    expect(parseNumbering('IA. Không phải số La Mã')).toBeNull();
    expect(parseNumbering('PHẦN THỨ NHẤT')).toBeNull();
    expect(parseNumbering('')).toBeNull();
  });
});

describe('partPrefix', () => {
  it('names Phần thứ nhất "p1", Phần thứ hai "p2" and the closing "ket"', () => {
    expect(partPrefix('phan-thu-nhat')).toBe('p1');
    expect(partPrefix('phan-thu-hai')).toBe('p2');
    expect(partPrefix('phan-ket')).toBe('ket');
  });
});

describe('IdAssigner', () => {
  it('gives a chapter without numbered heading lines the part id as its root', () => {
    expect(new IdAssigner('phan-thu-nhat').root(['PHẦN THỨ NHẤT', 'Tình hình thực hiện kế hoạch'])).toBe('p1');
    expect(new IdAssigner('phan-ket').root([])).toBe('ket');
  });

  it('enters each numbered heading line of the root in turn', () => {
    expect(new IdAssigner('phan-thu-nhat', 'I').root(['I. KẾT QUẢ PHÁT TRIỂN CÁC NGÀNH, LĨNH VỰC', '1. Lĩnh vực kinh tế'])).toBe('p1-i-1');
    expect(new IdAssigner('phan-thu-nhat', 'I').root(['2. Lĩnh vực xã hội'])).toBe('p1-i-2');
    expect(new IdAssigner('phan-thu-nhat', 'II').root(['II. ĐÁNH GIÁ CHUNG'])).toBe('p1-ii');
    expect(new IdAssigner('phan-thu-hai').root(['PHẦN THỨ HAI', 'Kế hoạch năm 2024', '1. Dự báo'])).toBe('p2-1');
  });

  it('gives the root id as `current` until a numbered block follows', () => {
    const ids = new IdAssigner('phan-thu-hai');
    ids.root(['3. Nhiệm vụ, giải pháp chủ yếu']);
    expect(ids.current).toBe('p2-3');
    ids.paragraph('3.4. Đảm bảo các cân đối lớn');
    expect(ids.current).toBe('p2-3-4');
  });

  it('ids numbered headings and items by their full numbering under the section', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['1. Lĩnh vực kinh tế']);
    expect(ids.heading('1.5. Hoạt động đầu tư')).toBe('p1-i-1-5');
    expect(ids.paragraph('1.5.1. Đầu tư công được phân bổ')).toBe('p1-i-1-5-1');
    expect(ids.heading('1.6.1. Về hệ thống kết cấu hạ tầng')).toBe('p1-i-1-6-1');
  });

  it('keeps 2.3 under section I apart from 2.3 under section II', () => {
    const underI = new IdAssigner('phan-thu-nhat', 'I');
    underI.root(['2. Lĩnh vực xã hội']);
    const underII = new IdAssigner('phan-thu-nhat', 'II');
    underII.root(['II. ĐÁNH GIÁ CHUNG']);
    underII.heading('2. Một số tồn tại, hạn chế');
    expect(underI.heading('2.3. Văn hóa, thể thao')).toBe('p1-i-2-3');
    expect(underII.paragraph('2.3. Một số hoạt động')).toBe('p1-ii-2-3');
  });

  it('replaces the section when a Roman-numbered heading starts a new one', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['1. Lĩnh vực kinh tế']);
    expect(ids.heading('II. ĐÁNH GIÁ CHUNG')).toBe('p1-ii');
    expect(ids.heading('1. Một số thành tích')).toBe('p1-ii-1');
  });

  it('numbers unnumbered paragraphs after a numbered heading -d1, -d2, … and restarts at each numbered block', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['1. Lĩnh vực kinh tế']);
    expect(ids.paragraph('Quy mô tổng sản phẩm')).toBe('p1-i-1-d1');
    expect(ids.heading('1.1. Nông nghiệp')).toBe('p1-i-1-1');
    expect(ids.paragraph('Sản xuất nông, lâm nghiệp')).toBe('p1-i-1-1-d1');
    expect(ids.paragraph('Trồng trọt: Toàn tỉnh')).toBe('p1-i-1-1-d2');
    expect(ids.heading('1.2. Công nghiệp, xây dựng')).toBe('p1-i-1-2');
    expect(ids.paragraph('Sản xuất công nghiệp')).toBe('p1-i-1-2-d1');
  });

  it('numbers the unnumbered paragraphs after a run-in numbered item -d1, -d2, … as well', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['3. Lĩnh vực nội chính']);
    expect(ids.paragraph('3.3. Thực hiện có hiệu quả công tác quốc phòng')).toBe('p1-i-3-3');
    expect(ids.paragraph('Tình hình an ninh chính trị')).toBe('p1-i-3-3-d1');
    expect(ids.paragraph('Công tác phòng cháy')).toBe('p1-i-3-3-d2');
  });

  it('numbers an unnumbered heading like a paragraph after the current item', () => {
    const ids = new IdAssigner('phan-thu-hai');
    ids.root(['1. Dự báo']);
    expect(ids.heading('Bối cảnh')).toBe('p2-1-d1');
    expect(ids.paragraph('Năm 2024')).toBe('p2-1-d2');
  });

  it('ids an item in parentheses -y<n> under the latest decimal numbering', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'II');
    ids.root(['II. ĐÁNH GIÁ CHUNG']);
    ids.heading('3. Nguyên nhân của tồn tại, hạn chế');
    ids.heading('3.1. Về khách quan');
    expect(ids.paragraph('(1) Sản xuất nông nghiệp')).toBe('p1-ii-3-1-y1');
    expect(ids.paragraph('(2) Kinh tế thế giới')).toBe('p1-ii-3-1-y2');
    expect(ids.heading('3.2. Về chủ quan')).toBe('p1-ii-3-2');
    expect(ids.paragraph('(1) Trong sản xuất nông nghiệp')).toBe('p1-ii-3-2-y1');
  });

  it('puts an item in parentheses after another one under the decimal, not under the earlier item', () => {
    const ids = new IdAssigner('phan-thu-hai');
    ids.root(['3. Nhiệm vụ, giải pháp chủ yếu']);
    ids.paragraph('3.4. Đảm bảo các cân đối lớn');
    expect(ids.paragraph('(1) Điều hành ngân sách')).toBe('p2-3-4-y1');
    expect(ids.paragraph('(2) Thực hiện chính sách tiền tệ')).toBe('p2-3-4-y2');
    expect(ids.paragraph('Phấn đấu')).toBe('p2-3-4-y2-d1');
    expect(ids.paragraph('(3) Bố trí, phân bổ vốn')).toBe('p2-3-4-y3');
  });

  it('ids an item in parentheses before any decimal numbering under the chapter root', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'III');
    ids.root(['III. NHIỆM VỤ TRỌNG TÂM']);
    expect(ids.paragraph('(1) Một')).toBe('p1-iii-y1');
  });

  it('throws naming the id when the same id is handed out twice', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['1. Lĩnh vực kinh tế']);
    ids.heading('1.1. Nông nghiệp');
    expect(() => ids.heading('1.1. Nông nghiệp')).toThrow('duplicate permalink id "p1-i-1-1"');
  });

  it('throws when a numbered item repeats the chapter root', () => {
    const ids = new IdAssigner('phan-thu-nhat', 'I');
    ids.root(['2. Lĩnh vực xã hội']);
    expect(() => ids.paragraph('2. Lĩnh vực xã hội')).toThrow(/duplicate permalink id "p1-i-2"/u);
  });
});
