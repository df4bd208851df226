/**
 * What a page costs a reader: every response Chromium receives for it, by kind (the HTML
 * document, CSS, JS, fonts, the rest), with its size as served and gzipped. Shared by the
 * budget tests (tests/e2e/budgets.test.ts) and the bench (tests/bench/site.ts).
 * The test server does not compress, so gzip sizes are computed here, at zlib's default
 * level, as a web server would send them; woff2 fonts are counted as served, being
 * compressed already.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';

export interface Transfer {
  /** URL path (and query) on the site. */
  path: string;
  kind: Kind;
  contentType: string;
  /** Bytes as served, uncompressed. */
  bytes: number;
  /** Bytes gzipped (fonts: as served). */
  gzip: number;
  /** The body, for checks of what a file is (e.g. Chart.js). */
  body: Buffer;
}

export type Totals = Record<Kind, { files: number; bytes: number; gzip: number }>;

/** The kind of a response, from its content type and, failing that, its extension. */
export function kindOf(url: string, contentType: string): Kind {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const path = new URL(url).pathname;
  if (type === 'text/html') return 'html';
  if (type === 'text/css' || path.endsWith('.css')) return 'css';
  if (/^(?:text|application)\/javascript$/u.test(type) || /\.m?js$/u.test(path)) return 'js';
  if (type.startsWith('font/') || /\.(?:woff2?|ttf|otf)$/u.test(path)) return 'font';
  return 'other';
}

/** Size of `body` gzipped at zlib's default level. */
export function gzipSize(body: Buffer | string): number {
  return gzipSync(body).length;
}

/** Sums transfers by kind. */
export function totals(transfers: readonly Transfer[]): Totals {
  const sum: Totals = {
    html: { files: 0, bytes: 0, gzip: 0 },
    css: { files: 0, bytes: 0, gzip: 0 },
    js: { files: 0, bytes: 0, gzip: 0 },
    font: { files: 0, bytes: 0, gzip: 0 },
    other: { files: 0, bytes: 0, gzip: 0 },
  };
  for (const t of transfers) {
    sum[t.kind].files++;
    sum[t.kind].bytes += t.bytes;
    sum[t.kind].gzip += t.gzip;
  }
  return sum;
}

/** Whether a JS file is Chart.js: its bundle carries Chart.js's own `_chartjs` property. */
export function isChartCode(t: Transfer): boolean {
  return t.kind === 'js' && t.body.includes('_chartjs');
}

export interface Recorder {
  /** Every response received so far, once its body has been read. */
  transfers: () => Promise<Transfer[]>;
}

/**
 * Records every response `page` (and its workers) receives from now on, redirects
 * excepted, each URL once: a file that two parts of the page fetch (the page and its chart
 * worker both load the fonts) comes from the HTTP cache the second time, since the site's
 * hashed files are served cacheable for a year (src/site/headers.ts, tests/support/server.ts).
 */
export function recordTransfers(page: Page): Recorder {
  const pending: Promise<Transfer | null>[] = [];
  const seen = new Set<string>();
  page.on('response', (res: Response) => {
    if (seen.has(res.url())) return;
    seen.add(res.url());
    pending.push(
      (async () => {
        if (res.status() >= 300 && res.status() < 400) return null;
        const url = new URL(res.url());
        if (!url.protocol.startsWith('http')) return null;
        // A response that arrives as the context closes (after the count) has no body to read: it is not counted.
        const body = await res.body().catch(() => null);
        if (body === null) return null;
        const contentType = (await res.headerValue('content-type')) ?? '';
        const kind = kindOf(res.url(), contentType);
        return { path: url.pathname + url.search, kind, contentType, bytes: body.length, gzip: kind === 'font' ? body.length : gzipSize(body), body };
      })(),
    );
  });
  return {
    transfers: async () => (await Promise.all(pending)).filter((t): t is Transfer => t !== null),
  };
}

export interface PageCost {
  path: string;
  transfers: Transfer[];
  totals: Totals;
}

/**
 * Opens `url` in a fresh context (an empty cache, as a first visit), lets it load, lay
 * out its text with its fonts and settle (no request for 500 ms), without any
 * interaction, and returns what it received. `then` may act on the page (scroll to a
 * chart, open search) before the count is taken; it must itself wait for what its action
 * triggers (e.g. the chart drawn), since the page has already been idle once.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  then?: (page: Page) => Promise<void>,
): Promise<PageCost> {
  // The service worker's background download of the whole site is not the page's cost.
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  try {
    const page = await context.newPage();
    const recorder = recordTransfers(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    if (then) await then(page);
    const transfers = await recorder.transfers();
    return { path: new URL(url).pathname, transfers, totals: totals(transfers) };
  } finally {
    await context.close();
  }
}
