/**
 * The one search script every page loads, kept tiny: "/" (outside a text field) and
 * Ctrl+K (⌘K) focus the search box; the header box's answers-as-you-type script
 * (combobox.ts) loads when the box gets focus, never before, and starts fetching the
 * search engine; a page opened from a search result (?tu-khoa=…) loads the highlighter.
 * The text-segmentation rules that a first search needs are loaded in a worker at the
 * same moment (segmenter-worker.ts), on the search page at once.
 */

// The names of src/search/constants.ts, written out so that this script imports
// nothing (tests/unit/search-text.test.ts checks that they agree).
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

/** Loads the browser's text-segmentation rules off the main thread (see segmenter-worker.ts). */
function warmSegmenter(): void {
  if (typeof Worker === 'undefined' || typeof Intl.Segmenter === 'undefined') return;
  try {
    new Worker(new URL('./segmenter-worker.ts', import.meta.url), { type: 'module', name: 'segmenter' });
  } catch {
    // Only a head start: without it, the first search loads the rules itself.
  }
}

const header = document.querySelector<HTMLInputElement>(`[${SEARCH_INPUT_ATTR}]`);
if (document.querySelector(`[${PRIMARY_INPUT_ATTR}]`)) warmSegmenter();
else if (header) {
  const start = () => {
    warmSegmenter();
    void import('./combobox').then((m) => m.initCombobox(header));
  };
  if (document.activeElement === header) start();
  else header.addEventListener('focus', start, { once: true });
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  void import('./landing').then((m) => m.highlightPage());
}
