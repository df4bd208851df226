/**
 * `npm run bench`: how fast search is, measured in Chromium against the built site
 * (dist/, or DIST_DIR), on loopback. Not a test: it asserts nothing, and prints
 * - cold first query: a fresh browser context (empty cache) opens /tim-kiem/?q=…;
 *   the time from the search's start to its results on screen, and from navigation
 *   start; the bytes fetched for it (pagefind.js, its WebAssembly, index, filters and
 *   fragments, as served: this server does not compress);
 * - warm query: in the same page, each further query typed; the time to its results.
 * Times are the page's own performance.measure("search") entries (scripts/search-page.ts).
 * Results are also written to bench-results/search.json.
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const COLD_RUNS = 5;
const COLD_QUERY = 'xi mang';
const WARM_QUERIES = ['dau tu', 'VNeID', '"tỷ đồng"', 'duong sat', 'KCN', 'compost', '8,16', 'hdnd'];

if (!existsSync(join(DIST, 'pagefind', 'pagefind.js'))) {
  console.error(`${DIST} has no search index: run \`npm run build\` first`);
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KiB`;

const server = await serve(DIST);
const browser = await launch();
const selector = (q: string) => `[data-search-results][data-state="done"][data-query="${q.replace(/"/gu, '\\"')}"]`;

const cold: { search: number; fromNavigation: number; bytes: number; requests: number }[] = [];
const warm: { query: string; search: number }[] = [];
try {
  for (let run = 0; run < COLD_RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(COLD_QUERY)}`);
    await page.waitForSelector(selector(COLD_QUERY), { state: 'attached' });
    cold.push(
      await page.evaluate(() => {
        const measure = performance.getEntriesByName('search').at(-1)!;
        const pagefind = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/pagefind/')) as PerformanceResourceTiming[];
        return {
          search: measure.duration,
          fromNavigation: measure.startTime + measure.duration,
          bytes: pagefind.reduce((sum, e) => sum + e.transferSize, 0),
          requests: pagefind.length,
        };
      }),
    );
    if (run === COLD_RUNS - 1) {
      for (const query of WARM_QUERIES) {
        const before = await page.evaluate(() => performance.getEntriesByName('search').length);
        await page.locator('#tim-kiem-q').fill(query);
        await page.waitForSelector(selector(query), { state: 'attached' });
        await page.waitForFunction((n) => performance.getEntriesByName('search').length > n, before);
        warm.push({ query, search: await page.evaluate(() => performance.getEntriesByName('search').at(-1)!.duration) });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const summary = {
  coldQuery: COLD_QUERY,
  coldRuns: COLD_RUNS,
  coldSearchMs: median(cold.map((c) => c.search)),
  coldFromNavigationMs: median(cold.map((c) => c.fromNavigation)),
  coldBytes: median(cold.map((c) => c.bytes)),
  coldRequests: median(cold.map((c) => c.requests)),
  warmMedianMs: median(warm.map((w) => w.search)),
  warmMaxMs: Math.max(...warm.map((w) => w.search)),
  warm,
};
console.log(`Search benchmark (Chromium, ${DIST}, loopback, no compression)`);
console.log(`  cold first query "${COLD_QUERY}" (median of ${COLD_RUNS} fresh contexts):`);
console.log(`    search start → results shown: ${ms(summary.coldSearchMs)}`);
console.log(`    navigation start → results shown: ${ms(summary.coldFromNavigationMs)}`);
console.log(`    fetched from /pagefind/: ${kb(summary.coldBytes)} in ${summary.coldRequests} requests`);
console.log(`  warm queries (same page, typed): median ${ms(summary.warmMedianMs)}, slowest ${ms(summary.warmMaxMs)}`);
for (const w of warm) console.log(`    ${w.query.padEnd(12)} ${ms(w.search)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/search.json', `${JSON.stringify(summary, null, 2)}\n`);
