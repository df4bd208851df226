/**
 * Reading a PDF with poppler-utils (pdfinfo, pdftotext, pdftoppm), for the print tests:
 * its page size and count, and each page's words with their boxes, split into the page
 * furniture (running header and page number, in the top and bottom margins) and the
 * body text.
 */
import { execFileSync } from 'node:child_process';

/** A4 in PostScript points. */
export const A4 = { width: 595.28, height: 841.89 };

/**
 * Where the page furniture lies, in points from the top and bottom edges. With the
 * margins of src/print/print.css (22 mm = 62 pt at the top, 20 mm = 57 pt at the
 * bottom), the running header's text ends about 45 pt from the top edge and the page
 * number starts about 40 pt from the bottom edge; the text itself stays within 62 pt
 * and 57 pt of them.
 */
export const FURNITURE_ZONE = { top: 50, bottom: 45 };

/** The side margins of the page area in print.css (22 mm left, 18 mm right), in points. */
export const SIDE_MARGINS = { left: (22 / 25.4) * 72, right: (18 / 25.4) * 72 };

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  words: Word[];
  /** The line's words joined by single spaces. */
  text: string;
  yMin: number;
  yMax: number;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  /** Every line of the page, in pdftotext's reading order. */
  lines: PdfLine[];
  /** Lines in the top margin: the running header. */
  header: PdfLine[];
  /** Lines in the bottom margin: the page number. */
  footer: PdfLine[];
  /** Lines of the page area: the text itself. */
  body: PdfLine[];
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Page count and size (of the first page) as pdfinfo reports them. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/mu.exec(out);
  if (!pages || !size) throw new Error(`pdfinfo ${file}: no page count or size in\n${out}`);
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

/** The size of every page, from `pdfinfo -f 1 -l N`. */
export function pageSizes(file: string, pages: number): { width: number; height: number }[] {
  const out = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gmu)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const decode = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/gu, '&');

const attr = (tag: string, name: string) => Number(new RegExp(`\\b${name}="([\\d.-]+)"`, 'u').exec(tag)?.[1]);

/** Every page's lines and words, from `pdftotext -bbox-layout`, split into furniture and body. */
export function pdfPages(file: string): PdfPage[] {
  const xhtml = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']);
  return [...xhtml.matchAll(/<page\b([^>]*)>([\s\S]*?)<\/page>/gu)].map((page, i) => {
    const width = attr(page[1], 'width');
    const height = attr(page[1], 'height');
    const lines = [...page[2].matchAll(/<line\b[^>]*>([\s\S]*?)<\/line>/gu)].map((line) => {
      const words = [...line[1].matchAll(/<word\b([^>]*)>([\s\S]*?)<\/word>/gu)].map((w) => ({
        text: decode(w[2]).normalize('NFC'),
        xMin: attr(w[1], 'xMin'),
        yMin: attr(w[1], 'yMin'),
        xMax: attr(w[1], 'xMax'),
        yMax: attr(w[1], 'yMax'),
      }));
      return {
        words,
        text: words.map((w) => w.text).join(' '),
        yMin: Math.min(...words.map((w) => w.yMin)),
        yMax: Math.max(...words.map((w) => w.yMax)),
      };
    });
    const header = lines.filter((l) => l.yMax <= FURNITURE_ZONE.top);
    const footer = lines.filter((l) => l.yMin >= height - FURNITURE_ZONE.bottom);
    const body = lines.filter((l) => !header.includes(l) && !footer.includes(l));
    return { number: i + 1, width, height, lines, header, footer, body };
  });
}

/** Text with every run of whitespace made one space, trimmed, in Unicode NFC. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Lines of text joined into one: by a space, except after a line that ends inside a
 * hyphenated word ("x-" then "quang" is "x-quang"), where the browser broke the line
 * after the word's own hyphen. A free-standing dash ("tế -" then "xã") keeps its space.
 */
export function joinLines(lines: string[]): string {
  return squash(lines.reduce((text, line) => (text === '' ? line : /[^\s-]-$/u.test(text) ? `${text}${line}` : `${text} ${line}`), ''));
}

/** The text of some lines, joined as joinLines() does. */
export function textOf(lines: PdfLine[]): string {
  return joinLines(lines.map((l) => l.text));
}

/** The body text of all pages, furniture stripped, in page order. */
export function bodyText(pages: PdfPage[]): string {
  return joinLines(pages.map((p) => textOf(p.body)).filter((t) => t !== ''));
}

/** Renders pages `first`–`last` to PNG files `<prefix>-<n>.png` at `dpi`; returns their paths. */
export function renderPng(file: string, prefix: string, first: number, last: number, dpi = 70): string[] {
  run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), '-l', String(last), file, prefix]);
  // pdftoppm pads the page number to the digits of the document's page count.
  const digits = String(pdfInfo(file).pages).length;
  return Array.from({ length: last - first + 1 }, (_, i) => `${prefix}-${String(first + i).padStart(digits, '0')}.png`);
}

/** The base names of the fonts a PDF uses (subset prefixes removed), from pdffonts. */
export function pdfFonts(file: string): string[] {
  const rows = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return [...new Set(rows.map((row) => row.split(/\s+/u)[0].replace(/^[A-Z]{6}\+/u, '')))].sort();
}
