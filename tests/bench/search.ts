/**
 * `npm run bench`, search part: measured in Chromium against the built site (dist/, or
 * DIST_DIR), on loopback, the CPU slowed 4× (a phone-class CPU). Not a test: it asserts
 * nothing (the floors and budgets are tests/e2e/search-quality.test.ts and
 * tests/e2e/search.test.ts), and prints
 * - relevance on the judged query set (tests/search/queries.yaml): success@1,
 *   success@3, MRR, nDCG@5, and the queries that must find nothing;
 * - the first query from a chapter page, typed into the header's box (a fresh browser
 *   context, empty cache): the bytes it fetches once the box has focus, as gzip would
 *   serve them (Pagefind's files are compressed already), and the time from the last
 *   keystroke to the results on screen (cold), measured in the page: from the last
 *   input event's timestamp to the end of the first frame after the results are in the
 *   DOM (requestAnimationFrame, then the next task). Three ways of typing, COLD_RUNS fresh
 *   contexts each: at TYPING_DELAY ms a key (the box prefetches the engine on focus and
 *   searches from the second character); all at once (keystrokes as fast as the driver
 *   sends them); and pasted as the box gets focus (one input event: nothing is fetched
 *   before it, the worst case);
 * - further queries typed on the search page once it is warm, in WARM_RUNS fresh pages
 *   (each query's figure is its median over them; the machine's jitter is printed too,
 *   see measureJitter): the time from the last
 *   keystroke to the results on screen (warm), measured in the page: from the last
 *   keydown's timestamp to the paint that shows the results, as the Event Timing API
 *   reports it for the key event in whose handling they were put in the DOM (what INP
 *   measures; rounded to 8 ms); when no such entry exists (results put in the DOM
 *   later, after an await on the network), to the end of the first frame after them
 *   (requestAnimationFrame, then the next task). Also printed: the same from the
 *   keydown to the results in the DOM, and as the driver sees it, from keyboard.type()
 *   returning to waitForSelector() finding them. The driver's figure leaves out the
 *   search itself (the keyup that ends keyboard.type() is handled after it) and is
 *   mostly Playwright's polling: each poll is several round trips through the slowed
 *   main thread, and a miss waits 20, 50, then 100 ms.
 * - the same queries typed in a burst (each query's keys sent together, as a fast typist's
 *   come from the system; keyboard.type() sends each once the page has handled the one
 *   before): how many lists of results were drawn (a search whose next keystroke is
 *   already waiting is dropped before it is drawn), and the longest key event (Event
 *   Timing, what INP measures);
 * A build without the header's answers-as-you-type (before issue 11) is measured the way
 * it worked: the query typed in the header, Enter, the search page's results.
 * Results are also written to bench-results/search.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';
import { qualityReport, runQuality } from './quality.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const COLD_RUNS = 3;
/** Fresh search pages the warm queries are typed in: each query's figure is the median of these. */
const WARM_RUNS = 3;
/** Times the jitter script (measureJitter) runs. */
const JITTER_RUNS = 30;
const COLD_QUERY = 'dau tu cong';
const WARM_QUERIES = ['xi mang', 'bao hiem y te', 'VNeID', 'kiep bac', '8,16', 'hdnd', 'tai nan giao thong', 'BHXH'];
const THROTTLE = 4;
/** Pause between keystrokes in the cold runs, in ms: a fast typist (about 8 characters a second). */
const TYPING_DELAY = 120;

if (!existsSync(join(DIST, 'pagefind', 'pagefind.js'))) {
  console.error(`${DIST} has no search index: run \`npm run build\` first`);
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KiB`;

/** Bytes of a served file as gzip would send it (Pagefind's files are compressed already). */
function gzipBytes(pathname: string): number {
  const file = join(DIST, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) return 0;
  const raw = readFileSync(file);
  return Math.min(raw.length, gzipSync(raw, { level: 9 }).length);
}

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
}

/**
 * Run in the warm page: records the last keydown's timestamp, when the results of the
 * query being typed are in the DOM, and when they were painted (see the top of the file).
 */
function recordWarm() {
  const results = document.querySelector<HTMLElement>('[data-search-results]')!;
  let want = '';
  let keydown = NaN;
  let inDom = NaN;
  let frameEnd: Promise<number> | null = null;
  let events: PerformanceEventTiming[] = [];
  document.addEventListener('keydown', (e) => (keydown = e.timeStamp), { capture: true, passive: true });
  new PerformanceObserver((list) => events.push(...(list.getEntries() as PerformanceEventTiming[]))).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  new MutationObserver(() => {
    if (frameEnd || results.dataset.state !== 'done' || results.dataset.query !== want) return;
    inDom = performance.now();
    frameEnd = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
  }).observe(results, { attributes: true, attributeFilter: ['data-state', 'data-query'] });
  Object.assign(window, {
    warmQuery: (q: string) => {
      want = q;
      keydown = inDom = NaN;
      frameEnd = null;
      events = [];
    },
    warmTimes: async () => {
      const end = await frameEnd!;
      // Event entries are delivered after the paint they end with: wait for the frame after.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const handled = events.filter((e) => e.startTime >= keydown && e.processingStart <= inDom && e.processingEnd >= inDom);
      const painted = handled.length > 0 ? Math.max(...handled.map((e) => e.startTime + e.duration)) : end;
      return { keydown, inDom, painted, byEventTiming: handled.length > 0 };
    },
  });
}

/**
 * Run in a warm page: how steady this machine is. A fixed script (1,000,000 square roots)
 * `runs` times, 30 ms apart, throttled as the queries are: its median, 90th percentile and
 * slowest time. On a steady machine the three are close; where they are not, a single
 * query's time varies as much, and the slowest of a handful of queries says more about the
 * machine than about the search (hence each warm query's median over WARM_RUNS pages).
 */
async function measureJitter(runs: number) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 1_000_000; i++) x += Math.sqrt(i);
    times.push(x > 0 ? performance.now() - t0 : NaN);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p90: times[Math.floor(runs * 0.9)], max: times[runs - 1] };
}

/**
 * Installed before the page's scripts in the cold runs: records the last input event's
 * timestamp (a keystroke, Enter, or the paste), and the end of the first frame after the
 * results of `query` are in the DOM (the header's list, or the search page's results).
 */
function recordCold(query: string) {
  let input = NaN;
  let shown: Promise<number> | null = null;
  let resolveShown: (t: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (resolveShown = resolve));
  // The later of the two: a typed key's input event follows its keydown; Enter (the search page's flow, before issue 11) has only a keydown, a paste only an input event.
  for (const type of ['keydown', 'input']) document.addEventListener(type, (e) => (input = Number.isNaN(input) ? e.timeStamp : Math.max(input, e.timeStamp)), { capture: true, passive: true });
  new MutationObserver(() => {
    const list = document.querySelector<HTMLElement>('#site-search-list[data-state="done"], [data-search-results][data-state="done"]');
    if (shown || list?.dataset.query !== query) return;
    shown = done;
    requestAnimationFrame(() => setTimeout(() => resolveShown(performance.now()), 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-query'] });
  Object.assign(window, { coldTimes: async () => ({ input, shown: await done }) });
}

/**
 * Run in the warm page before the queries typed in a burst: counts the lists of results drawn
 * (a search whose next keystroke is already waiting is dropped before it is drawn), and
 * records the longest key event (Event Timing: from the keystroke to the next paint).
 */
function recordFast() {
  const results = document.querySelector<HTMLElement>('[data-search-results]')!;
  let drawn = 0;
  let longest = 0;
  let since = Infinity;
  new MutationObserver(() => {
    if (results.dataset.state === 'done' && results.querySelector('li.result')) drawn++;
  }).observe(results, { attributes: true, attributeFilter: ['data-state'] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) if (e.startTime >= since && /^key/u.test(e.name)) longest = Math.max(longest, e.duration);
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  Object.assign(window, {
    fastStart: () => (since = Math.min(since, performance.now())),
    fastTimes: async () => {
      // Event entries are delivered after the paint they end with: wait for the frame after.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { drawn, longestEventMs: longest };
    },
  });
}

const resultsShown = (q: string) => `[data-search-results][data-state="done"][data-query="${q}"]`;

const server = await serve(DIST);
const browser = await launch();
/** How the cold query is typed: at TYPING_DELAY ms a key, all at once, or pasted in one input event. */
type Typing = 'paced' | 'all at once' | 'pasted';
const TYPINGS: Typing[] = ['paced', 'all at once', 'pasted'];
const cold: { ms: number; driverMs: number; bytes: number; requests: number; files: string[]; typing: Typing }[] = [];
const warm: { query: string; run: number; ms: number; inDomMs: number; driverMs: number; byEventTiming: boolean }[] = [];
/** The warm queries typed in a burst (see recordFast). */
const fast = { keys: 0, drawn: 0, longestEventMs: 0 };
let combobox = false;
let calibrationMs = NaN;
let jitter = { median: NaN, p90: NaN, max: NaN };
try {
  // Cold: each way of typing in COLD_RUNS fresh contexts.
  const coldRuns = TYPINGS.flatMap((typing) => Array.from({ length: COLD_RUNS }, () => typing));
  for (const typing of coldRuns) {
    // The service worker would compete with the query for the CPU (it starts seconds after load).
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(recordCold, COLD_QUERY);
    const page = await context.newPage();
    await page.goto(`${server.url}${CHAPTER}`, { waitUntil: 'load' });
    await throttle(page);
    combobox = (await page.getAttribute('#site-search-q', 'role')) === 'combobox';
    const before = new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
    if (typing === 'pasted') await page.locator('#site-search-q').fill(COLD_QUERY);
    else {
      await page.locator('#site-search-q').focus();
      await page.keyboard.type(COLD_QUERY, { delay: typing === 'paced' ? TYPING_DELAY : 0 });
    }
    const started = Date.now();
    if (!combobox) await page.keyboard.press('Enter');
    await page.waitForSelector(combobox ? `#site-search-list[data-state="done"][data-query="${COLD_QUERY}"]` : resultsShown(COLD_QUERY), { state: 'attached', timeout: 60_000 });
    const driverMs = Date.now() - started;
    const shown = await page.evaluate(() => (window as unknown as { coldTimes: () => Promise<{ input: number; shown: number }> }).coldTimes());
    // What the first results needed: fetched before they were shown (the index's other parts load after).
    const fetched = (
      await page.evaluate(() => {
        const shownAt = performance.getEntriesByName('suggest-rendered')[0]?.startTime ?? Infinity;
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= shownAt).map((e) => e.name);
      })
    )
      .filter((n) => !before.has(n))
      .map((n) => new URL(n).pathname);
    // The old flow opens the search page: its document counts too.
    const files = combobox ? fetched : ['/tim-kiem/', ...fetched];
    cold.push({ ms: shown.shown - shown.input, driverMs, bytes: files.reduce((sum, p) => sum + gzipBytes(p), 0), requests: files.length, files, typing });
    await context.close();
  }
  // Warm: WARM_RUNS fresh search pages, each with its engine loaded by a first query.
  for (let warmRun = 0; warmRun < WARM_RUNS; warmRun++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(COLD_QUERY)}`);
    await throttle(page);
    await page.waitForSelector(resultsShown(COLD_QUERY), { state: 'attached', timeout: 60_000 });
    // Warm: once the page has loaded the rest of the index after its first results.
    await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached', timeout: 60_000 });
    if (warmRun === 0) {
      // The machine's speed, to compare runs made on other days: a fixed script, throttled as the queries are.
      calibrationMs = await page.evaluate(() => {
        const t0 = performance.now();
        let x = 0;
        for (let i = 0; i < 20_000_000; i++) x += Math.sqrt(i);
        return x > 0 ? performance.now() - t0 : NaN;
      });
      jitter = await page.evaluate(measureJitter, JITTER_RUNS);
    }
    await page.evaluate(recordWarm);
    for (const query of WARM_QUERIES) {
      await page.locator('#tim-kiem-q').fill('');
      await page.locator('#tim-kiem-q').focus();
      await page.evaluate((q) => (window as unknown as { warmQuery: (q: string) => void }).warmQuery(q), query);
      await page.keyboard.type(query);
      const t0 = Date.now();
      await page.waitForSelector(resultsShown(query), { state: 'attached', timeout: 60_000 });
      const driverMs = Date.now() - t0;
      const w = await page.evaluate(() =>
        (window as unknown as { warmTimes: () => Promise<{ keydown: number; inDom: number; painted: number; byEventTiming: boolean }> }).warmTimes(),
      );
      warm.push({ query, run: warmRun, ms: w.painted - w.keydown, inDomMs: w.inDom - w.keydown, driverMs, byEventTiming: w.byEventTiming });
    }
    if (warmRun === WARM_RUNS - 1) {
      // Typed in a burst (in the last warm page), as a fast typist's keys come from the system:
      // sent all together, not each after the page has handled the one before (as
      // keyboard.type() does). How many lists of results were drawn, and the longest key event.
      await page.evaluate(recordFast);
      const cdp = await page.context().newCDPSession(page);
      for (const query of WARM_QUERIES) {
        await page.locator('#tim-kiem-q').fill('');
        await page.locator('#tim-kiem-q').focus();
        await page.evaluate(() => (window as unknown as { fastStart: () => void }).fastStart());
        await Promise.all(
          [...query].flatMap((key) => [
            cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key }),
            cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key }),
          ]),
        );
        await page.waitForSelector(resultsShown(query), { state: 'attached', timeout: 60_000 });
        fast.keys += [...query].length;
      }
      Object.assign(fast, await page.evaluate(() => (window as unknown as { fastTimes: () => Promise<{ drawn: number; longestEventMs: number }> }).fastTimes()));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const quality = await runQuality(DIST);
const summary = {
  dist: DIST,
  flow: combobox ? 'header box, answers as you type' : 'header box, Enter, search page',
  throttle: THROTTLE,
  quality: { successAt1: quality.successAt1, successAt3: quality.successAt3, mrr: quality.mrr, ndcgAt5: quality.ndcgAt5, emptyOk: quality.emptyOk, emptyQueries: quality.emptyQueries },
  coldQuery: COLD_QUERY,
  coldRuns: COLD_RUNS,
  typingDelayMs: TYPING_DELAY,
  firstQueryBytesGzip: median(cold.map((c) => c.bytes)),
  firstQueryBytesGzipMax: Math.max(...cold.map((c) => c.bytes)),
  firstQueryRequests: median(cold.map((c) => c.requests)),
  firstQueryFiles: cold.at(-1)?.files ?? [],
  coldMs: Object.fromEntries(TYPINGS.map((typing) => [typing, median(cold.filter((c) => c.typing === typing).map((c) => c.ms))])) as Record<Typing, number>,
  coldRunsMs: Object.fromEntries(TYPINGS.map((typing) => [typing, cold.filter((c) => c.typing === typing).map((c) => Math.round(c.ms))])) as Record<Typing, number[]>,
  driverColdMs: Object.fromEntries(TYPINGS.map((typing) => [typing, median(cold.filter((c) => c.typing === typing).map((c) => c.driverMs))])) as Record<Typing, number>,
  warmRuns: WARM_RUNS,
  warmMedianMs: median(warm.map((w) => w.ms)),
  warmMaxMs: Math.max(...warm.map((w) => w.ms)),
  /** Each query's median over the WARM_RUNS pages. */
  warmQueryMedianMs: Object.fromEntries(WARM_QUERIES.map((q) => [q, median(warm.filter((w) => w.query === q).map((w) => w.ms))])),
  driverWarmMedianMs: median(warm.map((w) => w.driverMs)),
  driverWarmMaxMs: Math.max(...warm.map((w) => w.driverMs)),
  warm,
  fast,
  calibrationMs,
  jitterMs: jitter,
};
console.log(`Search benchmark (Chromium, ${DIST}, loopback, CPU slowed ${THROTTLE}×)`);
console.log(`This machine at ${THROTTLE}×: a fixed script (20,000,000 square roots) in ${ms(calibrationMs)}; times below scale with it`);
console.log(`  and its jitter: a 1,000,000-root script ${JITTER_RUNS} times, median ${jitter.median.toFixed(1)} ms, 90th percentile ${jitter.p90.toFixed(1)} ms, slowest ${jitter.max.toFixed(1)} ms`);
console.log(qualityReport(quality).join('\n'));
console.log(`First query "${COLD_QUERY}" from a chapter page (${summary.flow}; ${COLD_RUNS} fresh contexts for each way of typing):`);
console.log(`  fetched: ${kb(summary.firstQueryBytesGzip)} gzip (at most ${kb(summary.firstQueryBytesGzipMax)}) in ${summary.firstQueryRequests} requests`);
console.log(`  cold, last keystroke → results shown (in the page; the driver's figure in brackets):`);
for (const typing of TYPINGS) {
  const how = typing === 'paced' ? `typed at ${TYPING_DELAY} ms a key` : typing === 'all at once' ? 'typed all at once' : 'pasted as the box gets focus';
  console.log(`    ${how.padEnd(30)} median ${ms(summary.coldMs[typing]).padStart(7)} (${ms(summary.driverColdMs[typing])}); runs: ${summary.coldRunsMs[typing].join(', ')} ms`);
}
const queryMedians = Object.values(summary.warmQueryMedianMs);
console.log(`Warm queries on the search page (last keystroke → results painted, in the page; ${WARM_RUNS} fresh pages): median ${ms(summary.warmMedianMs)}; slowest query ${ms(Math.max(...queryMedians))} (its median over the pages); slowest of all ${ms(summary.warmMaxMs)}`);
console.log(`  as the driver sees it (keyboard.type() returned → waitForSelector() found them): median ${ms(summary.driverWarmMedianMs)}, slowest ${ms(summary.driverWarmMaxMs)}`);
for (const query of WARM_QUERIES) {
  const runs = warm.filter((w) => w.query === query);
  const mark = runs.every((w) => w.byEventTiming) ? ' ' : '*';
  console.log(`  ${query.padEnd(20)} ${ms(summary.warmQueryMedianMs[query]).padStart(7)}${mark} runs ${runs.map((w) => w.ms.toFixed(0)).join(', ')} ms (in the DOM ${runs.map((w) => w.inDomMs.toFixed(0)).join(', ')}; driver ${runs.map((w) => w.driverMs.toFixed(0)).join(', ')})`);
}
if (warm.some((w) => !w.byEventTiming)) console.log('  * no Event Timing entry: to the end of the first frame after the results');
console.log(`  typed in a burst (keys sent together): ${fast.drawn} lists of results drawn for ${fast.keys} keystrokes; longest key event ${ms(fast.longestEventMs)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/search.json', `${JSON.stringify(summary, null, 2)}\n`);
