/**
 * Relevance floors on the judged query set (tests/search/queries.yaml; issue 11), in
 * Chromium against the built site: success@1 ≥ 90%, success@3 ≥ 98%, MRR ≥ 0.93, and no
 * result at all for the queries that must find nothing. `npm run bench` prints the same
 * measures with nDCG@5.
 */
import { describe, expect, it } from 'vitest';
import { measure, QUERY_TYPES, readQueries, runQueries } from '../search/judge';
import { useBrowser, withPage } from '../support/e2e';
import { ROOT } from '../support/site';

const chromium = useBrowser();
const queries = readQueries(ROOT);

describe('the judged query set', () => {
  it('has at least 80 queries of every type, 10 of them that must find nothing', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    for (const type of QUERY_TYPES) expect(queries.filter((q) => q.type === type).length, type).toBeGreaterThan(0);
    expect(queries.filter((q) => q.type === 'empty')).toHaveLength(10);
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });

  it('meets the floors: success@1 ≥ 90%, success@3 ≥ 98%, MRR ≥ 0.93, nothing for the empty queries', async () => {
    const results = await withPage(chromium.browser, '/tim-kiem/', async ({ page, problems }) => {
      const r = await runQueries(page, queries);
      expect(problems).toEqual([]);
      return r;
    });
    const m = measure(queries, results);
    const detail = JSON.stringify({ misses: m.misses, emptyMisses: m.emptyMisses }, null, 1);
    expect(m.successAt1, detail).toBeGreaterThanOrEqual(0.9);
    expect(m.successAt3, detail).toBeGreaterThanOrEqual(0.98);
    expect(m.mrr, detail).toBeGreaterThanOrEqual(0.93);
    expect(m.emptyMisses, detail).toEqual([]);
    for (const q of queries.filter((x) => x.type === 'empty')) expect(results.get(q.q), q.q).toEqual([]);
  }, 300_000);
});
