/**
 * The URLs of search: the search page's own (what is searched, so that a search can be
 * shared and bookmarked) and a result's (the record's place, with the query for the
 * landing page to highlight).
 */
import { HIGHLIGHT_PARAM } from './constants';
import { normaliseQuery, QUERY_MAX } from './text';

export { HIGHLIGHT_PARAM };
export const SEARCH_PATH = '/tim-kiem/';
/** Search page parameters: the query, the scope (part id or chapter slug), footnotes only. */
export const PARAM = { query: 'q', scope: 'pham-vi', footnotesOnly: 'chi-chu-thich' } as const;
/** Longest query kept, typed or from a URL, in characters (src/search/text.ts). */
export const MAX_QUERY = QUERY_MAX;

export interface SearchState {
  query: string;
  /** "" for the whole report, else a part's id or a chapter's slug. */
  scope: string;
  footnotesOnly: boolean;
}

const clean = (value: string | null) => normaliseQuery(value ?? '').text;

/** Reads the search page's state from its query string ("?q=…&pham-vi=…&chi-chu-thich=1"). */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const scope = clean(params.get(PARAM.scope));
  return {
    query: clean(params.get(PARAM.query)),
    scope: /^[a-z0-9/-]*$/u.test(scope) ? scope : '',
    footnotesOnly: ['1', 'true', 'co'].includes(params.get(PARAM.footnotesOnly) ?? ''),
  };
}

/** The search page's URL for a state; defaults are left out. */
export function searchPageUrl(state: SearchState): string {
  const params = new URLSearchParams();
  const query = clean(state.query);
  if (query) params.set(PARAM.query, query);
  if (state.scope) params.set(PARAM.scope, state.scope);
  if (state.footnotesOnly) params.set(PARAM.footnotesOnly, '1');
  const qs = params.toString();
  return qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH;
}

/**
 * A result's link: the record's URL (path and #fragment, as indexed) with the query
 * added for the landing page to highlight: "/a/#fnref-7" → "/a/?tu-khoa=xi+mang#fnref-7".
 */
export function resultUrl(recordUrl: string, query: string): string {
  const hashAt = recordUrl.indexOf('#');
  const base = hashAt < 0 ? recordUrl : recordUrl.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : recordUrl.slice(hashAt);
  const [path, existing = ''] = base.split('?');
  const params = new URLSearchParams(existing);
  const q = clean(query);
  if (q) params.set(HIGHLIGHT_PARAM, q);
  else params.delete(HIGHLIGHT_PARAM);
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ''}${hash}`;
}

/** The record URL with a different #fragment (or none). */
export function withFragment(recordUrl: string, id: string | undefined): string {
  const base = recordUrl.split('#')[0];
  return id ? `${base}#${id}` : base;
}

/** The query a landing page should highlight, from its query string, or null. */
export function highlightQuery(search: string): string | null {
  const q = clean(new URLSearchParams(search).get(HIGHLIGHT_PARAM));
  return q || null;
}

/** The footnote number a fragment such as "#fnref-7" points at, or null. */
export function footnoteOfHash(hash: string): number | null {
  const m = /^#fnref-(\d{1,3})$/u.exec(hash);
  return m ? Number(m[1]) : null;
}
