/**
 * The judged query set (tests/search/queries.yaml) and its measures: success@1,
 * success@3, mean reciprocal rank and nDCG@5 over the queries that have right answers,
 * and, for the queries that must find nothing, how many found nothing. Also the runner
 * that puts each query to the search page in Chromium and reads the results in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';

export const QUERY_TYPES = ['nodiac', 'diac', 'name', 'number', 'abbr', 'phrase', 'typo', 'empty'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface JudgedQuery {
  q: string;
  type: QueryType;
  expect: string[];
  k: number;
  why?: string;
}

const FILE = 'tests/search/queries.yaml';

/** The query set, checked: a bad entry fails naming the file, the entry and the field. */
export function readQueries(root: string): JudgedQuery[] {
  const data = parse(readFileSync(join(root, FILE), 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${FILE}: must be a YAML list`);
  return data.map((raw: Record<string, unknown>, i) => {
    const at = `${FILE}: entry ${i + 1}`;
    if (typeof raw?.q !== 'string' || raw.q.trim() === '') throw new Error(`${at}: q: must be a non-empty string`);
    if (!QUERY_TYPES.includes(raw.type as QueryType)) throw new Error(`${at} (${raw.q}): type: must be one of ${QUERY_TYPES.join(', ')}`);
    if (!Array.isArray(raw.expect) || raw.expect.some((e) => typeof e !== 'string' || !/^(fn-\d+|p[12]-[a-z0-9-]+|ket-[a-z0-9-]+)$/u.test(e)))
      throw new Error(`${at} (${raw.q}): expect: must be a list of passage ids or fn-<n>`);
    if ((raw.type === 'empty') !== (raw.expect.length === 0)) throw new Error(`${at} (${raw.q}): expect: empty exactly when type is "empty"`);
    const k = raw.k === undefined ? 1 : raw.k;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) throw new Error(`${at} (${raw.q}): k: must be a whole number ≥ 1`);
    return { q: raw.q, type: raw.type as QueryType, expect: raw.expect as string[], k, ...(typeof raw.why === 'string' ? { why: raw.why } : {}) };
  });
}

/** The passage id a result link points at: "/a/?tu-khoa=x#fnref-7" → "fn-7", "/a/#p1-i-1-d1" → "p1-i-1-d1". */
export function passageOfHref(href: string): string {
  const hash = new URL(href, 'http://x').hash.slice(1);
  const fn = /^fnref-(\d+)$/u.exec(hash);
  return fn ? `fn-${fn[1]}` : decodeURIComponent(hash);
}

export interface Measures {
  queries: number;
  successAt1: number;
  successAt3: number;
  mrr: number;
  ndcgAt5: number;
  /** Queries that must find nothing, and how many did. */
  emptyQueries: number;
  emptyOk: number;
  /** The judged queries whose first right answer is not within their k, with what came first. */
  misses: { q: string; rank: number | null; first: string[] }[];
  /** "Must find nothing" queries that found something. */
  emptyMisses: { q: string; first: string[] }[];
}

/** The measures of the results each query got (passage ids in order). */
export function measure(queries: JudgedQuery[], results: Map<string, string[]>): Measures {
  const judged = queries.filter((q) => q.type !== 'empty');
  const empty = queries.filter((q) => q.type === 'empty');
  let s1 = 0;
  let s3 = 0;
  let rr = 0;
  let ndcg = 0;
  const misses: Measures['misses'] = [];
  for (const q of judged) {
    const got = results.get(q.q) ?? [];
    const rank = got.findIndex((id) => q.expect.includes(id));
    if (rank === 0) s1++;
    if (rank >= 0 && rank < 3) s3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    let dcg = 0;
    got.slice(0, 5).forEach((id, i) => {
      if (q.expect.includes(id)) dcg += 1 / Math.log2(i + 2);
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(5, q.expect.length); i++) ideal += 1 / Math.log2(i + 2);
    ndcg += dcg / ideal;
    if (rank < 0 || rank >= q.k) misses.push({ q: q.q, rank: rank < 0 ? null : rank + 1, first: got.slice(0, 3) });
  }
  const emptyMisses = empty.filter((q) => (results.get(q.q) ?? []).length > 0).map((q) => ({ q: q.q, first: (results.get(q.q) ?? []).slice(0, 3) }));
  const n = judged.length || 1;
  return {
    queries: judged.length,
    successAt1: s1 / n,
    successAt3: s3 / n,
    mrr: rr / n,
    ndcgAt5: ndcg / n,
    emptyQueries: empty.length,
    emptyOk: empty.length - emptyMisses.length,
    misses,
    emptyMisses,
  };
}

/** Normalised as the page shows it in data-query (white space collapsed). */
const shownQuery = (q: string) => q.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * Puts each query to the search page (already open at /tim-kiem/) by typing it into its
 * box, and reads the result links in order (at most `depth`).
 */
export async function runQueries(page: Page, queries: JudgedQuery[], depth = 10): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const q of queries) {
    await page.locator('#tim-kiem-q').fill(q.q);
    const shown = shownQuery(q.q);
    await page.waitForFunction(
      (want) => {
        const el = document.querySelector<HTMLElement>('[data-search-results]');
        return el?.dataset.query === want && el.dataset.state === 'done';
      },
      shown,
      { timeout: 20_000 },
    );
    const hrefs = await page.locator('a.result-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    out.set(q.q, hrefs.slice(0, depth).map(passageOfHref));
  }
  return out;
}
