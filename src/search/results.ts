/**
 * The kinds of passage the search index knows, as its `kind` filter names them, and
 * the filters of a scope chosen on the search page.
 */

/** The kinds of record, as the index's `kind` filter names them (src/search/types.ts). */
export const KINDS = { content: 'nội dung', footnote: 'chú thích', page: 'trang tra cứu' } as const;
export type KindKey = keyof typeof KINDS;

/**
 * The filters for a scope value of the search form: "" for the whole report, a part's
 * id, or a chapter's slug. An unknown value is the whole report.
 */
export function scopeFilters(scope: string, partIds: readonly string[], chapterSlugs: readonly string[]): Record<string, string> {
  if (partIds.includes(scope)) return { part: scope };
  if (chapterSlugs.includes(scope)) return { chapter: scope };
  return {};
}
