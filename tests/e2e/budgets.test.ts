/**
 * The performance budgets of the built site, asserted in bytes, never in time (times are
 * the bench's: `npm run bench`). Sizes are what Chromium receives for a first visit
 * (an empty cache, no interaction), gzipped as a server would send them (tests/support/
 * transfer.ts); fonts count as served, woff2 being compressed already.
 * - a text-only chapter (no chart, no table of targets): HTML, CSS and JS together at
 *   most 35 KB gzip, fonts excluded, and its JS at most 5 KB gzip until the reader
 *   searches, every file counted (module preloads and their imports included);
 * - no script blocks rendering: each is external, and a module, defer or async;
 * - Chart.js is downloaded only by pages that have a chart;
 * - fonts are the Latin and Vietnamese woff2 subsets of Noto Serif, at most 200 KB a page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mdxBlocks } from '../../src/lib/mdx-text';
import { splitFrontmatter } from '../../src/lib/validate-content';
import { url, useBrowser } from '../support/e2e';
import { startTags } from '../support/html';
import { chapters, DIST, pagesToVisit, builtPages, ROOT } from '../support/site';
import { isChartCode, measurePage, totals, type Transfer } from '../support/transfer';

const KB = 1000;
const TEXT_CHAPTER_BUDGET = 35 * KB;
const TEXT_CHAPTER_JS_BUDGET = 5 * KB;
const FONTS_PER_PAGE_BUDGET = 200 * KB;
/** The reduced-motion preference makes fragment jumps instant; it changes no download. */
const CONTEXT = { reducedMotion: 'reduce' as const, viewport: { width: 1280, height: 800 } };

const chromium = useBrowser();

/** The chapters whose body is text only: no chart, no table of targets. */
const textOnlyChapters = chapters().filter((c) => {
  const { body } = splitFrontmatter(readFileSync(join(ROOT, c.file), 'utf8'), c.file);
  return !mdxBlocks(body).some((b) => b.kind === 'component' && (b.name === 'DataChart' || b.name === 'IndicatorTable'));
});

/** One line per file, for a failure message: "1234 B gzip  /_astro/x.js". */
const breakdown = (transfers: readonly Transfer[]) => transfers.map((t) => `${String(t.gzip).padStart(7)} B gzip  ${t.path}`).join('\n');

/** The built HTML of each page, by URL path ("/404.html" for the 404 page). */
const builtHtml = new Map(builtPages().map((p) => [p.path, readFileSync(p.file, 'utf8')]));
const html = (path: string) => builtHtml.get(path) ?? '';
/** Every page to open, each with whether its HTML holds a chart figure. */
const pages = pagesToVisit().map((p) => ({ ...p, chart: /<figure\b[^>]*\bclass="chart\b/u.test(html(p.status === 404 ? '/404.html' : p.path)) }));
const chartPages = pages.filter((p) => p.chart);
const pagesWithoutCharts = pages.filter((p) => !p.chart);

describe('a text-only chapter page', () => {
  it('is, among others, /phan-thu-nhat/ii-danh-gia-chung/, while the chapters with charts are not', () => {
    const urls = textOnlyChapters.map((c) => c.url);
    expect(urls).toContain('/phan-thu-nhat/ii-danh-gia-chung/');
    expect(urls).not.toContain('/phan-thu-nhat/i-1-linh-vuc-kinh-te/');
    expect(urls).not.toContain('/phan-thu-hai/2-muc-tieu-chi-tieu/');
  });

  it.each(textOnlyChapters)('$url sends at most 35 KB gzip of HTML, CSS and JS together, fonts excluded', async ({ url: path }) => {
    const cost = await measurePage(chromium.browser, url(path), CONTEXT);
    const counted = cost.transfers.filter((t) => t.kind === 'html' || t.kind === 'css' || t.kind === 'js');
    expect(counted.filter((t) => t.kind === 'html')).toHaveLength(1);
    expect(counted.some((t) => t.kind === 'css')).toBe(true);
    const sum = counted.reduce((s, t) => s + t.gzip, 0);
    expect(sum, breakdown(counted)).toBeLessThanOrEqual(TEXT_CHAPTER_BUDGET);
  });

  it.each(textOnlyChapters)('$url loads at most 5 KB gzip of JS, every file counted, and nothing of the search, until the reader searches', async ({ url: path }) => {
    const cost = await measurePage(chromium.browser, url(path), CONTEXT);
    const js = cost.transfers.filter((t) => t.kind === 'js');
    // The page's own module scripts and what they import (the preload helper among them).
    const declared = startTags(html(path)).filter((t) => t.name === 'script' && t.attrs.src).map((t) => t.attrs.src);
    expect(declared.length).toBeGreaterThan(0);
    for (const src of declared) expect(js.map((t) => t.path)).toContain(src);
    expect(cost.transfers.filter((t) => t.path.startsWith('/pagefind/'))).toEqual([]);
    expect(totals(js).js.gzip, breakdown(js)).toBeLessThanOrEqual(TEXT_CHAPTER_JS_BUDGET);
  });
});

/**
 * The scripts of a page that block its rendering: inline, or external without type=module,
 * defer or async. Data blocks (JSON) are not run, and are left out.
 */
function blockingScripts(source: string): string[] {
  return startTags(source)
    .filter((t) => t.name === 'script')
    .filter((s) => {
      const type = (s.attrs.type ?? '').toLowerCase();
      if (type && type !== 'module' && !/^(?:text|application)\/(?:java|ecma)script$/u.test(type)) return false;
      return !s.attrs.src || !(type === 'module' || 'defer' in s.attrs || 'async' in s.attrs);
    })
    .map((s) => s.attrs.src ?? 'an inline script');
}

/**
 * The one script allowed to block: the reading settings' boot script (src/reading/client/
 * boot.js), which must run before first paint so that the saved theme and text size show
 * without a flash. It is external, and small.
 */
const isBootScript = (src: string) => /^\/_astro\/boot\.[\w-]+\.js$/u.test(src);
const BOOT_SCRIPT_BUDGET = 600;

describe('the scripts of every built page', () => {
  it.each(builtPages())('$path are all external, and each a module, defer or async, so that none blocks rendering, but the settings boot script', ({ file }) => {
    expect(startTags(readFileSync(file, 'utf8')).some((t) => t.name === 'script')).toBe(true);
    const blocking = blockingScripts(readFileSync(file, 'utf8'));
    expect(blocking.filter((src) => !isBootScript(src))).toEqual([]);
    expect(blocking.filter(isBootScript)).toHaveLength(1);
  });

  it('has a settings boot script of at most 600 B gzip, the first script of <head>', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const first = startTags(html).find((t) => t.name === 'script');
    expect(first && isBootScript(first.attrs.src ?? '')).toBe(true);
    expect(gzipSync(readFileSync(join(DIST, first!.attrs.src!))).length).toBeLessThanOrEqual(BOOT_SCRIPT_BUDGET);
  });

  it('would be found blocking when classic without defer or async, or inline, and not when data', () => {
    const sample =
      '<script src="/a.js"></script><script>x()</script><script type="module" src="/b.js"></script><script defer src="/c.js"></script><script async src="/d.js"></script><script type="application/json">{}</script>';
    expect(blockingScripts(sample)).toEqual(['/a.js', 'an inline script']);
  });
});

describe('the chart code (Chart.js)', () => {
  it('has pages to be loaded on, and pages to stay off', () => {
    expect(chartPages.map((p) => p.name)).toEqual(expect.arrayContaining(['/so-lieu/', '/phan-thu-nhat/i-1-linh-vuc-kinh-te/']));
    expect(pagesWithoutCharts.map((p) => p.name)).toEqual(expect.arrayContaining(['/', '/phan-thu-nhat/ii-danh-gia-chung/', '404.html']));
  });

  it.each(pagesWithoutCharts)('is not downloaded by $name, which has no chart, even once scrolled to its end', async ({ path }) => {
    const cost = await measurePage(chromium.browser, url(path), CONTEXT, async (page) => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForLoadState('networkidle');
    });
    expect(cost.transfers.filter(isChartCode).map((t) => t.path)).toEqual([]);
  });

  it.each(chartPages)('is downloaded by $name once its first chart comes into view', async ({ path }) => {
    const cost = await measurePage(chromium.browser, url(path), CONTEXT, async (page) => {
      await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
      await page.locator('figure.chart[data-state="drawn"]').first().waitFor({ state: 'attached' });
    });
    expect(cost.transfers.filter(isChartCode)).toHaveLength(1);
  });
});

/** Code points of a unicode-range token: "U+0102-0103", "U+20AB", or with wildcards, "U+??" (00–FF). */
function rangeOf(token: string): [number, number] {
  const r = token.trim().replace(/^U\+/iu, '');
  if (r.includes('?')) return [parseInt(r.replaceAll('?', '0'), 16), parseInt(r.replaceAll('?', 'F'), 16)];
  const [a, b] = r.split('-');
  return [parseInt(a, 16), parseInt(b ?? a, 16)];
}

/** Each @font-face of some CSS: its src, and its unicode-range as [from, to] code points. */
function fontFaces(css: string): { src: string; ranges: [number, number][] }[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/gu)].map((m) => ({
    src: /src:([^;}]*)/u.exec(m[1])?.[1] ?? '',
    ranges: (/unicode-range:([^;}]*)/u.exec(m[1])?.[1] ?? '').split(',').filter((t) => t.trim()).map(rangeOf),
  }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('the fonts', () => {
  const files = filesUnder(DIST).map((f) => relative(DIST, f));
  const css = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
  const faces = fontFaces(css);

  it('are shipped as the Latin and Vietnamese woff2 subsets of Noto Serif, regular and bold, and nothing else', () => {
    const fonts = files.filter((f) => /\.(?:woff2?|ttf|otf|eot)$/u.test(f)).map((f) => f.replace(/^_astro\//u, '').replace(/\.[\w-]+\.woff2$/u, '.woff2'));
    expect(fonts.sort()).toEqual([
      'noto-serif-latin-400-normal.woff2',
      'noto-serif-latin-700-normal.woff2',
      'noto-serif-vietnamese-400-normal.woff2',
      'noto-serif-vietnamese-700-normal.woff2',
    ]);
  });

  it('are declared by @font-face rules that each give one woff2 file and a unicode-range', () => {
    expect(faces).toHaveLength(4);
    for (const face of faces) {
      expect(face.src).toMatch(/^\s*url\("?\/_astro\/noto-serif-(?:latin|vietnamese)-[47]00-normal\.[\w-]+\.woff2"?\)\s*format\("woff2"\)\s*$/u);
      expect(face.ranges.length).toBeGreaterThan(0);
    }
  });

  it('read unicode-ranges as the minifier writes them, wildcards included', () => {
    expect(fontFaces('@font-face{src:url(/a.woff2)format("woff2");unicode-range:U+??,U+131,U+1EA0-1EF9}')).toEqual([
      { src: 'url(/a.woff2)format("woff2")', ranges: [[0, 0xff], [0x131, 0x131], [0x1ea0, 0x1ef9]] },
    ]);
  });

  it.each(pages)('cover every character that $name sets in Noto Serif, so that no glyph falls back to another font', async ({ path }) => {
    const context = await chromium.browser.newContext(CONTEXT);
    try {
      const page = await context.newPage();
      await page.goto(url(path));
      const chars: string[] = await page.evaluate(() => {
        const found = new Set<string>();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || !getComputedStyle(parent).fontFamily.replaceAll('"', '').startsWith('Noto Serif')) continue;
          for (const ch of node.textContent ?? '') if (ch.trim()) found.add(ch);
        }
        return [...found];
      });
      expect(chars.length).toBeGreaterThan(0);
      const covered = (c: number) => faces.some((f) => f.ranges.some(([a, b]) => c >= a && c <= b));
      const missing = chars.filter((ch) => !covered(ch.codePointAt(0)!)).map((ch) => `${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      expect(missing).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('leave out a character of neither subset, such as Cyrillic Ж, while covering a, ă, ư, ỹ, – and …', () => {
    const covered = (c: number) => faces.some((f) => f.ranges.some(([a, b]) => c >= a && c <= b));
    expect(['a', 'ă', 'ư', 'ỹ', '–', '…'].filter((ch) => !covered(ch.codePointAt(0)!))).toEqual([]);
    expect(covered('Ж'.codePointAt(0)!)).toBe(false);
  });

  it.each(pages)('downloaded by $name come to at most 200 KB, all woff2 files of the site', async ({ path }) => {
    const cost = await measurePage(chromium.browser, url(path), CONTEXT);
    const fonts = cost.transfers.filter((t) => t.kind === 'font');
    for (const f of fonts) {
      expect(f.contentType).toBe('font/woff2');
      expect(f.path).toMatch(/^\/_astro\/noto-serif-(?:latin|vietnamese)-[47]00-normal\.[\w-]+\.woff2$/u);
    }
    expect(totals(fonts).font.bytes, breakdown(fonts)).toBeLessThanOrEqual(FONTS_PER_PAGE_BUDGET);
  });
});
