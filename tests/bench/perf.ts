/**
 * The rows of issue 14's table, measured the same way before and after a change:
 * `node tests/bench/perf.ts [dist] [--lighthouse]` serves a built site (dist/ by default;
 * with the nginx of `npm run serve:prod` when SERVER=nginx, else the tests' Node server)
 * and prints, for a phone (390 × 844, touch):
 * - I.1 (the chapter with 7 charts): bytes at load, gzip, fonts as served, and requests,
 *   before any scroll (first visit, empty cache, page settled);
 * - I.1 First Contentful Paint and blocking time (the sum of every long task's time over
 *   50 ms, from navigation until the page settles) and longest task at 4× CPU throttle,
 *   median of RUNS loads;
 * - the longest text-only chapter's bytes (the heaviest of them), and the home page's;
 * - with --lighthouse, Lighthouse mobile scores of I.1 (tests/bench/lighthouse.ts).
 * Nothing is asserted: the budgets are tests/e2e/budgets.test.ts and tests/e2e/vitals.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';
import { measurePage } from '../support/transfer.ts';

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const CHART_CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const RUNS = 5;

/** The chapter pages of a build (under /phan-…/ and /phan-ket/) with no chart and no table of targets. */
export function textOnlyChapterUrls(dist: string): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => /^phan-[^/]+\/(?:[^/]+\/)?index\.html$/u.test(f))
    .filter((f) => !/<figure class="chart\b|class="indicator-table\b/u.test(readFileSync(join(dist, f), 'utf8')))
    .map((f) => `/${relative(dist, join(dist, f)).replace(/index\.html$/u, '')}`)
    .sort();
}

export interface LoadTiming {
  fcp: number;
  /** Sum over long tasks of (duration − 50 ms). */
  blocking: number;
  longest: number;
  tasks: number;
}

/** Collects long tasks from the first moment of the page. Runs before the page's own scripts. */
const LONGTASK_OBSERVER = `window.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`;

/** Loads `url` at `rate`× CPU throttle and reads its FCP and long tasks once it has settled. */
export async function loadTiming(browser: Browser, url: string, rate = 4, options: BrowserContextOptions = PHONE): Promise<LoadTiming> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.addInitScript(LONGTASK_OBSERVER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() => {
      const tasks = (window as unknown as { __longtasks: { duration: number }[] }).__longtasks;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return {
        fcp: Math.round(fcp),
        blocking: Math.round(tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0)),
        longest: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
        tasks: tasks.length,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface PerfRows {
  chartChapter: { path: string; gzip: number; requests: number; chartCode: boolean };
  timing: LoadTiming & { runs: LoadTiming[] };
  longestTextChapter: { path: string; gzip: number; requests: number };
  home: { gzip: number; requests: number };
}

export async function measureRows(browser: Browser, base: string, dist: string): Promise<PerfRows> {
  const total = async (path: string) => {
    const cost = await measurePage(browser, `${base}${path}`, PHONE);
    return {
      gzip: cost.transfers.reduce((s, t) => s + t.gzip, 0),
      requests: cost.transfers.length,
      chartCode: cost.transfers.some((t) => t.kind === 'js' && t.body.includes('_chartjs')),
    };
  };
  const chart = await total(CHART_CHAPTER);
  const runs: LoadTiming[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadTiming(browser, `${base}${CHART_CHAPTER}`));
  const texts = [];
  for (const path of textOnlyChapterUrls(dist)) texts.push({ path, ...(await total(path)) });
  const longest = texts.sort((a, b) => b.gzip - a.gzip)[0];
  const home = await total('/');
  return {
    chartChapter: { path: CHART_CHAPTER, ...chart },
    timing: { fcp: median(runs.map((r) => r.fcp)), blocking: median(runs.map((r) => r.blocking)), longest: median(runs.map((r) => r.longest)), tasks: median(runs.map((r) => r.tasks)), runs },
    longestTextChapter: { path: longest.path, gzip: longest.gzip, requests: longest.requests },
    home: { gzip: home.gzip, requests: home.requests },
  };
}

const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;

export function rowsReport(r: PerfRows): string[] {
  return [
    `I.1 (${r.chartChapter.path}) bytes at load, gzip, fonts included: ${kb(r.chartChapter.gzip)} in ${r.chartChapter.requests} requests${r.chartChapter.chartCode ? ' (Chart.js among them)' : ' (no Chart.js)'}`,
    `I.1 First Contentful Paint at 4× CPU, 390 px: ${r.timing.fcp} ms (median of ${r.timing.runs.length}: ${r.timing.runs.map((x) => x.fcp).join(', ')})`,
    `I.1 blocking time (long tasks over 50 ms) at 4× CPU: ${r.timing.blocking} ms, longest task ${r.timing.longest} ms (runs: ${r.timing.runs.map((x) => `${x.blocking}/${x.longest}`).join(', ')})`,
    `Longest text-only chapter (${r.longestTextChapter.path}): ${kb(r.longestTextChapter.gzip)} in ${r.longestTextChapter.requests} requests`,
    `Home: ${kb(r.home.gzip)} in ${r.home.requests} requests`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist');
  const withLighthouse = process.argv.includes('--lighthouse');
  const { startServer } = await import('./serving.ts');
  const server = await startServer(dist);
  const browser = await launch();
  try {
    console.log(`Serving ${dist} with ${server.kind} at ${server.url}`);
    console.log(rowsReport(await measureRows(browser, server.url, dist)).join('\n'));
  } finally {
    await browser.close();
  }
  try {
    if (withLighthouse) {
      const { lighthouse, scoresLine } = await import('./lighthouse.ts');
      const scores = await lighthouse(`${server.url}${CHART_CHAPTER}`);
      console.log(`Lighthouse mobile, I.1: ${scoresLine(scores)}`);
    }
  } finally {
    await server.close();
  }
}
