/**
 * The PDFs of dist/pdf/, made by the build from the paged print edition (/ban-in/, laid
 * out by Paged.js), read back with poppler-utils and pdf-lib:
 * - one per chapter and one of the whole report, every page A4, every font embedded, an
 *   outline of bookmarks, tagged, with title, author and language;
 * - each footnote's text starts at the foot of the page that holds the sentence carrying
 *   its marker, with its original number;
 * - the whole report's contents list names real headings, each with the page it stands on;
 * - "Trang i/N" on page i, no blank page, no text of the site's screen (UI), no image
 *   (figures print as their tables, laid out with the figures' stylesheets);
 * - each chapter page links its PDF as "Tải PDF chương này (N trang, X KB)" with the PDF's
 *   real page count and size, the home page and /in/ the whole report's;
 * - the preview (/ban-in/…) shows exactly the PDF's pages.
 * The build without Chromium is tested in pdf-skipped.test.ts.
 *
 * Left in test-results/pdf/ for people to look at: the first two pages of each PDF as PNG.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { footnoteMarker, inlinePlainText, mdxBlocks } from '../../src/core/mdx-text';
import { splitFrontmatter } from '../../src/data/reader';
import { kilobytes, pdfFileName, pdfLinkText, previewPath, WHOLE_KEY } from '../../src/print/paged';
import { url, useBrowser, withPage } from '../support/e2e';
import { readReport } from '../support/faithful';
import { A4, pageSizes, pdfInfo, pdfPages, renderPng, squash, textOf, type PdfPage } from '../support/pdf';
import { chapters, DIST, footnotes, ROOT } from '../support/site';

const OUT = join(ROOT, 'test-results/pdf');
const report = readReport();
const notes = footnotes();
const chromium = useBrowser();

/** Text of the site's screen that must never be printed. */
const UI_TEXT = ['Tìm kiếm', 'Tải PDF', 'Ctrl', 'Xem trước bản in', 'In các trang này', 'Trở lại trang đọc', 'In chương này', 'In toàn bộ báo cáo', 'Chương sau', 'Chương trước', 'Bỏ qua, đến nội dung chính', 'Đóng', 'Tải dữ liệu'];

interface Marker {
  n: number;
  /** The words before the marker in its paragraph (plain text), the last one glued to the marker. */
  before: string[];
}

/** The footnote markers of a chapter's MDX, in order, each with the words before it. */
function markers(file: string): Marker[] {
  const body = splitFrontmatter(readFileSync(join(ROOT, file), 'utf8'), file).body;
  return mdxBlocks(body).flatMap((block) => {
    if (block.kind === 'component') return [];
    const parts = block.text.split(footnoteMarker('u'));
    const found: Marker[] = [];
    for (let i = 1; i < parts.length; i += 2) {
      const before = squash(inlinePlainText(parts.slice(0, i).filter((_, k) => k % 2 === 0).join(' ')).replace(/^#+\s*/u, ''));
      found.push({ n: Number(parts[i]), before: before.split(' ') });
    }
    return found;
  });
}

/** How many charts (<DataChart />) a chapter's MDX shows. */
function chartCount(file: string): number {
  const body = splitFrontmatter(readFileSync(join(ROOT, file), 'utf8'), file).body;
  return mdxBlocks(body).filter((block) => block.kind === 'component' && block.name === 'DataChart').length;
}

const chapterDocs = chapters().map((c) => ({ key: c.slug, title: c.title, url: c.url, file: c.file, markers: markers(c.file), charts: chartCount(c.file) }));
const docs = [
  { key: WHOLE_KEY, title: 'toàn bộ báo cáo', url: '/', file: '', markers: chapterDocs.flatMap((c) => c.markers), charts: chapterDocs.reduce((n, c) => n + c.charts, 0) },
  ...chapterDocs,
].map((d) => ({ ...d, pdf: join(DIST, 'pdf', pdfFileName(d.key)) }));

const read = new Map<string, PdfPage[]>();
function pagesOf(pdf: string): PdfPage[] {
  if (!read.has(pdf)) read.set(pdf, pdfPages(pdf));
  return read.get(pdf)!;
}
const body = (p: PdfPage) => textOf(p.body);

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/** The outline's entries (titles, depth first), from the PDF's catalog. */
async function outlineTitles(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('dist/pdf/', () => {
  it('holds one PDF per chapter and one of the whole report, listed in pdfs.json with their page counts and sizes', () => {
    const listed = JSON.parse(readFileSync(join(DIST, 'pdf/pdfs.json'), 'utf8')) as { key: string; file: string; pages: number; bytes: number }[];
    expect(listed.map((p) => p.key).sort()).toEqual(docs.map((d) => d.key).sort());
    for (const entry of listed) {
      const file = join(DIST, entry.file);
      expect(existsSync(file), entry.file).toBe(true);
      expect(entry.bytes).toBe(statSync(file).size);
      expect(entry.pages).toBe(pdfInfo(file).pages);
    }
    console.log(`PDF pages: ${listed.map((p) => `${p.file} ${p.pages}`).join(', ')}`);
  });
});

describe.each(docs)('the PDF of $title ($key)', (doc) => {
  it('has A4 pages only, and leaves its first two pages as PNG in test-results/pdf/', () => {
    const { pages } = pdfInfo(doc.pdf);
    const sizes = pageSizes(doc.pdf, pages);
    expect(sizes.length).toBe(pages);
    for (const [i, size] of sizes.entries()) {
      expect(Math.abs(size.width - A4.width), `page ${i + 1} width ${size.width}`).toBeLessThanOrEqual(1);
      expect(Math.abs(size.height - A4.height), `page ${i + 1} height ${size.height}`).toBeLessThanOrEqual(1);
    }
    mkdirSync(OUT, { recursive: true });
    renderPng(doc.pdf, join(OUT, pdfFileName(doc.key).replace(/\.pdf$/u, '')), 1, Math.min(2, pages));
  });

  it('embeds every font it uses', () => {
    const rows = run('pdffonts', [doc.pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
    const notEmbedded = rows.filter((row) => row.trim().split(/\s+/u).at(-5) !== 'yes');
    expect(notEmbedded).toEqual([]);
  });

  it('embeds no image: a figure prints as its table, never as a canvas whose drawing depends on timing', () => {
    const rows = run('pdfimages', ['-list', doc.pdf]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows).toEqual([]);
  });

  it('has an outline of bookmarks from its headings, is tagged, and gives its title, author UBND tỉnh Hải Dương and language vi', async () => {
    const titles = await outlineTitles(doc.pdf);
    expect(titles.length).toBeGreaterThan(0);
    const firstPage = body(pagesOf(doc.pdf)[doc.key === WHOLE_KEY ? 2 : 0]);
    expect(firstPage.startsWith(squash(titles[doc.key === WHOLE_KEY ? 1 : 0]).slice(0, 12)) || titles.some((t) => firstPage.includes(squash(t).slice(0, 20)))).toBe(true);
    const info = run('pdfinfo', [doc.pdf]);
    expect(info).toMatch(/^Tagged:\s+yes$/mu);
    expect(info).toMatch(/^Author:\s+UBND tỉnh Hải Dương$/mu);
    expect(/^Title:\s+(.+)$/mu.exec(info)?.[1]).toContain(report.shortTitle);
    const pdfDoc = await PDFDocument.load(readFileSync(doc.pdf), { updateMetadata: false });
    const lang = pdfDoc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : String(lang)).toBe('vi');
  });

  it('shows "Trang i/N" at the foot of every page i, and the report\'s short title at the head of every page but the cover', () => {
    const pages = pagesOf(doc.pdf);
    expect(pages.map((p) => textOf(p.footer))).toEqual(pages.map((p) => `Trang ${p.number}/${pages.length}`));
    for (const page of pages.slice(doc.key === WHOLE_KEY ? 1 : 0)) expect(textOf(page.header), `page ${page.number}`).toContain(report.shortTitle);
  });

  it('has no blank page and no text of the screen (UI)', () => {
    const pages = pagesOf(doc.pdf);
    expect(pages.filter((p) => p.body.length === 0).map((p) => p.number)).toEqual([]);
    const all = squash(pages.map((p) => textOf(p.lines)).join(' '));
    expect(UI_TEXT.filter((text) => all.includes(text))).toEqual([]);
  });

  it('starts each footnote\'s text, with its original number, on the page of the sentence that carries its marker', () => {
    const pages = pagesOf(doc.pdf).map(body);
    expect(doc.markers.length).toBe(doc.key === WHOLE_KEY ? 66 : doc.markers.length);
    let cursor = 0;
    const wrong: string[] = [];
    for (const marker of doc.markers) {
      // The last words before the marker (the last one glued to it): the fewest that are found from the current page on.
      let markerPage = -1;
      for (let k = Math.min(8, marker.before.length); k >= 2 && markerPage < 0; k--) {
        const phrase = marker.before.slice(-k).join(' ');
        markerPage = pages.findIndex((text, i) => i >= cursor && text.includes(phrase));
      }
      const note = squash(notes.get(marker.n)!).split(' ');
      const start = `${marker.n}. ${note.slice(0, Math.min(8, note.length)).join(' ')}`;
      const notePage = pages.findIndex((text) => text.includes(start));
      if (markerPage < 0 || notePage !== markerPage) wrong.push(`footnote ${marker.n}: marker on page ${markerPage + 1}, text starts on page ${notePage + 1}`);
      if (markerPage >= 0) cursor = markerPage;
    }
    expect(wrong).toEqual([]);
  });

  it('carries the full text of each of its footnotes, continued onto the next page when long', () => {
    const all = squash(pagesOf(doc.pdf).map(body).join(' '));
    const missing = doc.markers.filter((m) => {
      const text = squash(notes.get(m.n)!);
      // A footnote split at a page break has the next page's text in between: compare its two halves.
      return !all.includes(`${m.n}. ${text}`) && !(all.includes(`${m.n}. ${text.slice(0, 40)}`) && all.includes(text.slice(-40)));
    });
    expect(missing.map((m) => m.n)).toEqual([]);
  });

  it('is what its print preview (/ban-in/…) shows: the same pages, each starting with the same word; each figure laid out as its caption and table, with no empty chart box', async () => {
    const pages = pagesOf(doc.pdf);
    await withPage(chromium.browser, previewPath(doc.key), async ({ page, problems }) => {
      await page.waitForFunction(() => document.documentElement.dataset.paged, undefined, { timeout: 120_000 });
      expect(await page.evaluate(() => document.documentElement.dataset.paged)).toBe(String(pages.length));
      // The text a reader sees: what is only for screen readers (the indicator table's group names
      // before each sub-row, its "xem câu gốc" links) is not printed.
      const shown = await page.locator('.pagedjs_page .pagedjs_page_content').evaluateAll((els) => {
        for (const el of document.querySelectorAll<HTMLElement>('.pagedjs_page .visually-hidden')) el.style.display = 'none';
        return els.map((el) => ((el as HTMLElement).innerText ?? '').replace(/\s+/gu, ' ').trim());
      });
      expect(shown.length).toBe(pages.length);
      const words = (s: string) => s.normalize('NFC').split(' ').filter((w) => /\p{L}{2,}/u.test(w));
      for (const [i, text] of shown.entries()) {
        const pdfWords = words(body(pages[i]));
        const htmlWords = words(text);
        // The first word of the page's text (the page's flow, before its footnotes) is the same.
        expect(pdfWords[0]?.replace(/\d+$/u, ''), `page ${i + 1}`).toBe(htmlWords[0]?.replace(/\d+$/u, ''));
      }
      // The figures' stylesheets are linked (src/figures/FigureStyles.astro): without them the canvas's
      // box and its spacers printed as a blank space as tall as the chart, and the download links with it.
      const figures = await page.locator('.pagedjs_page figure.chart').evaluateAll((els) =>
        els.map((figure) => {
          const shown = (selector: string) => [...figure.querySelectorAll(selector)].filter((el) => getComputedStyle(el).display !== 'none').length;
          const height = (el: Element | null) => el?.getBoundingClientRect().height ?? 0;
          return {
            id: figure.id,
            hidden: shown('.chart-box, .chart-space, .chart-controls, .downloads'),
            table: height(figure.querySelector('table')),
            rest: height(figure) - height(figure.querySelector('figcaption')) - height(figure.querySelector('.chart-table')),
          };
        }),
      );
      expect(figures.length).toBe(doc.charts);
      for (const figure of figures) {
        expect(figure.hidden, `${figure.id}: chart box, spacers, controls or downloads shown`).toBe(0);
        expect(figure.table, `${figure.id}: its table`).toBeGreaterThan(0);
        expect(figure.rest, `${figure.id}: height beside its caption and table, in px`).toBeLessThan(48);
      }
      expect(problems).toEqual([]);
    });
  });
});

describe.each(chapterDocs.map((d) => ({ ...d, pdf: join(DIST, 'pdf', pdfFileName(d.key)) })))('the chapter page $url', (doc) => {
  it('links its PDF as "Tải PDF chương này (N trang, X KB)", with the PDF\'s real page count and size', async () => {
    const html = await (await fetch(url(doc.url))).text();
    const text = pdfLinkText({ key: doc.key, pages: pdfInfo(doc.pdf).pages, bytes: statSync(doc.pdf).size });
    expect(text).toBe(`Tải PDF chương này (${pdfInfo(doc.pdf).pages} trang, ${kilobytes(statSync(doc.pdf).size)} KB)`);
    expect(html).toContain(`<a class="pdf-link" href="/pdf/${pdfFileName(doc.key)}" type="application/pdf" download>${text}</a>`);
    expect(html).not.toContain('data-pdf-slot');
  });
});

describe.each(['/', '/in/'])('the page %s', (path) => {
  it('links the whole report\'s PDF with its page count and size', async () => {
    const pdf = join(DIST, 'pdf', pdfFileName(WHOLE_KEY));
    const text = pdfLinkText({ key: WHOLE_KEY, pages: pdfInfo(pdf).pages, bytes: statSync(pdf).size });
    expect(text).toMatch(/^Tải PDF toàn bộ báo cáo \(\d+ trang, [\d.]+ KB\)$/u);
    const html = await (await fetch(url(path))).text();
    expect(html).toContain(`<a class="pdf-link" href="/pdf/${pdfFileName(WHOLE_KEY)}" type="application/pdf" download>${text}</a>`);
    expect(html).not.toContain('data-pdf-slot');
  });
});

describe('the whole report\'s contents list', () => {
  const pdf = join(DIST, 'pdf', pdfFileName(WHOLE_KEY));
  const html = readFileSync(join(DIST, 'ban-in/index.html'), 'utf8');
  /** Each entry of the contents that has a page number: its text and target id. */
  const entries = [...html.matchAll(/<p class="entry level-(\d)"[^>]*>\s*<a href="#([^"]+)"[^>]*>([^<]+)<\/a>/gu)].map((m) => ({
    level: Number(m[1]),
    id: m[2],
    text: squash(m[3].replace(/&amp;/gu, '&').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'")),
  }));

  it('lists every chapter and every numbered section down to 1.x', () => {
    expect(entries.filter((e) => e.level === 0).length).toBe(chapters().length);
    for (const section of ['1.1. Nông nghiệp', '1.8. Tài nguyên và bảo vệ môi trường', '2.5. Thông tin và truyền thông', '2.2. Các chỉ tiêu chủ yếu']) {
      expect(entries.map((e) => e.text)).toContain(section);
    }
    expect(entries.filter((e) => /^3\.\d+\./u.test(e.text)).length).toBeGreaterThanOrEqual(15);
  });

  it('gives each entry the page where its heading stands', () => {
    expect(entries.length).toBeGreaterThan(40);
    const pages = pagesOf(pdf);
    const contents = pages.slice(1).filter((p) => textOf(p.header).includes('Mục lục'));
    expect(contents.length).toBeGreaterThan(0);
    // pdftotext puts the right-aligned page number in a line of its own: find it at the same height as the entry.
    const lines = contents.flatMap((p) => p.body.map((l) => ({ l, words: p.body.flatMap((o) => o.words) })));
    const wrong: string[] = [];
    for (const entry of entries) {
      const start = entry.text.replace(/…$/u, '').slice(0, 30);
      const found = lines.find(({ l }) => {
        const text = squash(l.text);
        return text.startsWith(start) || (text.length > 8 && start.startsWith(text));
      });
      const right = found?.l.words.at(-1);
      const numberWord = found && right ? found.words.find((w) => /^\d+$/u.test(w.text) && Math.abs(w.yMax - right.yMax) < 3 && w.xMin > right.xMax) : undefined;
      const line = found ? `${found.l.text} … ${numberWord?.text ?? '?'}` : undefined;
      const number = numberWord ? Number(numberWord.text) : NaN;
      const page = pages[number - 1];
      if (!page || page.number <= contents.at(-1)!.number) {
        wrong.push(`${entry.text}: no page number (${line ?? 'no line'})`);
        continue;
      }
      const where = `${textOf(page.body)} ${textOf(page.header)}`;
      if (!where.includes(start)) wrong.push(`${entry.text}: page ${number} does not hold it`);
      // Nor does an earlier page of the text: the number is the first page where it stands.
      const earlier = pages.slice(contents.at(-1)!.number, number - 1).find((p) => textOf(p.body).includes(start) && entry.text.length > 12);
      if (earlier) wrong.push(`${entry.text}: already on page ${earlier.number}, listed as ${number}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a print preview on a phone (390 px)', () => {
  it('scrolls its A4 sheets sideways inside their box, from each sheet\'s left edge to its right edge; the page itself does not scroll sideways', async () => {
    await withPage(
      chromium.browser,
      previewPath(chapterDocs[0].key),
      async ({ page, problems }) => {
        await page.waitForFunction(() => document.documentElement.dataset.paged, undefined, { timeout: 120_000 });
        const seen = await page.evaluate(() => {
          const box = document.querySelector<HTMLElement>('.paged-target')!;
          const sheet = document.querySelector<HTMLElement>('.pagedjs_page')!;
          const inner = () => {
            const r = box.getBoundingClientRect();
            return { left: r.left + box.clientLeft, right: r.left + box.clientLeft + box.clientWidth };
          };
          box.scrollLeft = 0;
          const atStart = sheet.getBoundingClientRect().left - inner().left;
          box.scrollLeft = box.scrollWidth;
          const atEnd = inner().right - sheet.getBoundingClientRect().right;
          return { sheet: sheet.getBoundingClientRect().width, box: box.clientWidth, atStart, atEnd, page: document.documentElement.scrollWidth };
        });
        // An A4 sheet (794 px) is wider than the phone: it must be reachable whole, its left edge included.
        expect(seen.sheet).toBeGreaterThan(seen.box);
        expect(seen.atStart, 'the sheet\'s left edge, the box scrolled to its start (px)').toBeGreaterThanOrEqual(-1);
        expect(seen.atEnd, 'the sheet\'s right edge, the box scrolled to its end (px)').toBeGreaterThanOrEqual(-1);
        expect(seen.page).toBeLessThanOrEqual(390);
        expect(problems).toEqual([]);
      },
      { viewport: { width: 390, height: 844 } },
    );
  });
});
