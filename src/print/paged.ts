/**
 * The paged print edition (Paged.js) and its PDFs: where each preview page and PDF lives,
 * the placeholders that the build fills with a PDF's download link, and the link's text.
 * Pure logic, shared by the pages (src/pages/ban-in/), the build step that makes the PDFs
 * (src/print/node/pdf.ts) and the tests.
 *
 * - `/ban-in/<slug>/` shows a chapter laid out on A4 pages by Paged.js ("Xem trước bản
 *   in"), `/ban-in/` the whole report; the PDFs are printed from exactly these pages.
 * - `dist/pdf/<file>.pdf`: one per chapter (its slug, "/" made "-") and `toan-bo-bao-cao.pdf`.
 * - A chapter page, /in/ and the home page hold an empty `<span data-pdf-slot="<key>" hidden>`
 *   (or `<p …>`) where the link goes; the build replaces it with the link, or removes it when no PDF
 *   was made (no Chromium), so that no dead link is ever rendered.
 */
import { t } from '../i18n/vi';

/** Key of the whole report's PDF (chapters are keyed by their slug). */
export const WHOLE_KEY = 'toan-bo';

/** URL path of the paged preview of a chapter (`slug`) or of the whole report (WHOLE_KEY). */
export function previewPath(key: string): string {
  return key === WHOLE_KEY ? '/ban-in/' : `/ban-in/${key}/`;
}

/** File name of the PDF under dist/pdf/: "phan-thu-nhat-mo-dau.pdf", "toan-bo-bao-cao.pdf". */
export function pdfFileName(key: string): string {
  if (key === WHOLE_KEY) return 'toan-bo-bao-cao.pdf';
  if (!/^[a-z0-9]+(?:[-/][a-z0-9]+)*$/u.test(key)) throw new Error(`pdfFileName: "${key}" is not a chapter slug`);
  return `${key.replaceAll('/', '-')}.pdf`;
}

/** URL path of the PDF. */
export function pdfPath(key: string): string {
  return `/pdf/${pdfFileName(key)}`;
}

/**
 * The placeholder a page renders where the PDF's link goes: an empty, hidden element
 * (`tag`, with `className` if given) that the build fills with the link or removes.
 */
export function pdfSlot(key: string, tag: 'span' | 'p' = 'span', className?: string): string {
  if (!/^[a-z0-9/-]+$/u.test(key)) throw new Error(`pdfSlot: "${key}" is not a PDF key`);
  if (className !== undefined && !/^[a-z0-9 -]+$/u.test(className)) throw new Error(`pdfSlot: "${className}" is not a class name`);
  return `<${tag}${className ? ` class="${className}"` : ''} data-pdf-slot="${key}" hidden></${tag}>`;
}

export interface PdfSlot {
  /** The placeholder's exact text in the page. */
  text: string;
  key: string;
  tag: string;
  className?: string;
}

/** Every placeholder in an HTML page. */
export function findPdfSlots(html: string): PdfSlot[] {
  return [...html.matchAll(/<(span|p)(?: class="([^"]*)")? data-pdf-slot="([^"]+)" hidden(?:="")?><\/\1>/gu)].map((m) => ({
    text: m[0],
    tag: m[1],
    className: m[2],
    key: m[3],
  }));
}

/** Size in whole KB (1 KB = 1024 bytes), at least 1, written the Vietnamese way: "1.234". */
export function kilobytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new Error(`kilobytes: ${bytes} is not a size`);
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)));
}

export interface PdfInfo {
  key: string;
  pages: number;
  bytes: number;
}

/** The text of a PDF's link: "Tải PDF chương này (12 trang, 345 KB)". */
export function pdfLinkText(pdf: PdfInfo): string {
  const params = { pages: pdf.pages, kb: kilobytes(pdf.bytes) };
  return pdf.key === WHOLE_KEY ? t('print.pdf.whole', params) : t('print.pdf.chapter', params);
}

/** The link that replaces a placeholder. */
export function pdfLinkHtml(pdf: PdfInfo): string {
  const text = pdfLinkText(pdf).replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return `<a class="pdf-link" href="${pdfPath(pdf.key)}" type="application/pdf" download>${text}</a>`;
}

/**
 * The page with each placeholder replaced by its PDF's link, or removed when that PDF is
 * not in `pdfs` (e.g. no Chromium). Throws on a placeholder of an unknown key only when
 * `pdfs` is given and has other keys: that is a bug, not a missing browser.
 */
export function fillPdfSlots(html: string, pdfs: ReadonlyMap<string, PdfInfo>): string {
  let out = html;
  for (const slot of findPdfSlots(html)) {
    const pdf = pdfs.get(slot.key);
    if (!pdf && pdfs.size > 0) throw new Error(`PDF link: the page has a placeholder for "${slot.key}", but no such PDF was made`);
    const filled = pdf ? `<${slot.tag}${slot.className ? ` class="${slot.className}"` : ''}>${pdfLinkHtml(pdf)}</${slot.tag}>` : '';
    out = out.replace(slot.text, filled);
  }
  return out;
}
