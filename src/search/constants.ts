/**
 * The few names that the always-loaded search script (scripts/search-boot.ts) shares
 * with the rest of search; kept apart so that it pulls in nothing else.
 */

/** The query-string parameter that carries a search to a result's page, for highlighting. */
export const HIGHLIGHT_PARAM = 'tu-khoa';
/** Marks the search box that "/" and Ctrl+K focus; the search page's own box wins. */
export const SEARCH_INPUT_ATTR = 'data-search-input';
export const PRIMARY_INPUT_ATTR = 'data-search-primary';
