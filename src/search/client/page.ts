/**
 * The search page (/tim-kiem/): reads what to search from the URL (?q=, ?pham-vi=,
 * ?chi-chu-thich=1), searches as the reader types (from MIN_CHARS characters: a shorter
 * query typed says so, and Enter searches it), keeps the URL in step, and shows
 * one ranked list where footnotes and paragraphs compete (src/search/score.ts); the
 * scope and "Chỉ tìm trong chú thích" filter it. The results container tells tests and
 * the benchmark where it stands: data-state="loading" | "done" | "error", and
 * data-query, the query it shows.
 */
import { t } from '../../i18n/vi';
import { scopeFilters } from '../results';
import { readSearchState, resultUrl, searchPageUrl, type SearchState } from '../url';
import { MIN_CHARS, normaliseQuery, queryKind, QUERY_MAX } from '../text';
import { KIND_FOOTNOTE } from '../types';
import { loadLexicon, loadPagefind, present, search, StaleSearch, warmUp, yieldToInput, type Ranked, type Shown } from './engine';
import { appendSegments, label, loadFailure } from './render';

/** Results shown at first, and added by "Xem thêm". */
const PAGE_SIZE = 10;
/** Pause after a keystroke before searching, in ms: none, a newer query replaces a waiting one (engine.ts). */
const TYPING_PAUSE = 0;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  scope: HTMLSelectElement;
  footnotesOnly: HTMLInputElement;
  status: HTMLElement;
  note: HTMLElement;
  results: HTMLElement;
}

function elements(): Elements | null {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const note = document.querySelector<HTMLElement>('[data-search-note]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !status || !results || !note) return null;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[type="search"]')!,
    scope: form.querySelector<HTMLSelectElement>('select')!,
    footnotesOnly: form.querySelector<HTMLInputElement>('input[type="checkbox"]')!,
    status,
    note,
    results,
  };
}

function optionValues(select: HTMLSelectElement, group: 'part' | 'chapter'): string[] {
  return [...select.options].filter((o) => o.dataset.scope === group).map((o) => o.value);
}

function resultItem(shown: Shown, query: string): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  li.dataset.kind = shown.kind;
  const link = document.createElement('a');
  link.className = 'result-link';
  link.href = resultUrl(shown.url, query);
  link.textContent = label(shown, t('search.result.footnote', { n: '{n}', where: '{where}' }));
  const heading = document.createElement('h2');
  heading.className = 'result-title';
  heading.append(link);
  const text = document.createElement('p');
  text.className = 'result-excerpt';
  appendSegments(text, shown.segments);
  li.append(heading, text);
  return li;
}

/** Shows the next page of results; a result whose fragment fails is left out. Returns how many failed. */
async function showMore(list: HTMLOListElement, pending: string[], ranked: Ranked, query: string, more: HTMLButtonElement): Promise<number> {
  const batch = pending.splice(0, PAGE_SIZE);
  const shown = await Promise.allSettled(batch.map((id) => present(ranked, id)));
  let failed = 0;
  for (const s of shown) {
    if (s.status === 'fulfilled') list.append(resultItem(s.value, query));
    else failed++;
  }
  if (pending.length > 0) more.textContent = t('search.more', { n: pending.length });
  else more.remove();
  return failed;
}

let generation = 0;

function setNote(el: Elements, notes: string[]) {
  el.note.replaceChildren(...notes.map((n) => Object.assign(document.createElement('p'), { textContent: n })));
  el.note.hidden = notes.length === 0;
}

/** The scope's values by group: the options do not change, so they are read once. */
let scopeValues: { part: string[]; chapter: string[] } | null = null;

/** `typing`: the query comes from a keystroke in the box (not Enter, a filter or the URL): a query shorter than MIN_CHARS waits for more. */
async function run(el: Elements, state: SearchState, truncated: boolean, typing = false) {
  const mine = ++generation;
  const stale = () => mine !== generation;
  const query = state.query;
  el.results.dataset.query = query;
  const notes = truncated ? [t('search.note.truncated', { max: QUERY_MAX })] : [];
  setNote(el, notes);
  const kind = queryKind(query);
  const short = kind === 'words' && typing && [...query].length < MIN_CHARS;
  if (kind !== 'words' || short) {
    el.results.replaceChildren();
    el.status.textContent =
      kind === 'empty'
        ? t('search.status.empty')
        : kind === 'punctuation'
          ? t('search.status.punctuation', { query })
          : t('search.status.short', { min: MIN_CHARS, query });
    el.results.dataset.state = 'done';
    el.results.removeAttribute('aria-busy');
    return;
  }
  el.results.dataset.state = 'loading';
  el.results.setAttribute('aria-busy', 'true');
  const started = performance.now();
  try {
    scopeValues ??= { part: optionValues(el.scope, 'part'), chapter: optionValues(el.scope, 'chapter') };
    const filters = scopeFilters(state.scope, scopeValues.part, scopeValues.chapter);
    if (state.footnotesOnly) filters.kind = KIND_FOOTNOTE;
    const ranked = await search(query, filters);
    // A newer keystroke already waiting replaces these results before they are drawn.
    await yieldToInput();
    if (stale()) return;
    const list = document.createElement('ol');
    list.className = 'result-list';
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'more';
    const pending = ranked.scored.map((s) => s.id);
    const failed = await showMore(list, pending, ranked, query, more);
    if (stale()) return;
    more.addEventListener('click', () => {
      const firstNew = list.children.length;
      void showMore(list, pending, ranked, query, more).then((n) => {
        if (n > 0) setNote(el, [...notes, t('search.note.dropped', { n })]);
        (list.children[firstNew]?.querySelector('a') as HTMLElement | null)?.focus();
      });
    });
    const total = ranked.scored.length - failed;
    if (failed > 0) setNote(el, [...notes, t('search.note.dropped', { n: failed })]);
    el.results.replaceChildren(...(total === 0 ? [noResults()] : [list, ...(pending.length ? [more] : [])]));
    el.status.textContent =
      total === 0
        ? t('search.status.none', { query })
        : !ranked.anyAll
          ? t('search.status.partial', { query, total })
          : !ranked.anyPhrase
            ? // One word: found only as the start of longer words, one letter away, or through an abbreviation's words with others among them.
              t(ranked.alternatives[0].words.length === 1 ? 'search.status.near' : 'search.status.apart', { query, total })
            : state.footnotesOnly
            ? t('search.status.foundFootnotes', { total, query })
            : t('search.status.found', { total, query });
    el.results.dataset.state = 'done';
    // For the benchmark: the last search's time and when its results were rendered.
    performance.clearMeasures('search');
    performance.clearMarks('search-rendered');
    performance.measure('search', { start: started });
    performance.mark('search-rendered');
    // The rest of the index, for the next queries, once the reader has something to read.
    setTimeout(() => void warmUp(), 0);
  } catch (error) {
    if (stale() || error instanceof StaleSearch) return;
    console.warn('search failed', error);
    el.results.replaceChildren(loadFailure({ lead: t('search.error.lead'), footnotes: t('search.error.footnotes'), contents: t('search.error.contents') }));
    el.status.textContent = t('search.error.lead');
    el.results.dataset.state = 'error';
  } finally {
    if (!stale()) el.results.removeAttribute('aria-busy');
  }
}

/** What to try when nothing matches; the status line says that nothing did. */
function noResults(): HTMLElement {
  const help = document.createElement('p');
  help.className = 'no-results';
  help.append(`${t('search.none.help')} `);
  const link = document.createElement('a');
  link.href = '/chu-thich/';
  link.textContent = t('search.noScriptLink');
  help.append(link, '.');
  return help;
}

function links(el: Elements): HTMLAnchorElement[] {
  return [...el.results.querySelectorAll<HTMLAnchorElement>('a.result-link')];
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'Escape']);

/** Arrow keys: from the box into the results, between results, and back; Esc returns to the box. */
function onKeydown(el: Elements, event: KeyboardEvent) {
  // Letters typed cost nothing here: the results are looked up for the keys that move.
  if (!NAVIGATION_KEYS.has(event.key)) return;
  const all = links(el);
  if (all.length === 0) return;
  const target = event.target as HTMLElement;
  const at = all.indexOf(target as HTMLAnchorElement);
  let next: HTMLElement | undefined;
  if (target === el.input) {
    if (event.key === 'ArrowDown') next = all[0];
  } else if (at >= 0) {
    if (event.key === 'ArrowDown') next = all[Math.min(at + 1, all.length - 1)];
    else if (event.key === 'ArrowUp') next = at === 0 ? el.input : all[at - 1];
    else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all[all.length - 1];
    else if (event.key === 'Escape') next = el.input;
  }
  if (!next) return;
  event.preventDefault();
  next.focus();
  if (next !== el.input) next.scrollIntoView({ block: 'nearest' });
}

export function initSearchPage() {
  const el = elements();
  if (!el) return;
  const initial = readSearchState(location.search);
  const fromUrl = normaliseQuery(new URLSearchParams(location.search).get('q') ?? '');
  el.input.value = initial.query;
  if ([...el.scope.options].some((o) => o.value === initial.scope)) el.scope.value = initial.scope;
  el.footnotesOnly.checked = initial.footnotesOnly;
  el.form.hidden = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The URL follows the query when the page is idle, after the results are painted:
  // updating it costs more than a warm search, and the reader is waiting for the results
  // (keystrokes that come before the page is idle make one update).
  let url: string | null = null;
  const whenIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 100));
  const replaceUrl = () => {
    if (url !== null && url !== location.pathname + location.search) history.replaceState(history.state, '', url);
    url = null;
  };
  const update = (delay: number, typing = false) => {
    clearTimeout(timer);
    const go = () => {
      const typed = normaliseQuery(el.input.value);
      const state: SearchState = { query: typed.text, scope: el.scope.value, footnotesOnly: el.footnotesOnly.checked };
      if (url === null) whenIdle(replaceUrl);
      url = searchPageUrl(state);
      void run(el, state, typed.truncated, typing);
    };
    if (delay > 0) timer = setTimeout(go, delay);
    else go();
  };
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(0);
  });
  el.input.addEventListener('input', () => update(TYPING_PAUSE, true));
  el.scope.addEventListener('change', () => update(0));
  el.footnotesOnly.addEventListener('change', () => update(0));
  el.form.addEventListener('keydown', (event) => onKeydown(el, event));
  el.results.addEventListener('keydown', (event) => onKeydown(el, event));
  if (new URLSearchParams(location.search).has('q')) void run(el, initial, fromUrl.truncated);
  else {
    el.results.dataset.state = 'done';
    el.results.dataset.query = '';
    // Fetch the search engine while the reader types the first query.
    void loadPagefind().catch(() => undefined);
    void loadLexicon().catch(() => undefined);
  }
  if (!initial.query) el.input.focus();
}
