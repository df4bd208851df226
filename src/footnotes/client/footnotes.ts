/**
 * Opens a footnote's text in place when its marker is activated (click, tap, Enter),
 * moves focus into it, and on close (Esc, the close button, or a click elsewhere)
 * returns focus to the marker. The pop-up is made on first use from the footnote's item
 * in the chapter's list (src/footnotes/FootnoteList.astro), its text copied with what
 * marks it (abbreviations, searched words), so that the page holds each footnote once;
 * its labels are the list's data-fn-* attributes. Without this script the marker is a
 * plain link to the chapter's footnote list.
 */
let ready = false;

/** The footnote's pop-up, made after the marker the first time it is asked for. */
function popoverFor(ref: HTMLElement): HTMLElement | null {
  const n = ref.dataset.fn ?? '';
  const id = `fn-pop-${n}`;
  const existing = document.getElementById(id);
  if (existing) return existing;
  const item = document.getElementById(`fn-${n}`);
  const text = item?.querySelector('.text');
  const list = item?.closest<HTMLElement>('.footnotes');
  if (!item || !text || !list) return null;
  const labels = list.dataset;
  const pop = document.createElement('span');
  pop.className = 'fn-pop ui';
  pop.id = id;
  pop.popover = 'auto';
  pop.setAttribute('role', 'dialog');
  pop.setAttribute('aria-label', (labels.fnPopover ?? '').replace('{n}', n));
  pop.tabIndex = -1;
  pop.dataset.pagefindIgnore = '';
  const body = document.createElement('span');
  body.className = 'fn-pop-text';
  const num = document.createElement('span');
  num.className = 'fn-pop-num';
  num.textContent = n;
  body.append(num, ' ', ...[...text.childNodes].map((node) => node.cloneNode(true)));
  const actions = document.createElement('span');
  actions.className = 'fn-pop-actions';
  const inList = document.createElement('a');
  inList.href = `#fn-${n}`;
  inList.textContent = labels.fnInList ?? '';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'fn-pop-close';
  close.textContent = labels.fnClose ?? '';
  actions.append(inList, close);
  pop.append(body, actions);
  (ref.closest('sup') ?? ref).after(pop);
  ref.setAttribute('aria-controls', id);
  return pop;
}

const desktop = () => window.matchMedia('(min-width: 48rem)').matches;

function open(ref: HTMLElement) {
  const pop = popoverFor(ref);
  if (!pop) return;
  pop.dataset.ref = ref.id;
  ref.setAttribute('aria-expanded', 'true');
  try {
    (pop.showPopover as (options?: { source?: HTMLElement }) => void)({ source: ref });
  } catch {
    pop.showPopover();
  }
  // On a desktop the card is placed off the sentence by code loaded on first use.
  if (desktop()) void import('./place').then((m) => m.track(pop, ref));
  pop.focus({ preventScroll: true });
}

function onToggle(event: Event) {
  const pop = event.target as HTMLElement;
  if (!pop.classList?.contains('fn-pop') || (event as ToggleEvent).newState !== 'closed') return;
  const ref = document.getElementById(pop.dataset.ref ?? '');
  if (!ref) return;
  ref.setAttribute('aria-expanded', 'false');
  if (pop.dataset.stay) {
    delete pop.dataset.stay;
    return;
  }
  const active = document.activeElement;
  if (!active || active === document.body || pop.contains(active)) ref.focus({ preventScroll: true });
}

export function initFootnotes() {
  if (ready || !('showPopover' in HTMLElement.prototype)) return;
  ready = true;
  for (const ref of document.querySelectorAll<HTMLElement>('a.fn-ref')) {
    ref.setAttribute('aria-haspopup', 'dialog');
    ref.setAttribute('aria-expanded', 'false');
  }
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    const ref = target.closest<HTMLElement>('a.fn-ref');
    if (ref) {
      event.preventDefault();
      open(ref);
      return;
    }
    const pop = target.closest<HTMLElement>('.fn-pop');
    if (!pop) return;
    if (target.closest('.fn-pop-close')) pop.hidePopover();
    else if (target.closest('a')) {
      // Following "see in the list": let the link move focus, do not return it to the marker.
      pop.dataset.stay = 'true';
      pop.hidePopover();
    }
  });
  document.addEventListener('toggle', onToggle, true);
}
