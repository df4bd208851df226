/**
 * Opens a footnote's text in place when its marker is activated (click, tap, Enter),
 * moves focus into it, and on close (Esc, the close button, or a click elsewhere)
 * returns focus to the marker. Without this script the marker is a plain link to the
 * chapter's footnote list.
 */
let ready = false;

function popoverFor(ref: HTMLElement): HTMLElement | null {
  return document.getElementById(`fn-pop-${ref.dataset.fn}`);
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
  if (desktop()) void import('./footnote-place').then((m) => m.track(pop, ref));
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
    ref.setAttribute('aria-controls', `fn-pop-${ref.dataset.fn}`);
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
