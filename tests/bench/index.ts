/**
 * `npm run bench`: builds the site and measures it (tests/bench/site.ts: build time,
 * transfer per kind of page, the JS of a text-only chapter, the 10× scale check), then
 * times search against that build (tests/bench/search.ts). Prints tables, and writes
 * bench-results/site.json, bench-results/search.json and bench-results/bench.json (both
 * together), then issue 14's rows (tests/bench/perf.ts) and Lighthouse (mobile) on every
 * chapter and the home page (tests/bench/lighthouse.ts), the site served by nginx when it is
 * installed. bench-results/ is git-ignored. Times vary with the machine: nothing here is
 * asserted; the byte budgets are tests/e2e/budgets.test.ts.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runSiteBench, siteReport, table } from './site.ts';
import { lighthouseAll, lighthouseTable } from './lighthouse.ts';
import { measureRows, rowsReport } from './perf.ts';
import { startServer } from './serving.ts';
import { launch } from '../support/browser.ts';

const OUT = 'bench-results';
const LIGHTHOUSE_VERSION = (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
mkdirSync(OUT, { recursive: true });

const site = await runSiteBench((line) => console.error(line));
try {
  writeFileSync(`${OUT}/site.json`, `${JSON.stringify(site.result, null, 2)}\n`);
  console.log(siteReport(site.result).join('\n'));
  console.log('');
  // The search bench reads the build to serve from DIST_DIR when it is loaded.
  process.env.DIST_DIR = site.dist;
  await import('./search.ts');
  const search = JSON.parse(readFileSync(`${OUT}/search.json`, 'utf8')) as unknown;
  // Issue 14's rows and Lighthouse (mobile) on every chapter and the home page, served as in
  // production (nginx, when installed: compressed, with its headers).
  const server = await startServer(site.dist);
  let rows;
  let scores;
  try {
    const browser = await launch();
    try {
      rows = await measureRows(browser, server.url, site.dist);
    } finally {
      await browser.close();
    }
    console.log(`\nServed by ${server.kind}, phone (390 px):`);
    console.log(rowsReport(rows).join('\n'));
    const chapters = readdirSync(site.dist, { recursive: true })
      .map(String)
      .filter((f) => /^phan-[^/]+\/(?:[^/]+\/)?index\.html$/u.test(f))
      .map((f) => `/${f.replace(/index\.html$/u, '')}`)
      .sort();
    scores = await lighthouseAll(server.url, ['/', ...chapters]);
    console.log(`\nLighthouse ${LIGHTHOUSE_VERSION} (mobile), served by ${server.kind}:`);
    console.log(table(lighthouseTable(scores)).join('\n'));
  } finally {
    await server.close();
  }
  writeFileSync(`${OUT}/lighthouse.json`, `${JSON.stringify(scores, null, 2)}\n`);
  writeFileSync(`${OUT}/bench.json`, `${JSON.stringify({ date: new Date().toISOString(), site: site.result, search, rows, lighthouse: scores }, null, 2)}\n`);
  console.log(`\nResults: ${OUT}/site.json, ${OUT}/search.json, ${OUT}/bench.json`);
} finally {
  site.cleanup();
}
