/**
 * The relevance of search on the judged query set (tests/search/queries.yaml), measured
 * in Chromium against a built site (DIST_DIR, default dist/): success@1, success@3, MRR,
 * nDCG@5, and the "must find nothing" queries. Run alone: `node tests/bench/quality.ts`.
 */
import { resolve } from 'node:path';
import { launch } from '../support/browser.ts';
import { serve } from '../support/server.ts';
import { measure, readQueries, runQueries, type Measures } from '../search/judge.ts';

export async function runQuality(dist: string, root = process.cwd()): Promise<Measures> {
  const queries = readQueries(root);
  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tim-kiem/`);
    return measure(queries, await runQueries(page, queries));
  } finally {
    await browser.close();
    await server.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function qualityReport(m: Measures): string[] {
  return [
    `Relevance on the judged set (${m.queries} queries with right answers, ${m.emptyQueries} that must find nothing):`,
    `  success@1 ${pct(m.successAt1)}   success@3 ${pct(m.successAt3)}   MRR ${m.mrr.toFixed(3)}   nDCG@5 ${m.ndcgAt5.toFixed(3)}`,
    `  must find nothing: ${m.emptyOk}/${m.emptyQueries} found nothing`,
    ...m.misses.map((x) => `  miss: "${x.q}" first right answer at ${x.rank ?? '—'}; first: ${x.first.join(', ') || '(none)'}`),
    ...m.emptyMisses.map((x) => `  found something: "${x.q}": ${x.first.join(', ')}`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = await runQuality(resolve(process.env.DIST_DIR ?? 'dist'));
  console.log(qualityReport(m).join('\n'));
}
