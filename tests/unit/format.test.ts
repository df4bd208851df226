import { describe, expect, it } from 'vitest';
import { formatNumber, formatQuantity, formatTick, formatValue, NBSP } from '../../src/core/format';

describe('formatNumber', () => {
  it('writes numbers vi-VN style: dots between thousands, a comma before decimals', () => {
    expect(formatNumber(184123)).toBe('184.123');
    expect(formatNumber(1805)).toBe('1.805');
    expect(formatNumber(3347586)).toBe('3.347.586');
    expect(formatNumber(8.16)).toBe('8,16');
    expect(formatNumber(0.6)).toBe('0,6');
    expect(formatNumber(0)).toBe('0');
  });

  it('keeps every decimal the report gives, never rounding', () => {
    expect(formatNumber(10.141)).toBe('10,141');
    expect(formatNumber(1.37)).toBe('1,37');
    expect(formatNumber(212.93)).toBe('212,93');
  });

  it('writes a negative number with a plain hyphen-minus', () => {
    expect(formatNumber(-6.3)).toBe('-6,3');
  });

  it('refuses what is not a finite number', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/not a finite number/u);
    expect(() => formatNumber(Infinity)).toThrow(/not a finite number/u);
  });
});

describe('formatQuantity', () => {
  it('joins the number and its unit with a no-break space, and glues "%" to the number', () => {
    expect(formatQuantity(184123, 'tỷ đồng')).toBe(`184.123${NBSP}tỷ đồng`);
    expect(formatQuantity(8.16, '%')).toBe('8,16%');
    expect(formatQuantity(5, '')).toBe('5');
  });
});

describe('formatValue', () => {
  it('gives a plain figure as number and unit', () => {
    expect(formatValue({ value: 1136, unit: 'triệu USD' })).toBe(`1.136${NBSP}triệu USD`);
  });

  it('puts back the report\'s qualifiers and changes', () => {
    expect(formatValue({ value: 9, unit: '%', comparator: 'above' })).toBe('trên 9%');
    expect(formatValue({ value: 9, unit: '%', comparator: 'at-least', direction: 'increase' })).toBe('tăng 9% trở lên');
    expect(formatValue({ value: 9, unit: '%', comparator: 'above', direction: 'increase' })).toBe('tăng trên 9%');
    expect(formatValue({ value: 97, unit: '%', comparator: 'about' })).toBe('khoảng 97%');
    expect(formatValue({ value: 6.3, unit: '%', direction: 'decrease' })).toBe('giảm 6,3%');
    expect(formatValue({ value: 1.8, unit: 'triệu lượt khách', comparator: 'above' })).toBe(`trên 1,8${NBSP}triệu lượt khách`);
  });

  it('writes a ratio as part/whole with its unit', () => {
    expect(formatValue({ value: 13, outOf: 15, unit: 'chỉ tiêu' })).toBe(`13/15${NBSP}chỉ tiêu`);
    expect(formatValue({ value: 4, outOf: 6, unit: 'chỉ tiêu' })).toBe(`4/6${NBSP}chỉ tiêu`);
  });
});

describe('formatTick', () => {
  it('formats numeric ticks vi-VN style and leaves text ticks as they are', () => {
    expect(formatTick(20000)).toBe('20.000');
    expect(formatTick(2.5)).toBe('2,5');
    expect(formatTick('Kinh tế')).toBe('Kinh tế');
  });
});
