import { describe, expect, it } from 'vitest';
import { t, vi, type UiKey } from '../../src/i18n/vi';

const keys = Object.keys(vi) as UiKey[];

describe('t', () => {
  it('returns a string without placeholders as it is', () => {
    expect(t('site.nav.contents')).toBe('Mục lục');
  });

  it('fills every placeholder from the params, numbers included', () => {
    expect(t('chapter.number', { n: 3, total: 11 })).toBe('Chương 3 trên 11');
    expect(t('chapter.footnotesRange', { from: 1, to: 9 })).toBe('Chú thích 1–9');
    expect(t('permalink.item', { label: '1.5.1' })).toBe('Liên kết đến mục 1.5.1');
  });

  it('fills a placeholder with 0 or an empty string', () => {
    expect(t('fn.marker', { n: 0 })).toBe('Chú thích 0');
    expect(t('permalink.item', { label: '' })).toBe('Liên kết đến mục ');
  });

  it('ignores params the string does not use', () => {
    expect(t('fn.close', { n: 1 })).toBe('Đóng');
  });

  it('throws naming the key and the parameter when a placeholder has no param', () => {
    expect(() => t('chapter.number', { n: 3 })).toThrow('t("chapter.number"): missing parameter "total"');
    expect(() => t('fn.marker')).toThrow('t("fn.marker"): missing parameter "n"');
  });

  it('has a non-empty string for every key', () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(vi[key].trim(), key).not.toBe('');
  });

  it('gives, for every key, a string with no placeholder left once its params are given', () => {
    for (const key of keys) {
      const names = [...vi[key].matchAll(/\{(\w+)\}/gu)].map((m) => m[1]);
      const filled = t(key, Object.fromEntries(names.map((n) => [n, 'X'])));
      expect(filled, key).not.toMatch(/\{\w+\}/u);
      expect(filled.trim(), key).not.toBe('');
    }
  });
});
