/**
 * The performance budgets of the built site, asserted in bytes, never in time (times are
 * the bench's: `npm run bench`). Sizes are what Chromium receives for a first visit
 * (an empty cache, no interaction), gzipped as a server would send them (tests/support/
 * transfer.ts); fonts count as served, woff2 being compressed already.
 * - everything a page loads, fonts included: a text-only chapter at most 50 KB gzip, a
 *   chapter with charts at most 60 KB before any chart is scrolled to (and no Chart.js),
 *   the home page at most 40 KB, at a phone's and a desktop's size;
 * - a text-only chapter (no chart, no table of targets): HTML, CSS and JS together at
 *   most 35 KB gzip, fonts excluded, and its JS at most 5 KB gzip until the reader
 *   searches, every file counted (module preloads and their imports included);
 * - no script blocks rendering: each is external, and a module, defer or async;
 * - Chart.js is downloaded only by pages that have a chart;
 * The fonts' own budget and checks are in fonts.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mdxBlocks } from '../../src/core/mdx-text';
import { splitFrontmatter } from '../../src/data/validate';
import { url, useBrowser } from '../support/e2e';
import { startTags } from '../support/html';
import { chapters, pagesToVisit, builtPages, ROOT, DIST } from '../support/site';
import { isChartCode, measurePage, totals, type Transfer } from '../support/transfer';

const KB = 1000;
const TEXT_CHAPTER_BUDGET = 35 * KB;
/** Everything at load, fonts included. */
const TEXT_CHAPTER_TOTAL_BUDGET = 50 * KB;
const CHART_CHAPTER_TOTAL_BUDGET = 60 * KB;
const HOME_TOTAL_BUDGET = 40 * KB;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TEXT_CHAPTER_JS_BUDGET = 5 * KB;
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
/** Every page to open, each with whether its HTML holds a chart figure to draw. */
/** The paged print edition (/ban-in/…) draws no chart: it prints each chart's table, as paper does. */
const PAGED_EDITION = /^\/ban-in\//u;
const pages = pagesToVisit().map((p) => ({
  ...p,
  chart: !PAGED_EDITION.test(p.path) && /<figure\b[^>]*\bclass="chart\b/u.test(html(p.status === 404 ? '/404.html' : p.path)),
}));
const chartPages = pages.filter((p) => p.chart);
const pagesWithoutCharts = pages.filter((p) => !p.chart);

/** The chapters whose body has a chart. */
const chartChapters = chapters().filter((c) => {
  const { body } = splitFrontmatter(readFileSync(join(ROOT, c.file), 'utf8'), c.file);
  return mdxBlocks(body).some((b) => b.kind === 'component' && b.name === 'DataChart');
});
const SIZES = [
  { size: 'phone', options: { ...PHONE, reducedMotion: 'reduce' as const } },
  { size: 'desktop', options: CONTEXT },
];
const everything = (transfers: readonly Transfer[]) => transfers.reduce((s, t) => s + t.gzip, 0);

describe('everything a page loads, fonts included, gzip', () => {
  it('is measured on the chapters with charts, I.1 among them', () => {
    expect(chartChapters.map((c) => c.url)).toContain('/phan-thu-nhat/i-1-linh-vuc-kinh-te/');
  });

  it.each(textOnlyChapters.flatMap((c) => SIZES.map((s) => ({ ...s, path: c.url }))))('comes to at most 50 KB for the text-only chapter $path ($size)', async ({ path, options }) => {
    const cost = await measurePage(chromium.browser, url(path), options);
    expect(cost.transfers.some((t) => t.kind === 'font')).toBe(true);
    expect(everything(cost.transfers), breakdown(cost.transfers)).toBeLessThanOrEqual(TEXT_CHAPTER_TOTAL_BUDGET);
  });

  // On a phone no chart is in view at load (on a desktop, I.1's first chart is, and is drawn at once).
  it.each(chartChapters.map((c) => ({ ...SIZES[0], path: c.url })))('comes to at most 60 KB for $path ($size) before any chart is scrolled to, Chart.js not among it', async ({ path, options }) => {
    const cost = await measurePage(chromium.browser, url(path), options);
    expect(cost.transfers.filter(isChartCode).map((t) => t.path)).toEqual([]);
    expect(everything(cost.transfers), breakdown(cost.transfers)).toBeLessThanOrEqual(CHART_CHAPTER_TOTAL_BUDGET);
  });

  it.each(SIZES)('comes to at most 40 KB for the home page ($size)', async ({ options }) => {
    const cost = await measurePage(chromium.browser, url('/'), options);
    expect(cost.transfers.some((t) => t.kind === 'font')).toBe(true);
    expect(everything(cost.transfers), breakdown(cost.transfers)).toBeLessThanOrEqual(HOME_TOTAL_BUDGET);
  });
});

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
  it.each(builtPages())('$path are all external, and each a module, defer or async, so that none blocks rendering, but the settings boot script', ({ path, file }) => {
    expect(startTags(readFileSync(file, 'utf8')).some((t) => t.name === 'script')).toBe(true);
    const blocking = blockingScripts(readFileSync(file, 'utf8'));
    expect(blocking.filter((src) => !isBootScript(src))).toEqual([]);
    // The print preview is paper: always light, in the default size, so it has no settings to apply.
    expect(blocking.filter(isBootScript)).toHaveLength(PAGED_EDITION.test(path) ? 0 : 1);
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
