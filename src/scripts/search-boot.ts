/**
 * The one search script every page loads, kept tiny: "/" (outside a text field) and
 * Ctrl+K (⌘K) focus the search box, and a page opened from a search result (its URL
 * carries ?tu-khoa=…) loads the highlighter. Everything else of search loads on the
 * search page, or once a result has been opened.
 */

// The names of src/lib/search-constants.ts, written out so that this script imports
// nothing (tests/unit/search-boot.test.ts checks that they agree).
const HIGHLIGHT_PARAM = 'tu-khoa';
const SEARCH_INPUT_ATTR = 'data-search-input';
const PRIMARY_INPUT_ATTR = 'data-search-primary';

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(target.tagName));
}

function searchBox(): HTMLInputElement | null {
  return document.querySelector(`[${PRIMARY_INPUT_ATTR}]`) ?? document.querySelector(`[${SEARCH_INPUT_ATTR}]`);
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.altKey) return;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTextField(event.target);
  const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
  if (!slash && !ctrlK) return;
  const box = searchBox();
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  void import('./search-highlight').then((m) => m.highlightPage());
}
