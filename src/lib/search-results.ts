/**
 * Merging the results of the Pagefind searches planned for one query (see
 * search-query.ts) into one ranked list per kind of record, and the groups the search
 * page shows: "Nội dung" (chapter text), "Chú thích" (footnotes) and "Trang tra cứu"
 * (the site's own pages that carry data-pagefind-body, e.g. /chu-viet-tat/).
 */
import type { Tier } from './search-query';

/** The kinds of record, as the index's `kind` filter names them. */
export const KINDS = { content: 'nội dung', footnote: 'chú thích', page: 'trang tra cứu' } as const;
export type KindKey = keyof typeof KINDS;

/** One result of one Pagefind search. */
export interface Hit<R = unknown> {
  /** Pagefind's id of the record. */
  id: string;
  score: number;
  tier: Tier;
  /** Pagefind's result object, passed through. */
  result: R;
}

export interface RankedHit<R = unknown> extends Hit<R> {
  /** Every tier the record was found in. */
  tiers: Tier[];
}

const TIER_RANK: Record<Tier, number> = { exact: 0, phrase: 1, loose: 2 };
const phraseRank = (hit: { tiers: Tier[] }) => (hit.tiers.includes('phrase') ? 0 : 1);

/**
 * One entry per record: its best tier, its best score within that tier. Ranked by best
 * tier (exact diacritics, then phrase, then loose), then by whether the words also
 * stand together as a phrase, then by score, then by first appearance.
 */
export function mergeHits<R>(hits: Hit<R>[]): RankedHit<R>[] {
  const byId = new Map<string, RankedHit<R> & { seen: number }>();
  hits.forEach((hit, seen) => {
    const known = byId.get(hit.id);
    if (!known) {
      byId.set(hit.id, { ...hit, tiers: [hit.tier], seen });
      return;
    }
    if (!known.tiers.includes(hit.tier)) known.tiers.push(hit.tier);
    const better = TIER_RANK[hit.tier] < TIER_RANK[known.tier] || (hit.tier === known.tier && hit.score > known.score);
    if (better) Object.assign(known, { tier: hit.tier, score: hit.score, result: hit.result });
  });
  return [...byId.values()]
    .sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier] || phraseRank(a) - phraseRank(b) || b.score - a.score || a.seen - b.seen)
    .map(({ seen: _seen, ...hit }) => hit);
}

/**
 * The filters for a scope value of the search form: "" for the whole report, a part's
 * id, or a chapter's slug. An unknown value is the whole report.
 */
export function scopeFilters(scope: string, partIds: readonly string[], chapterSlugs: readonly string[]): Record<string, string> {
  if (partIds.includes(scope)) return { part: scope };
  if (chapterSlugs.includes(scope)) return { chapter: scope };
  return {};
}

/** The filters of one kind's searches: the scope's, plus the kind. */
export function kindFilters(kind: KindKey, scope: Record<string, string>): Record<string, string> {
  return { ...scope, kind: KINDS[kind] };
}
