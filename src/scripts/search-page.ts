/**
 * The search page (/tim-kiem/): reads what to search from the URL (?q=, ?pham-vi=,
 * ?chi-chu-thich=1), searches as the reader types, keeps the URL in step (so that a
 * search can be shared and bookmarked), shows the results in groups, "Nội dung",
 * "Chú thích" and, for a search of the whole report, "Trang tra cứu" (the site's own
 * pages), and lets the arrow keys move between the box and the results.
 * The results container tells tests and the benchmark where it stands:
 * data-state="loading" | "done" | "error", and data-query, the query it shows.
 */
import { t } from '../i18n/vi';
import { parseQuery, type ParsedQuery } from '../lib/search-query';
import { scopeFilters, type KindKey } from '../lib/search-results';
import { readSearchState, searchPageUrl, type SearchState } from '../lib/search-url';
import { loadPagefind, present, rankedResults, type Ranked } from './search-engine';

/** Results shown at first in each group, and added by "Xem thêm". */
const PAGE_SIZE = 10;
/** Pause after a keystroke before searching, in ms. */
const TYPING_PAUSE = 150;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  scope: HTMLSelectElement;
  footnotesOnly: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
}

function elements(): Elements | null {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const results = document.querySelector<HTMLElement>('[data-search-results]');
  if (!form || !status || !results) return null;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[type="search"]')!,
    scope: form.querySelector<HTMLSelectElement>('select')!,
    footnotesOnly: form.querySelector<HTMLInputElement>('input[type="checkbox"]')!,
    status,
    results,
  };
}

function stateOf(el: Elements): SearchState {
  return { query: el.input.value, scope: el.scope.value, footnotesOnly: el.footnotesOnly.checked };
}

function optionValues(select: HTMLSelectElement, group: 'part' | 'chapter'): string[] {
  return [...select.options].filter((o) => o.dataset.scope === group).map((o) => o.value);
}

function resultItem(shown: NonNullable<Awaited<ReturnType<typeof present>>>): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const link = document.createElement('a');
  link.className = 'result-link';
  link.href = shown.href;
  link.textContent = shown.title;
  const heading = document.createElement('h3');
  heading.className = 'result-title';
  heading.append(link);
  li.append(heading);
  if (shown.context) {
    const context = document.createElement('p');
    context.className = 'result-context';
    context.textContent = shown.kind === 'footnote' ? t('search.result.inChapter', { chapter: shown.context }) : shown.context;
    li.append(context);
  }
  const text = document.createElement('p');
  text.className = 'result-excerpt';
  for (const s of shown.segments) {
    if (s.mark) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      text.append(mark);
    } else text.append(s.text);
  }
  li.append(text);
  return li;
}

const GROUP_IDS: Record<KindKey, string> = { content: 'ket-qua-noi-dung', footnote: 'ket-qua-chu-thich', page: 'ket-qua-trang' };
const GROUP_TITLES: Record<KindKey, () => string> = {
  content: () => t('search.group.content'),
  footnote: () => t('search.group.footnotes'),
  page: () => t('search.group.pages'),
};

/** Shows the next page of a group's results; returns when they are in the page. */
async function showMore(list: HTMLOListElement, pending: Ranked[], kind: KindKey, query: ParsedQuery, more: HTMLButtonElement) {
  const batch = pending.splice(0, PAGE_SIZE);
  const shown = await Promise.all(batch.map((hit) => present(hit, kind, query)));
  for (const s of shown) if (s) list.append(resultItem(s));
  if (pending.length > 0) more.textContent = t('search.more', { n: pending.length });
  else more.remove();
}

async function groupSection(kind: KindKey, ranked: Ranked[], query: ParsedQuery): Promise<HTMLElement> {
  const section = document.createElement('section');
  section.className = 'result-group';
  section.setAttribute('aria-labelledby', GROUP_IDS[kind]);
  const h2 = document.createElement('h2');
  h2.id = GROUP_IDS[kind];
  h2.append(GROUP_TITLES[kind]());
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = t('search.group.count', { n: ranked.length });
  h2.append(' ', count);
  const list = document.createElement('ol');
  list.className = 'result-list';
  list.dataset.kind = kind;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'more';
  section.append(h2, list, more);
  const pending = [...ranked];
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    void showMore(list, pending, kind, query, more).then(() => list.children[firstNew]?.querySelector('a')?.focus());
  });
  await showMore(list, pending, kind, query, more);
  return section;
}

/** What to try when nothing matches; the status line above says that nothing did. */
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

let generation = 0;

async function run(el: Elements, state: SearchState) {
  const mine = ++generation;
  const stale = () => mine !== generation;
  const query = parseQuery(state.query);
  el.results.dataset.query = query.text;
  if (query.groups.length === 0) {
    el.results.replaceChildren();
    el.status.textContent = '';
    el.results.dataset.state = 'done';
    return;
  }
  el.results.dataset.state = 'loading';
  el.results.setAttribute('aria-busy', 'true');
  performance.mark(`search-start:${mine}`);
  try {
    const scope = scopeFilters(state.scope, optionValues(el.scope, 'part'), optionValues(el.scope, 'chapter'));
    // The site's pages belong to no part or chapter: only a search of the whole report looks in them.
    const kinds: KindKey[] = state.footnotesOnly ? ['footnote'] : Object.keys(scope).length === 0 ? ['content', 'footnote', 'page'] : ['content', 'footnote'];
    const ranked = await rankedResults(query, scope, kinds, stale);
    if (!ranked || stale()) return;
    const sections = await Promise.all(kinds.filter((k) => ranked[k].length > 0).map((k) => groupSection(k, ranked[k], query)));
    if (stale()) return;
    const total = kinds.reduce((sum, k) => sum + ranked[k].length, 0);
    el.results.replaceChildren(...(total === 0 ? [noResults()] : sections));
    el.status.textContent =
      total === 0
        ? t('search.status.none', { query: query.text })
        : state.footnotesOnly
          ? t('search.status.footnotes', { footnotes: ranked.footnote.length, query: query.text })
          : ranked.page.length > 0
            ? t('search.status.resultsWithPages', { total, content: ranked.content.length, footnotes: ranked.footnote.length, pages: ranked.page.length, query: query.text })
            : t('search.status.results', { total, content: ranked.content.length, footnotes: ranked.footnote.length, query: query.text });
    el.results.dataset.state = 'done';
    performance.measure('search', `search-start:${mine}`);
  } catch (error) {
    if (stale()) return;
    console.warn('search failed', error);
    el.results.replaceChildren();
    el.status.textContent = t('search.status.error');
    el.results.dataset.state = 'error';
  } finally {
    if (!stale()) el.results.removeAttribute('aria-busy');
  }
}

function links(el: Elements): HTMLAnchorElement[] {
  return [...el.results.querySelectorAll<HTMLAnchorElement>('a.result-link')];
}

/** Arrow keys: from the box into the results, between results, and back; Esc returns to the box. */
function onKeydown(el: Elements, event: KeyboardEvent) {
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
  el.input.value = initial.query;
  if ([...el.scope.options].some((o) => o.value === initial.scope)) el.scope.value = initial.scope;
  el.footnotesOnly.checked = initial.footnotesOnly;
  el.form.hidden = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (delay: number) => {
    clearTimeout(timer);
    const go = () => {
      const state = stateOf(el);
      history.replaceState(history.state, '', searchPageUrl(state));
      void run(el, state);
    };
    if (delay > 0) timer = setTimeout(go, delay);
    else go();
  };
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(0);
  });
  el.input.addEventListener('input', () => update(TYPING_PAUSE));
  el.scope.addEventListener('change', () => update(0));
  el.footnotesOnly.addEventListener('change', () => update(0));
  el.form.addEventListener('keydown', (event) => onKeydown(el, event));
  el.results.addEventListener('keydown', (event) => onKeydown(el, event));
  if (initial.query) void run(el, initial);
  else {
    el.results.dataset.state = 'done';
    el.results.dataset.query = '';
    // Fetch the search engine while the reader types the first query.
    void loadPagefind().catch(() => undefined);
  }
  if (!initial.query) el.input.focus();
}
