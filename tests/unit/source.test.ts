import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkers, parseSource, tokenize } from '../../src/core/source';
import { ROOT } from './helpers/chapters';
import { content } from '../support/content';

const SOURCE_FILE = content().sourceFile;
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('parseSource', () => {
  const text = readFileSync(join(ROOT, SOURCE_FILE), 'utf8');
  const source = parseSource(text);

  it('finds the 66 footnotes of the real source, numbered 1 to 66', () => {
    expect(source.footnotes.map((f) => f.n)).toEqual(oneToN(66));
  });

  it('gives every footnote non-empty, one-line text without its "N- " prefix', () => {
    for (const f of source.footnotes) {
      expect(f.text, `footnote ${f.n}`).not.toBe('');
      expect(f.text, `footnote ${f.n}`).not.toMatch(/\n|\s{2}/u);
      expect(f.text, `footnote ${f.n}`).not.toMatch(/^\d+- /u);
    }
  });

  it('joins footnote 9 with its continuation from the next page, so that it ends "…Anh, Pháp, Bỉ..."', () => {
    const fn9 = source.footnotes[8];
    expect(fn9.text).toMatch(/^Tổ chức các Hội nghị kết nối tiêu thụ/u);
    expect(fn9.text).toContain('hệ thống Thương vụ, doanh nghiệp xuất nhập khẩu');
    expect(fn9.text.endsWith('Anh, Pháp, Bỉ...')).toBe(true);
    expect(Math.max(...fn9.lines) - Math.min(...fn9.lines)).toBeGreaterThan(1);
  });

  it('joins footnote 36 with its continuation from the next page, which holds "giấy chứng sinh, giấy báo tử"', () => {
    const fn36 = source.footnotes[35];
    expect(fn36.text).toMatch(/^Sử dụng thẻ CCCD/u);
    expect(fn36.text).toContain('giấy chứng sinh, giấy báo tử');
    expect(fn36.text.endsWith('Đề án 06 của Chính phủ.')).toBe(true);
  });

  it('does not let a continuation leak into the footnote that follows it', () => {
    expect(source.footnotes[9].text).toMatch(/^Tập trung chủ yếu là nguyên, phụ liệu/u);
    expect(source.footnotes[36].text).toMatch(/^Thực hiện một số dự án như/u);
  });

  it('finds 66 markers in order, each on a later body word than the one before', () => {
    expect(source.markers.map((m) => m.n)).toEqual(oneToN(66));
    source.markers.forEach((m, i) => {
      if (i > 0) expect(m.token, `marker ${m.n}`).toBeGreaterThan(source.markers[i - 1].token);
      expect(source.bodyTokens[m.token], `marker ${m.n}`).toBe(m.word);
    });
  });

  it('takes the marker digits out of the body words, e.g. "kỳ vọng2," becomes "vọng,"', () => {
    expect(source.markers[1]).toMatchObject({ n: 2, word: 'vọng,' });
    expect(source.markers[2]).toMatchObject({ n: 3, word: '8,16%' });
  });

  it('keeps footnote text out of the body and the page-opening space out of the body lines', () => {
    const body = source.bodyLines.join('\n');
    expect(body).not.toContain('Tổ chức các Hội nghị kết nối tiêu thụ');
    expect(body).not.toContain('giấy chứng sinh, giấy báo tử');
    expect(body).toContain('Tổng kim ngạch xuất khẩu ước đạt 9.801 triệu USD');
    expect(source.bodyLines.every((l) => l === l.trim())).toBe(true);
    expect(source.bodyLineNumbers).toHaveLength(source.bodyLines.length);
  });

  it('records the source line of every body line and every footnote line', () => {
    const lines = text.split('\n');
    source.bodyLines.forEach((l, i) => expect(lines[source.bodyLineNumbers[i] - 1].trim()).toBe(l));
    expect(lines[source.footnotes[0].lines[0] - 1]).toMatch(/^1- /u);
  });

  it('separates a synthetic page into body, footnotes and a footnote that runs over the page break', () => {
    const synthetic = [
      ' Kinh tế tăng trưởng khá1 và ổn định2.',
      '',
      '1- Chú thích một.',
      '2- Chú thích hai, phần đầu',
      ' Trang sau có chữ3 nữa.',
      '',
      'phần cuối của chú thích hai.',
      '3- Chú thích ba.',
    ].join('\n');
    const parsed = parseSource(synthetic);
    expect(parsed.footnotes).toEqual([
      { n: 1, text: 'Chú thích một.', lines: [3] },
      { n: 2, text: 'Chú thích hai, phần đầu phần cuối của chú thích hai.', lines: [4, 7] },
      { n: 3, text: 'Chú thích ba.', lines: [8] },
    ]);
    expect(parsed.bodyTokens).toEqual(['Kinh', 'tế', 'tăng', 'trưởng', 'khá', 'và', 'ổn', 'định.', 'Trang', 'sau', 'có', 'chữ', 'nữa.']);
    expect(parsed.markers.map((m) => m.word)).toEqual(['khá', 'định.', 'chữ']);
  });

  it('keeps a page without a footnote block in the body, even when a line looks like a footnote', () => {
    const parsed = parseSource([' Không có chú thích.', '', '5- không phải chú thích'].join('\n'));
    expect(parsed.footnotes).toEqual([]);
    expect(parsed.bodyTokens).toEqual(['Không', 'có', 'chú', 'thích.', '5-', 'không', 'phải', 'chú', 'thích']);
  });

  it('rejects footnote text that comes before footnote 1', () => {
    expect(() => parseSource([' Chữ1.', '', 'dòng lạc', '1- Chú thích.'].join('\n'))).toThrow(/line 3: footnote text before footnote 1/u);
  });

  it('throws naming the footnote whose marker is missing from the body', () => {
    expect(() => parseSource([' Không có dấu chú thích.', '', '1- Chú thích.'].join('\n'))).toThrow(/no marker for footnote 1/u);
  });
});

describe('tokenize', () => {
  it('splits on any run of whitespace, including line breaks and tabs', () => {
    expect(tokenize('Tổng  thu\nNSNN\ttăng 19%')).toEqual(['Tổng', 'thu', 'NSNN', 'tăng', '19%']);
  });

  it('drops leading and trailing whitespace instead of making empty tokens', () => {
    expect(tokenize('  a b \n')).toEqual(['a', 'b']);
  });

  it('gives no tokens for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });

  it('keeps punctuation glued to its word', () => {
    expect(tokenize('kỳ vọng2, tỉnh ta')).toEqual(['kỳ', 'vọng2,', 'tỉnh', 'ta']);
  });
});

describe('findMarkers', () => {
  it('finds a marker glued after a letter and removes its digits', () => {
    const { tokens, markers } = findMarkers(['kế', 'hoạch1', 'năm'], 1);
    expect(tokens).toEqual(['kế', 'hoạch', 'năm']);
    expect(markers).toEqual([{ n: 1, token: 1, word: 'hoạch' }]);
  });

  it('finds markers glued after "%" and after ")"', () => {
    const { tokens, markers } = findMarkers(['8,16%1', '(KH)2'], 2);
    expect(tokens).toEqual(['8,16%', '(KH)']);
    expect(markers.map((m) => m.token)).toEqual([0, 1]);
  });

  it('keeps the closing punctuation that follows a marker', () => {
    const { tokens } = findMarkers(['vọng1,', 'trước2.', 'đó3;', 'sau4:', '(xem5)', 'hết6.)'], 6);
    expect(tokens).toEqual(['vọng,', 'trước.', 'đó;', 'sau:', '(xem)', 'hết.)']);
  });

  it('does not take a digit inside a number for a marker, e.g. the 3 of "2023", "11/63" or "1.803"', () => {
    const { tokens, markers } = findMarkers(['a1', 'b2', 'năm', '2023', 'thứ', '11/63', '1.803', 'tỉnh3'], 3);
    expect(markers[2]).toEqual({ n: 3, token: 7, word: 'tỉnh' });
    expect(tokens.slice(2, 7)).toEqual(['năm', '2023', 'thứ', '11/63', '1.803']);
  });

  it('fails rather than take a number for a marker when no word carries it', () => {
    expect(() => findMarkers(['năm', '2023', '11/63', '1,5-2,1'], 1)).toThrow(/no marker for footnote 1/u);
  });

  it('tells marker 1 from the 1 that ends "11" or "x11"', () => {
    expect(findMarkers(['x11', '11', 'y1'], 1).markers).toEqual([{ n: 1, token: 2, word: 'y' }]);
  });

  it('finds two-digit markers', () => {
    const raw = [...oneToN(11).map((n) => `chữ${n}`), 'cuối12.'];
    const { markers } = findMarkers(raw, 12);
    expect(markers.map((m) => m.token)).toEqual(oneToN(12).map((n) => n - 1));
    expect(markers[11]).toEqual({ n: 12, token: 11, word: 'cuối.' });
  });

  it('looks for each marker only after the previous one, in order', () => {
    const { markers } = findMarkers(['b2', 'a1', 'c2'], 2);
    expect(markers).toEqual([
      { n: 1, token: 1, word: 'a' },
      { n: 2, token: 2, word: 'c' },
    ]);
  });

  it('does not change the tokens it is given', () => {
    const raw = ['hoạch1'];
    findMarkers(raw, 1);
    expect(raw).toEqual(['hoạch1']);
  });

  it('finds nothing and changes nothing when asked for no markers', () => {
    expect(findMarkers(['a1'], 0)).toEqual({ tokens: ['a1'], markers: [] });
  });

  it('throws a clear message naming the missing footnote and where the search started', () => {
    expect(() => findMarkers(['a1', 'b', 'c3'], 3)).toThrow('source: no marker for footnote 2 after token 1');
  });
});
