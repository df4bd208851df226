/**
 * Print furniture: the named pages, running headers and page numbers of a printed
 * chapter or of the whole report (/in/). The static print rules live in
 * src/print/print.css; what depends on the content (the report's short title, each
 * chapter's name) and on the UI strings (the "Trang 3/12" footer) is generated here as
 * CSS text, for <PrintPageRules> to put in the page's <head>.
 */
import type { ChapterData } from '../schemas/chapter';
import type { Report } from '../schemas/report';
import { chapterNavLabel } from '../core/chapter-labels';

/** A CSS string literal: quotes, backslashes, line breaks and "<" escaped (safe inside <style>). */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r\f]/gu, (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `);
  return `"${escaped}"`;
}

/**
 * A CSS `content` value from a template whose "{page}" and "{pages}" stand for the page
 * counters: "Trang {page}/{pages}" gives `"Trang " counter(page) "/" counter(pages)`.
 */
export function counterContent(template: string): string {
  return template
    .split(/(\{pages?\})/u)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** Name of a chapter's named page (CSS `page`), from its order: "ch-02". */
export function chapterPageName(data: Pick<ChapterData, 'order'>): string {
  return `ch-${String(data.order).padStart(2, '0')}`;
}

/** A part's label in sentence case: "PHẦN THỨ HAI" gives "Phần thứ hai". */
function sentenceCase(label: string): string {
  const lower = label.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * The chapter's name in the running header. Roman-numbered chapters ("I.1. Lĩnh vực
 * kinh tế", "II. Đánh giá chung") say where they are on their own; the others are
 * prefixed with their part ("Phần thứ hai · 1. Dự báo", "Phần thứ nhất · Mở đầu").
 */
export function runningTitle(data: ChapterData, parts: Report['parts']): string {
  const label = chapterNavLabel(data);
  const part = parts.find((p) => p.id === data.part);
  if (!part || /^[IVX]+(?:\.|$)/u.test(data.number)) return label;
  return `${sentenceCase(part.label)} · ${label}`;
}

export interface PrintPage {
  /** Named page (CSS `page`); the element carrying `data-print-page="<name>"` is laid out on it. */
  name: string;
  /** Text of the running header's right-hand box; null for none (the cover). */
  header: string | null;
}

/**
 * The style of the left-hand header and of the page number. It goes with their content,
 * in one rule: Paged.js (the paged edition, /ban-in/) replaces a margin box's rules
 * with those of the last @page rule that names the box, where Chromium merges them.
 */
const FURNITURE_FONT = "font-family: 'Noto Serif', 'Times New Roman', serif; color: #444;";
const TOP_LEFT_STYLE = `${FURNITURE_FONT} font-size: 8pt; font-weight: 400; border-bottom: 0.5pt solid #888; vertical-align: bottom; padding-bottom: 1.5mm; margin-bottom: 4mm; white-space: nowrap;`;
const BOTTOM_CENTER_STYLE = `${FURNITURE_FONT} font-size: 8.5pt; vertical-align: top; padding-top: 6mm;`;

/**
 * The CSS of the page furniture: on every page the report's short title (top left) and
 * the page number (bottom), and for each named page its own right-hand header.
 */
export function pageRules(options: { shortTitle: string; pageNumber: string; pages: PrintPage[] }): string {
  const rules = [
    `@page { @top-left { content: ${cssString(options.shortTitle)}; ${TOP_LEFT_STYLE} } @bottom-center { content: ${counterContent(options.pageNumber)}; ${BOTTOM_CENTER_STYLE} } }`,
  ];
  for (const page of options.pages) {
    if (!/^[a-z][a-z0-9-]*$/u.test(page.name)) throw new Error(`pageRules: "${page.name}" is not a valid page name`);
    const header = page.header === null ? '@top-left { content: none; border: none; } @top-right { content: none; border: none; }' : `@top-right { content: ${cssString(page.header)}; }`;
    rules.push(`@page ${page.name} { ${header} }`);
    rules.push(`[data-print-page="${page.name}"] { page: ${page.name}; }`);
  }
  return rules.join('\n');
}

/** Named pages of the whole report (/in/): its cover and contents. */
export const COVER_PAGE = 'bia';
export const CONTENTS_PAGE = 'muc-luc';

/** URL of the stylesheet of every named page of the site (src/pages/print-pages.css.ts). */
export const PRINT_PAGES_CSS = '/print-pages.css';

/**
 * Every named page of the site: /in/'s cover and contents, and each chapter's page (the
 * same on its own page and in /in/). One stylesheet holds them all, so that no page needs
 * an inline <style>, which the hash-only Content-Security-Policy would have to list.
 */
export function sitePrintPages(chapters: readonly ChapterData[], parts: Report['parts'], contentsHeader: string): PrintPage[] {
  return [
    { name: COVER_PAGE, header: null },
    { name: CONTENTS_PAGE, header: contentsHeader },
    ...chapters.map((data) => ({ name: chapterPageName(data), header: runningTitle(data, parts) })),
  ];
}
