import { describe, expect, it } from 'vitest';
import { dropRangeMediaRules } from '../../src/print/css';
import { fillPdfSlots, findPdfSlots, kilobytes, pdfFileName, pdfLinkHtml, pdfLinkText, pdfPath, pdfSlot, previewPath, WHOLE_KEY } from '../../src/print/paged';

describe('the paged edition\'s addresses', () => {
  it('puts a chapter\'s preview under /ban-in/ and its PDF under /pdf/, the slug\'s "/" made "-"', () => {
    expect(previewPath('phan-thu-nhat/mo-dau')).toBe('/ban-in/phan-thu-nhat/mo-dau/');
    expect(previewPath(WHOLE_KEY)).toBe('/ban-in/');
    expect(pdfFileName('phan-thu-nhat/i-1-linh-vuc-kinh-te')).toBe('phan-thu-nhat-i-1-linh-vuc-kinh-te.pdf');
    expect(pdfPath('phan-ket')).toBe('/pdf/phan-ket.pdf');
    expect(pdfFileName(WHOLE_KEY)).toBe('toan-bo-bao-cao.pdf');
  });

  it('refuses a key that is not a slug', () => {
    expect(() => pdfFileName('../x')).toThrow('"../x" is not a chapter slug');
    expect(() => pdfSlot('a"b')).toThrow('not a PDF key');
  });
});

describe('the PDF link', () => {
  it('says the page count and the size in whole KB, written the Vietnamese way', () => {
    expect(kilobytes(0)).toBe('1');
    expect(kilobytes(1536)).toBe('2');
    expect(kilobytes(816_000)).toBe('797');
    expect(kilobytes(2_000_000)).toBe('1.953');
    expect(pdfLinkText({ key: 'phan-ket', pages: 3, bytes: 40_000 })).toBe('Tải PDF chương này (3 trang, 39 KB)');
    expect(pdfLinkText({ key: WHOLE_KEY, pages: 37, bytes: 816_000 })).toBe('Tải PDF toàn bộ báo cáo (37 trang, 797 KB)');
    expect(() => kilobytes(-1)).toThrow('is not a size');
  });

  it('is a download link to the PDF', () => {
    expect(pdfLinkHtml({ key: 'phan-ket', pages: 1, bytes: 2048 })).toBe(
      '<a class="pdf-link" href="/pdf/phan-ket.pdf" type="application/pdf" download>Tải PDF chương này (1 trang, 2 KB)</a>',
    );
  });
});

describe('the PDF placeholders', () => {
  const page = `<div>${pdfSlot('phan-ket')}</div><main>${pdfSlot(WHOLE_KEY, 'p', 'ui')}</main>`;
  const pdfs = new Map([
    ['phan-ket', { key: 'phan-ket', pages: 1, bytes: 2048 }],
    [WHOLE_KEY, { key: WHOLE_KEY, pages: 37, bytes: 816_000 }],
  ]);

  it('are found with their key, element and class', () => {
    expect(findPdfSlots(page).map(({ key, tag, className }) => ({ key, tag, className }))).toEqual([
      { key: 'phan-ket', tag: 'span', className: undefined },
      { key: WHOLE_KEY, tag: 'p', className: 'ui' },
    ]);
  });

  it('are filled with the links, in their element', () => {
    const filled = fillPdfSlots(page, pdfs);
    expect(findPdfSlots(filled)).toEqual([]);
    expect(filled).toBe(
      `<div><span>${pdfLinkHtml(pdfs.get('phan-ket')!)}</span></div><main><p class="ui">${pdfLinkHtml(pdfs.get(WHOLE_KEY)!)}</p></main>`,
    );
  });

  it('are removed, leaving no link and no empty element, when no PDF was made', () => {
    expect(fillPdfSlots(page, new Map())).toBe('<div></div><main></main>');
  });

  it('name the key when a PDF is missing among those made', () => {
    expect(() => fillPdfSlots(page, new Map([['phan-ket', pdfs.get('phan-ket')!]]))).toThrow('placeholder for "toan-bo", but no such PDF was made');
  });
});

describe('dropRangeMediaRules', () => {
  it('removes the media rules in range syntax, which Paged.js cannot read, and keeps the others', () => {
    const css = 'a{color:red}@media (width<=40rem){.x{top:0}.y{left:0}}@media print{b{c:d}}@media (min-width:3rem){e{f:g}}@media (width>=64rem){@supports (x:y){h{i:j}}}k{l:m}';
    expect(dropRangeMediaRules(css)).toBe('a{color:red}@media print{b{c:d}}@media (min-width:3rem){e{f:g}}k{l:m}');
  });

  it('skips braces inside strings and comments', () => {
    expect(dropRangeMediaRules('@media (width<=1px){a::after{content:"}"}/* } */}b{c:d}')).toBe('b{c:d}');
  });

  it('keeps a print rule even in range syntax', () => {
    expect(dropRangeMediaRules('@media print and (width>=1px){a{b:c}}')).toBe('@media print and (width>=1px){a{b:c}}');
  });
});
