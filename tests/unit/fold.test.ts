import { describe, expect, it } from 'vitest';
import { dVariants, fold, hasDiacritics, lowerExact, stripPunctuation, wordForms } from '../../src/core/fold';

describe('fold', () => {
  it('removes tone marks and vowel marks and lowers the case', () => {
    expect(fold('Tỷ lệ')).toBe('ty le');
    expect(fold('XI MĂNG')).toBe('xi mang');
    expect(fold('Nước ngoài')).toBe('nuoc ngoai');
  });

  it('folds đ and Đ to d, which Unicode decomposition alone does not', () => {
    expect('đ'.normalize('NFD')).toBe('đ');
    expect(fold('đầu tư')).toBe('dau tu');
    expect(fold('ĐƯỜNG SẮT')).toBe('duong sat');
    expect(fold('HĐND')).toBe('hdnd');
  });

  it('folds text written with combining marks (NFD) like text written precomposed (NFC)', () => {
    expect(fold('đồng'.normalize('NFD'))).toBe(fold('đồng'.normalize('NFC')));
    expect(fold('tỷ đồng'.normalize('NFD'))).toBe('ty dong');
  });

  it('keeps text without marks, digits and punctuation as they are, lower-cased', () => {
    expect(fold('VNeID')).toBe('vneid');
    expect(fold('8,16%')).toBe('8,16%');
    expect(fold('')).toBe('');
  });
});

describe('lowerExact', () => {
  it('lowers the case and keeps every mark', () => {
    expect(lowerExact('ĐẦU TƯ')).toBe('đầu tư');
  });

  it('composes text written with combining marks', () => {
    expect(lowerExact('Đồng'.normalize('NFD'))).toBe('đồng');
  });
});

describe('stripPunctuation', () => {
  it('removes punctuation the way Pagefind does, joining what it separated', () => {
    expect(stripPunctuation('8,16%')).toBe('816');
    expect(stripPunctuation('1.899')).toBe('1899');
    expect(stripPunctuation('(KCN).')).toBe('KCN');
    expect(stripPunctuation('“xi')).toBe('xi');
  });

  it('leaves a word without punctuation alone, and an all-punctuation word empty', () => {
    expect(stripPunctuation('compost')).toBe('compost');
    expect(stripPunctuation('...')).toBe('');
  });
});

describe('hasDiacritics', () => {
  it('is true for a mark or a đ', () => {
    expect(hasDiacritics('đầu tư')).toBe(true);
    expect(hasDiacritics('đo')).toBe(true);
    expect(hasDiacritics('xi măng')).toBe(true);
  });

  it('is false for plain letters, whatever their case, and for digits', () => {
    expect(hasDiacritics('dau tu')).toBe(false);
    expect(hasDiacritics('KCN 8,16')).toBe(false);
  });
});

describe('wordForms', () => {
  it('gives the folded word without punctuation, and each piece between punctuation', () => {
    expect(wordForms('8,16%')).toEqual(['816', '8', '16']);
    expect(wordForms('38-CT/TU')).toEqual(['38cttu', '38', 'ct', 'tu']);
  });

  it('gives a single form for a word without punctuation', () => {
    expect(wordForms('Đồng')).toEqual(['dong']);
    expect(wordForms('(KCN).')).toEqual(['kcn']);
  });

  it('gives no form for punctuation alone', () => {
    expect(wordForms('–')).toEqual([]);
  });
});

describe('dVariants', () => {
  it('spells a word with each d and đ either way, the typed spelling first', () => {
    expect(dVariants('dau')).toEqual(['dau', 'đau']);
    expect(dVariants('đầu')).toEqual(['đầu', 'dầu']);
    expect(dVariants('hdnd')).toEqual(['hdnd', 'hđnd', 'hdnđ', 'hđnđ']);
  });

  it('gives the word alone when it has no d', () => {
    expect(dVariants('xi')).toEqual(['xi']);
  });

  it('gives at most `max` spellings', () => {
    expect(dVariants('dddd', 3)).toHaveLength(3);
    expect(dVariants('dd', 0)).toEqual(['dd']);
  });
});
