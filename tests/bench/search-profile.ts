/** Dev tool: where the warm search time goes (performance measures around each step), at 4× throttle. */
import { resolve } from 'node:path';
import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const QUERIES = (process.env.QUERIES ?? 'xi mang|bao hiem y te|VNeID|kiep bac|8,16|hdnd|tai nan giao thong|BHXH').split('|');
const server = await serve(DIST);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent('dau tu cong')}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.waitForSelector('[data-search-results][data-state="done"][data-query="dau tu cong"]', { state: 'attached', timeout: 60_000 });
  await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached', timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { inputs: number[]; painted: number; longs: { start: number; dur: number }[] };
    w.inputs = [];
    w.longs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longs.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask' });
    const results = document.querySelector('[data-search-results]')!;
    new MutationObserver(() => {
      if ((results as HTMLElement).dataset.state === 'done') requestAnimationFrame(() => setTimeout(() => (w.painted = performance.now()), 0));
    }).observe(results, { attributes: true, attributeFilter: ['data-state'] });
    document.querySelector('#tim-kiem-q')!.addEventListener('input', () => w.inputs.push(performance.now()), { capture: true });
  });
  for (const query of QUERIES) {
    await page.locator('#tim-kiem-q').fill('');
    await page.locator('#tim-kiem-q').focus();
    await page.evaluate(() => {
      const w = window as unknown as { inputs: number[]; longs: unknown[] };
      w.inputs = [];
      w.longs = [];
      performance.clearMeasures();
      performance.clearMarks();
    });
    await page.keyboard.type(query);
    const t0 = Date.now();
    await page.waitForSelector(`[data-search-results][data-state="done"][data-query="${query}"]`, { state: 'attached', timeout: 60_000 });
    const wall = Date.now() - t0;
    const info = await page.evaluate(() => {
      const w = window as unknown as { inputs: number[]; painted: number; longs: { start: number; dur: number }[] };
      const inputs = w.inputs;
      const painted = w.painted;
      const longs = w.longs.filter((l) => l.start + l.dur >= inputs.at(-1)!).map((l) => `${(l.start - inputs.at(-1)!).toFixed(0)}+${l.dur.toFixed(0)}`);
      const rendered = performance.getEntriesByName('search-rendered').at(-1)?.startTime ?? NaN;
      const measures = performance.getEntriesByType('measure').map((m) => ({ name: m.name, start: m.startTime, dur: m.duration }));
      return { inputs, rendered, measures, painted, longs };
    });
    const last = info.inputs.at(-1)!;
    console.log(`\n== ${query}: wall ${wall} ms; in-page last input → rendered ${(info.rendered - last).toFixed(0)} ms, painted ${(info.painted - last).toFixed(0)} ms; long tasks after last input ${info.longs.join(' ')}; inputs at ${info.inputs.map((x) => (x - info.inputs[0]).toFixed(0)).join(',')}`);
    const sums = new Map<string, number>();
    for (const m of info.measures) {
      const kind = m.name.split(' ')[0] + (m.name.startsWith('pf exact') ? ' exact' : '');
      if (m.start + m.dur >= last) sums.set(kind, (sums.get(kind) ?? 0) + m.dur);
      if (process.env.VERBOSE) console.log(`  ${(m.start - last).toFixed(0).padStart(6)} +${m.dur.toFixed(0).padStart(5)}  ${m.name}`);
    }
    console.log(`  after last input: ${[...sums].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
