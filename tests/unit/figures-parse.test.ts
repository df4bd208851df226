import { describe, expect, it } from 'vitest';
import { parseNumberToken, parseReportNumber } from '../../src/figures/parse';

describe('parseNumberToken', () => {
  it('reads dots as thousands separators and the comma as the decimal mark, as the report writes numbers', () => {
    expect(parseNumberToken('1.899')).toBe(1899);
    expect(parseNumberToken('150.064')).toBe(150064);
    expect(parseNumberToken('3.347.586')).toBe(3347586);
    expect(parseNumberToken('8,16')).toBe(8.16);
    expect(parseNumberToken('10,141')).toBe(10.141);
  });

  it('drops leading zeros, as in "06 chỉ tiêu" and "069"', () => {
    expect(parseNumberToken('06')).toBe(6);
    expect(parseNumberToken('069')).toBe(69);
  });

  it('refuses a dot that is not followed by exactly three digits, rather than guess', () => {
    for (const token of ['31.4', '1563.45', '1.89', '1.8999', '.5', '8,', '8,16,2', '1,000.5', 'abc', '']) {
      expect(() => parseNumberToken(token), token).toThrow(/not a number/u);
    }
  });
});

describe('parseReportNumber', () => {
  it('reads "184 nghìn 123 tỷ đồng" as 184123 tỷ đồng: the last scale word belongs to the unit', () => {
    expect(parseReportNumber('184 nghìn 123 tỷ đồng')).toEqual({ value: 184123, unit: 'tỷ đồng' });
    expect(parseReportNumber('21 nghìn 069 tỷ đồng')).toEqual({ value: 21069, unit: 'tỷ đồng' });
    expect(parseReportNumber('2 nghìn 789 tỷ đồng')).toEqual({ value: 2789, unit: 'tỷ đồng' });
  });

  it('reads "1 tỷ 136 triệu USD" as 1136 triệu USD: an earlier, larger scale word is converted into the unit', () => {
    expect(parseReportNumber('1 tỷ 136 triệu USD')).toEqual({ value: 1136, unit: 'triệu USD' });
  });

  it('reads a number followed by a scale word and no more digits as that many of the scaled unit', () => {
    expect(parseReportNumber('1,8 triệu lượt khách')).toEqual({ value: 1.8, unit: 'triệu lượt khách' });
    expect(parseReportNumber('198,6 triệu đồng/ha')).toEqual({ value: 198.6, unit: 'triệu đồng/ha' });
    expect(parseReportNumber('15 nghìn tỷ đồng')).toEqual({ value: 15, unit: 'nghìn tỷ đồng' });
    expect(parseReportNumber('73 nghìn 782 lượt khách quốc tế')).toEqual({ value: 73782, unit: 'lượt khách quốc tế' });
  });

  it('reads plain numbers with their unit, "%" glued or not', () => {
    expect(parseReportNumber('8,16%')).toEqual({ value: 8.16, unit: '%' });
    expect(parseReportNumber('9.801 triệu USD')).toEqual({ value: 9801, unit: 'triệu USD' });
    expect(parseReportNumber('1.899 dịch vụ công')).toEqual({ value: 1899, unit: 'dịch vụ công' });
    expect(parseReportNumber('3,1 lần')).toEqual({ value: 3.1, unit: 'lần' });
    expect(parseReportNumber('32,7 giường/ 01 vạn dân')).toEqual({ value: 32.7, unit: 'giường/ 01 vạn dân' });
  });

  it('reads a ratio such as "13/15 chỉ tiêu" as 13 out of 15', () => {
    expect(parseReportNumber('13/15 chỉ tiêu')).toEqual({ value: 13, outOf: 15, unit: 'chỉ tiêu' });
    expect(parseReportNumber('04/06 chỉ tiêu')).toEqual({ value: 4, outOf: 6, unit: 'chỉ tiêu' });
    expect(parseReportNumber('11/63 tỉnh, thành phố')).toEqual({ value: 11, outOf: 63, unit: 'tỉnh, thành phố' });
  });

  it('reads the qualifiers "trên", "khoảng" and "trở lên", and the changes "tăng" and "giảm"', () => {
    expect(parseReportNumber('trên 9%')).toEqual({ value: 9, unit: '%', comparator: 'above' });
    expect(parseReportNumber('khoảng 97%')).toEqual({ value: 97, unit: '%', comparator: 'about' });
    expect(parseReportNumber('9% trở lên')).toEqual({ value: 9, unit: '%', comparator: 'at-least' });
    expect(parseReportNumber('tăng 4,1%')).toEqual({ value: 4.1, unit: '%', direction: 'increase' });
    expect(parseReportNumber('Tăng 5,4%')).toEqual({ value: 5.4, unit: '%', direction: 'increase' });
    expect(parseReportNumber('giảm 6,3%')).toEqual({ value: 6.3, unit: '%', direction: 'decrease' });
    expect(parseReportNumber('tăng trên 9%')).toEqual({ value: 9, unit: '%', direction: 'increase', comparator: 'above' });
    expect(parseReportNumber('tăng 9% trở lên')).toEqual({ value: 9, unit: '%', direction: 'increase', comparator: 'at-least' });
    expect(parseReportNumber('trên 1,7 triệu lượt khách nội địa')).toEqual({ value: 1.7, unit: 'triệu lượt khách nội địa', comparator: 'above' });
  });

  it('keeps every decimal exactly, with no binary rounding', () => {
    expect(parseReportNumber('4,35 nghìn tỷ đồng').value).toBe(4.35);
    expect(parseReportNumber('2 nghìn 300 tỷ đồng').value).toBe(2300);
    expect(parseReportNumber('10,141 tỷ USD').value).toBe(10.141);
  });

  it('refuses text without a number or without a unit', () => {
    expect(() => parseReportNumber('tỷ đồng')).toThrow(/no number/u);
    expect(() => parseReportNumber('184')).toThrow(/no unit/u);
    expect(() => parseReportNumber('13/15')).toThrow(/no unit/u);
  });

  it('refuses a range, an ambiguous number, or a number left in the unit', () => {
    expect(() => parseReportNumber('85-95%')).toThrow();
    expect(() => parseReportNumber('1,5-2,1%/năm')).toThrow();
    expect(() => parseReportNumber('1563.45 ha')).toThrow(/not a number/u);
    expect(() => parseReportNumber('8,8%-61,8%-29,4%')).toThrow(/unexpected number/u);
  });

  it('refuses parts that do not fit below the scale word before them, and a decimal before a smaller part', () => {
    expect(() => parseReportNumber('184 nghìn 1234 tỷ đồng')).toThrow(/does not fit/u);
    expect(() => parseReportNumber('1 tỷ 1500 triệu USD')).toThrow(/does not fit/u);
    expect(() => parseReportNumber('1,5 nghìn 200 tỷ đồng')).toThrow(/decimal/u);
  });

  it('refuses a ratio whose part is larger than its whole, and two qualifiers at once', () => {
    expect(() => parseReportNumber('16/15 chỉ tiêu')).toThrow(/more than the whole/u);
    expect(() => parseReportNumber('trên 9% trở lên')).toThrow(/two qualifiers/u);
  });
});
