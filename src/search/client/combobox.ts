/**
 * The header's search box, answering as the reader types (loaded by boot.ts when the
 * box gets focus): after 2 characters, a list of the 5 best results under the box, then
 * "Xem tất cả", which opens /tim-kiem/?q=…. The ARIA combobox pattern with a listbox
 * popup: the input keeps focus; ↓/↑ move the active option (aria-activedescendant),
 * Enter opens it (or, with none active, submits the form to the search page), Esc
 * closes the list (a second Esc clears the box). Once the reader pauses after a list of
 * results, the rest of the index and every record's text load (engine.ts, warmUp()), so
 * that the next queries answer without a download.
 */
import { resultUrl, searchPageUrl } from '../url';
import { MIN_CHARS, normaliseQuery, queryKind } from '../text';
import { prefetch, present, search, StaleSearch, warmUp, yieldToInput } from './engine';
import { appendSegments, fill, label } from './render';

/** Results in the list. */
export const SUGGESTIONS = 5;
/** Once the reader has paused this long (ms) after results, the rest of the index loads for the next queries. */
const WARM_AFTER = 1500;

export function initCombobox(input: HTMLInputElement): void {
  if (input.dataset.combobox === 'ready') return;
  input.dataset.combobox = 'ready';
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '') as HTMLUListElement | null;
  const status = input.form?.querySelector<HTMLElement>('[data-combobox-status]') ?? null;
  if (!listbox) return;
  // Its words, rendered with t() by SearchBox.astro: this script carries no strings.
  const words = listbox.dataset;
  const t = (key: 'tFootnote' | 'tAll' | 'tCount' | 'tNone' | 'tError', params: Record<string, string | number> = {}) => fill(words[key] ?? '', params);
  prefetch();
  let active = -1;
  let generation = 0;
  let warmTimer: ReturnType<typeof setTimeout> | undefined;

  const options = () => [...listbox.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const setActive = (i: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (i + all.length) % all.length;
    all.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active].id);
      all[active].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const open = () => {
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const option = (id: string, href: string, build: (li: HTMLLIElement) => void) => {
    const li = document.createElement('li');
    li.id = id;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.href = href;
    build(li);
    // Pointer: a click follows the option's link; mousedown must not blur the box first.
    li.addEventListener('mousedown', (e) => e.preventDefault());
    li.addEventListener('click', () => location.assign(href));
    return li;
  };

  const update = async () => {
    const mine = ++generation;
    clearTimeout(warmTimer);
    const { text } = normaliseQuery(input.value);
    if ([...text].length < MIN_CHARS || queryKind(text) !== 'words') {
      listbox.replaceChildren();
      listbox.dataset.query = text;
      if (status) status.textContent = '';
      close();
      return;
    }
    listbox.dataset.state = 'loading';
    const started = performance.now();
    let items: HTMLLIElement[] = [];
    try {
      const ranked = await search(text, {});
      // A newer keystroke already waiting replaces these results before they are drawn.
      await yieldToInput();
      if (mine !== generation) return;
      const shown = await Promise.allSettled(ranked.scored.slice(0, SUGGESTIONS).map((s) => present(ranked, s.id)));
      if (mine !== generation) return;
      items = shown.flatMap((s, i) =>
        s.status === 'fulfilled'
          ? [
              option(`site-search-opt-${i}`, resultUrl(s.value.url, text), (li) => {
                const title = document.createElement('span');
                title.className = 'opt-title';
                title.textContent = label(s.value, words.tFootnote ?? '');
                const excerpt = document.createElement('span');
                excerpt.className = 'opt-excerpt';
                appendSegments(excerpt, s.value.segments);
                li.append(title, excerpt);
              }),
            ]
          : [],
      );
      if (status) status.textContent = items.length ? t('tCount', { n: items.length }) : t('tNone', { query: text });
    } catch (error) {
      if (mine !== generation || error instanceof StaleSearch) return;
      if (status) status.textContent = t('tError');
    }
    const all = option('site-search-opt-all', searchPageUrl({ query: text, scope: '', footnotesOnly: false }), (li) => {
      li.className = 'opt-all';
      li.textContent = t('tAll', { query: text });
    });
    listbox.replaceChildren(...items, all);
    listbox.dataset.query = text;
    listbox.dataset.state = 'done';
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open();
    // Not while the reader types: the first query's answers come first.
    if (items.length > 0) warmTimer = setTimeout(() => void warmUp(), WARM_AFTER);
    performance.clearMeasures('suggest');
    performance.measure('suggest', { start: started });
    performance.mark('suggest-rendered');
  };

  // No pause after a keystroke: a newer query replaces a waiting one (engine.ts).
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) {
        if (options().length === 0) return;
        open();
      }
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? active + 1 : active < 0 ? -1 : active - 1);
    } else if (event.key === 'Enter') {
      const chosen = options()[active];
      if (!listbox.hidden && chosen?.dataset.href) {
        event.preventDefault();
        location.assign(chosen.dataset.href);
      }
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  input.addEventListener('focus', () => {
    if (options().length > 0 && input.value) open();
  });
  if (input.value) void update();
}
