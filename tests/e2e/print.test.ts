/**
 * Printing, in Chromium. Every chapter page and the whole report (/in/) are printed to
 * PDF as the browser prints them (page.pdf with the page's own @page size) and read
 * back with poppler-utils: A4 pages, "Trang i/N" on page i, a running header with the
 * report's short title and the chapter, each chapter's footnotes in full (compared with
 * content/footnotes.yaml, for the <Fn n={…} /> tags of the chapter's MDX), no navigation
 * or button text, no blank page, nothing beyond the page's edges.
 *
 * Left in test-results/print/ for people to look at: each PDF, its first two pages as
 * PNG, and pages.json, the page count of each.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, url, useBrowser, withPage } from '../support/e2e';
import { readReport } from '../support/faithful';
import { A4, bodyText, pageSizes, pdfFonts, pdfInfo, pdfPages, renderPng, SIDE_MARGINS, squash, textOf, type PdfPage } from '../support/pdf';
import { footnotes, ROOT } from '../support/site';
import { content } from '../support/content';
import { footnoteRefs } from '../../src/core/mdx-text';

const OUT = join(ROOT, 'test-results/print');
const WHOLE = '/in/';
const report = readReport();
const notes = footnotes();
const chromium = useBrowser();

const chapterList = content().chapters.map((c) => ({ ...c.data, file: c.file, url: c.url, refs: footnoteRefs(c.body).map((r) => r.n) }));

/** Text that belongs to the screen only: navigation, tools, popovers, the skip link. */
const SCREEN_ONLY = [
  'Trong chương này',
  'Chương sau',
  'Chương trước',
  'In chương này',
  'In toàn bộ báo cáo',
  'Đóng',
  'Xem trong danh sách chú thích',
  'Bỏ qua, đến nội dung chính',
];

interface Printed {
  path: string;
  file: string;
  count: number;
  pages: PdfPage[];
  /** All the text of the PDF, furniture included. */
  allText: string;
  /** The text of the pages' bodies, running headers and page numbers stripped. */
  body: string;
}

/** Prints the page at `path` to PDF as Chromium's print does, after `prepare`. */
async function printToPdf(path: string, file: string, prepare?: (page: Page) => Promise<void>) {
  await withPage(chromium.browser, path, async ({ page, problems }) => {
    await prepare?.(page);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(problems).toEqual([]);
  });
}

function read(path: string, file: string): Printed {
  const pages = pdfPages(file);
  return {
    path,
    file,
    count: pdfInfo(file).pages,
    pages,
    allText: squash(pages.map((p) => textOf(p.lines)).join(' ')),
    body: bodyText(pages),
  };
}

const cache = new Map<string, Promise<Printed>>();

/** The page at `path` printed to test-results/print/<name>.pdf (once), its first two pages as PNG. */
function printed(path: string): Promise<Printed> {
  if (!cache.has(path)) {
    const name = path.replace(/^\/|\/$/gu, '').replaceAll('/', '-');
    const file = join(OUT, `${name}.pdf`);
    cache.set(
      path,
      (async () => {
        mkdirSync(OUT, { recursive: true });
        await printToPdf(path, file);
        const result = read(path, file);
        // Drop the PNGs of an earlier run, whose names may be padded to another page count.
        for (const png of readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && /^-\d+\.png$/u.test(f.slice(name.length)))) rmSync(join(OUT, png));
        renderPng(file, join(OUT, name), 1, Math.min(2, result.count));
        return result;
      })(),
    );
  }
  return cache.get(path)!;
}

/** Page count of each printed document, for pages.json and the log. */
afterAll(async () => {
  const counts: Record<string, number> = {};
  for (const [path, result] of cache) counts[path] = (await result.catch(() => ({ count: NaN }))).count;
  if (Object.keys(counts).length === 0) return;
  writeFileSync(join(OUT, 'pages.json'), `${JSON.stringify(counts, null, 2)}\n`);
  console.log(`Printed pages (test-results/print/pages.json):\n${Object.entries(counts).map(([p, n]) => `  ${String(n).padStart(3)}  ${p}`).join('\n')}`);
});

/** Checks shared by every printed document. */
function expectA4(doc: Printed) {
  for (const [i, size] of pageSizes(doc.file, doc.count).entries()) {
    expect(Math.abs(size.width - A4.width), `page ${i + 1} width ${size.width}`).toBeLessThanOrEqual(1);
    expect(Math.abs(size.height - A4.height), `page ${i + 1} height ${size.height}`).toBeLessThanOrEqual(1);
  }
}

function expectPageNumbers(doc: Printed) {
  expect(doc.pages.length).toBe(doc.count);
  expect(doc.pages.map((p) => textOf(p.footer))).toEqual(doc.pages.map((p) => `Trang ${p.number}/${doc.count}`));
}

function expectNoScreenOnlyText(doc: Printed) {
  expect(SCREEN_ONLY.filter((text) => doc.allText.includes(text))).toEqual([]);
}

function expectNoBlankPage(doc: Printed) {
  const blank = doc.pages.filter((p) => p.body.flatMap((l) => l.words).length === 0).map((p) => p.number);
  expect(blank, 'pages with nothing but the running header and page number').toEqual([]);
}

/** No word beyond the paper's edges; and no word of the text itself in the side margins. */
function expectWithinPage(doc: Printed) {
  const where = (p: PdfPage, w: { text: string; xMin: number; xMax: number }) => `page ${p.number}: "${w.text}" ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} of ${p.width}`;
  const offPaper = doc.pages.flatMap((p) => p.lines.flatMap((l) => l.words).filter((w) => w.xMin < 0 || w.xMax > p.width - 3).map((w) => where(p, w)));
  expect(offPaper, 'words beyond the edges of the paper').toEqual([]);
  const inMargins = doc.pages.flatMap((p) =>
    p.body
      .flatMap((l) => l.words)
      .filter((w) => w.xMin < SIDE_MARGINS.left - 1.5 || w.xMax > p.width - SIDE_MARGINS.right + 1.5)
      .map((w) => where(p, w)),
  );
  expect(inMargins, 'words of the text in the side margins').toEqual([]);
}

/** The HTML of a built page, as served. */
async function html(path: string): Promise<string> {
  const response = await fetch(url(path));
  expect(response.status).toBe(200);
  return response.text();
}

const squashHtml = (s: string) => s.replace(/<[^>]+>/gu, '').replace(/\s+/gu, ' ').trim();

function expectNotoSerif(doc: Printed) {
  expect(pdfFonts(doc.file).filter((f) => !f.startsWith('NotoSerif-'))).toEqual([]);
}

describe('a chapter printed to PDF from its page', () => {
  it.each(chapterList)('$url prints on A4 pages (595.28 × 841.89 pt)', async ({ url }) => {
    expectA4(await printed(url));
  });

  it.each(chapterList)('$url shows "Trang i/N" at the foot of every page i', async ({ url }) => {
    expectPageNumbers(await printed(url));
  });

  it.each(chapterList)('$url carries the report\'s short title and the chapter\'s title "$title" in the running header of every page', async ({ url, title }) => {
    const doc = await printed(url);
    for (const page of doc.pages) {
      const header = textOf(page.header);
      expect(header, `page ${page.number}`).toContain(report.shortTitle);
      expect(header, `page ${page.number}`).toContain(title);
    }
  });

  it.each(chapterList)('$url carries the full text of each footnote it references ($refs), with its original number', async ({ url, refs }) => {
    const doc = await printed(url);
    for (const n of refs) {
      expect(doc.body, `footnote ${n}`).toContain(`${n}. ${squash(notes.get(n)!)}`);
    }
  });

  it.each(chapterList)('$url prints no navigation, button or popover text', async ({ url }) => {
    expectNoScreenOnlyText(await printed(url));
  });

  it.each(chapterList)('$url has no blank page', async ({ url }) => {
    expectNoBlankPage(await printed(url));
  });

  it.each(chapterList)('$url puts no word beyond the edges of the page', async ({ url }) => {
    expectWithinPage(await printed(url));
  });

  it.each(chapterList)('$url is set in the self-hosted Noto Serif only', async ({ url }) => {
    expectNotoSerif(await printed(url));
  });

  it('leaves a footnote popover that is open when printing out of the print, and keeps its text, once, in the list', async () => {
    const path = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
    const file = join(OUT, 'popover-open.pdf');
    mkdirSync(OUT, { recursive: true });
    await printToPdf(path, file, async (page) => {
      await page.click('#fnref-13');
      expect(await page.locator('#fn-pop-13').evaluate((el) => el.matches(':popover-open'))).toBe(true);
    });
    const doc = read(path, file);
    expectNoScreenOnlyText(doc);
    expect(doc.body.split(squash(notes.get(13)!)).length - 1).toBe(1);
    expect(doc.count).toBe((await printed(path)).count);
  });
});

describe('the whole report printed to PDF from /in/', () => {
  it('prints on A4 pages (595.28 × 841.89 pt)', async () => {
    expectA4(await printed(WHOLE));
  });

  it('shows "Trang i/N" at the foot of every page i', async () => {
    expectPageNumbers(await printed(WHOLE));
  });

  it('opens with a cover giving the report\'s title, issuer, addressee, session and signer, and saying that the source gives no number or date', async () => {
    const cover = (await printed(WHOLE)).pages[0];
    const text = textOf(cover.body);
    expect(textOf(cover.header)).toBe('');
    for (const expected of [report.title, report.addressee.name, report.session.text, report.signature.name, report.signature.title]) {
      expect(text).toContain(expected);
    }
    expect(text.toLocaleLowerCase('vi')).toContain(report.issuer.name.toLocaleLowerCase('vi'));
    expect(text).toMatch(/Số văn bản Văn bản nguồn không ghi/u);
    expect(text).toMatch(/Ngày ban hành Văn bản nguồn không ghi/u);
  });

  it('follows the cover with the contents list, under the running header "Mục lục"', async () => {
    const contents = (await printed(WHOLE)).pages[1];
    expect(textOf(contents.header)).toContain('Mục lục');
    expect(textOf(contents.body)).toMatch(/^Mục lục /u);
    for (const part of report.parts) expect(textOf(contents.body)).toContain(part.title);
  });

  it('starts every chapter on a new page, in reading order, under its own running header', async () => {
    const doc = await printed(WHOLE);
    const chapterOf = (page: PdfPage) => {
      const named = chapterList.flatMap((c, i) => (textOf(page.header).includes(c.title) ? [i] : []));
      return named.length === 1 ? named[0] : -1;
    };
    const sequence = doc.pages.slice(2).map(chapterOf);
    expect(sequence.every((c) => c >= 0), 'every page after the contents names its chapter').toBe(true);
    expect([...new Set(sequence)]).toEqual(chapterList.map((_, i) => i));
    expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    for (const [i, c] of chapterList.entries()) {
      const first = doc.pages[2 + sequence.indexOf(i)];
      const opening = squash((c.heading.length > 0 ? c.heading : [c.title]).join(' '));
      expect(textOf(first.body), `${c.url} starts page ${first.number}`).toMatch(new RegExp(`^${opening.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
    }
  });

  it('carries all 66 footnotes in full, in their original order 1–66', async () => {
    const doc = await printed(WHOLE);
    const at = [...notes.keys()].sort((a, b) => a - b).map((n) => doc.body.indexOf(`${n}. ${squash(notes.get(n)!)}`));
    expect(at.length).toBe(66);
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('prints no navigation, button or popover text', async () => {
    expectNoScreenOnlyText(await printed(WHOLE));
  });

  it('has no blank page', async () => {
    expectNoBlankPage(await printed(WHOLE));
  });

  it('puts no word beyond the edges of the page', async () => {
    expectWithinPage(await printed(WHOLE));
  });

  it('is set in the self-hosted Noto Serif only', async () => {
    expectNotoSerif(await printed(WHOLE));
  });
});

describe('the whole report page /in/ on screen', () => {
  it('holds every chapter in reading order, each headed by its chapter page\'s title, with the same permalink id', async () => {
    const titles: { id: string; text: string }[] = [];
    for (const c of chapterList) {
      const h1 = /<h1 id="([^"]+)"[^>]*>([\s\S]*?)<\/h1>/u.exec(await html(c.url));
      expect(h1, `${c.url} has an h1 with an id`).not.toBeNull();
      titles.push({ id: h1![1], text: squashHtml(h1![2]) });
    }
    await withPage(chromium.browser, WHOLE, async ({ page }) => {
      const sections = await page.locator('main section[aria-labelledby] > .chapter-title').evaluateAll((hs) =>
        hs.map((h) => ({ tag: h.tagName, id: h.id, text: (h.textContent ?? '').replace(/\s+/gu, ' ').trim() })),
      );
      expect(sections).toEqual(titles.map((t) => ({ tag: 'H2', ...t })));
      expect(await page.locator('h1').count()).toBe(1);
    });
  });

  it('links its contents list to every chapter in order', async () => {
    await withPage(chromium.browser, WHOLE, async ({ page }) => {
      const links = await page.locator('nav[aria-labelledby="muc-luc-ban-in"] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash));
      const ids = await page.locator('main section > .chapter-title').evaluateAll((hs) => hs.map((h) => `#${h.id}`));
      expect(links).toEqual(ids);
    });
  });

  it('numbers its footnotes 1 to 66, each once, with no gap', async () => {
    await withPage(chromium.browser, WHOLE, async ({ page }) => {
      const values = await page.locator('.footnotes li').evaluateAll((lis) => lis.map((li) => (li as HTMLLIElement).value));
      expect(values).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
      expect(await page.locator('a.fn-ref').count()).toBe(66);
    });
  });

  it('has no duplicate id', async () => {
    await withPage(chromium.browser, WHOLE, async ({ page }) => {
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });
  });

  it('passes axe-core\'s WCAG 2.2 A and AA rules', async () => {
    await withPage(chromium.browser, WHOLE, async ({ page }) => {
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });

  it.each([{ path: '/' }, ...chapterList.map((c) => ({ path: c.url }))])('is linked from $path', async ({ path }) => {
    const main = /<main\b[\s\S]*<\/main>/u.exec(await html(path))?.[0] ?? '';
    expect(main).toMatch(/<a\b[^>]*\shref="\/in\/"/u);
  });
});

describe('the print stylesheet', () => {
  const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';

  /** Opens the chapter in print media with a sample figure, table, list and two links added to its text. */
  async function inPrint<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    return withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.evaluate(() => {
        const sample = document.createElement('div');
        sample.id = 'print-sample';
        sample.innerHTML = [
          '<p><a id="external" href="https://example.org/bao-cao">ngoài</a> <a id="internal" href="/chu-thich/">trong</a></p>',
          '<figure id="figure"><img id="image" alt="" width="2000" height="100" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>Hình</figcaption></figure>',
          '<table id="table"><tr><td>1</td></tr></table>',
          '<ul><li id="item">Mục</li></ul>',
        ].join('');
        document.querySelector('.prose')!.append(sample);
      });
      await page.emulateMedia({ media: 'print' });
      return fn(page);
    });
  }

  it('prints the URL after an external link, and nothing after an internal one or a footnote marker', async () => {
    const [external, internal, marker] = await inPrint((page) =>
      page.evaluate(() => ['#external', '#internal', '#fnref-2'].map((s) => getComputedStyle(document.querySelector(s)!, '::after').content)),
    );
    expect(external).toMatch(/attr\(href\)|https:\/\/example\.org\/bao-cao/u);
    expect([internal, marker]).toEqual(['none', 'none']);
  });

  it('keeps headings with the text after them, and figures, tables and list items in one piece within the page width', async () => {
    const styles = await inPrint((page) =>
      page.evaluate(() => {
        const css = (s: string) => getComputedStyle(document.querySelector(s)!);
        const image = document.querySelector<HTMLImageElement>('#image')!;
        return {
          heading: css('.prose h2').breakAfter,
          figure: css('#figure').breakInside,
          table: css('#table').breakInside,
          item: css('#item').breakInside,
          imageFits: image.getBoundingClientRect().width <= document.querySelector('.prose')!.getBoundingClientRect().width,
          paragraph: [css('.prose p').orphans, css('.prose p').widows],
        };
      }),
    );
    expect(styles).toEqual({ heading: 'avoid', figure: 'avoid', table: 'avoid', item: 'avoid', imageFits: true, paragraph: ['3', '3'] });
  });

  it('hides the site header, search, breadcrumbs, contents, tools, pager, footer, permalinks and popovers', async () => {
    const shown = await inPrint((page) =>
      page.evaluate(() =>
        ['.skip-link', '.site-header', '[role="search"]', '.breadcrumbs', '.toc', '.print-tools', '.pager', '.site-footer', '.permalink', '.fn-pop', '.footnotes .back']
          .flatMap((s) => [...document.querySelectorAll(s)].map((el) => ({ s, display: getComputedStyle(el).display })))
          .filter((e) => e.display !== 'none')
          .map((e) => e.s),
      ),
    );
    expect(shown).toEqual([]);
  });
});

describe('the print buttons', () => {
  const buttons = [
    ...chapterList.map((c) => ({ path: c.url, label: 'In chương này' })),
    { path: WHOLE, label: 'In toàn bộ báo cáo' },
  ];

  it.each(buttons)('$path has a "$label" button that opens the print dialog', async ({ path, label }) => {
    await withPage(chromium.browser, path, async ({ page }) => {
      await page.evaluate(() => {
        const w = window as unknown as { printed: number };
        w.printed = 0;
        window.print = () => {
          w.printed += 1;
        };
      });
      const button = page.getByRole('button', { name: label });
      expect(await button.count()).toBe(1);
      expect(await button.evaluate((b) => b.tagName)).toBe('BUTTON');
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    });
  });

  it.each(buttons)('$path hides its "$label" button without JavaScript', async ({ path }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        const button = page.locator('button[data-print-button]');
        expect(await button.count()).toBe(1);
        expect(await button.isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });

  it.each(buttons)('$path uses no inline event handler and no inline script', async ({ path }) => {
    const page = await html(path);
    expect(page.match(/<[a-z][^>]*\son[a-z]+\s*=/giu) ?? []).toEqual([]);
    expect(page.match(/<script\b(?![^>]*\ssrc=)[^>]*>/giu) ?? []).toEqual([]);
  });
});
