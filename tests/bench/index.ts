/**
 * `npm run bench`: builds the site and measures it (tests/bench/site.ts: build time,
 * transfer per kind of page, the JS of a text-only chapter, the 10× scale check), then
 * times search against that build (tests/bench/search.ts). Prints tables, and writes
 * bench-results/site.json, bench-results/search.json and bench-results/bench.json (both
 * together). bench-results/ is git-ignored. Times vary with the machine: nothing here is
 * asserted; the byte budgets are tests/e2e/budgets.test.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runSiteBench, siteReport } from './site.ts';

const OUT = 'bench-results';
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
  writeFileSync(`${OUT}/bench.json`, `${JSON.stringify({ date: new Date().toISOString(), site: site.result, search }, null, 2)}\n`);
  console.log(`\nResults: ${OUT}/site.json, ${OUT}/search.json, ${OUT}/bench.json`);
} finally {
  site.cleanup();
}
