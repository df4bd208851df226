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

const GAP = 8;
const EDGE = 16;
const desktop = () => window.matchMedia('(min-width: 48rem)').matches;

/** The block (paragraph, list item) of a marker: where its sentence is. */
function blockOf(ref: HTMLElement): HTMLElement | null {
  return ref.closest<HTMLElement>('p, li, td, th, dd, blockquote');
}

/**
 * The screen box of the sentence a marker explains: from the end of the previous sentence
 * before the marker to the end of the sentence after it, within the marker's block.
 */
export function sentenceBox(ref: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const own = ref.getBoundingClientRect();
  const block = blockOf(ref);
  if (!block) return own;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.fn-pop, .permalink, .fn') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  // Sentence start: the last ". " before the marker; end: the first "." followed by a space or the end, after it.
  let start: [Text, number] | null = null;
  let end: [Text, number] | null = null;
  const before = texts.filter((t) => ref.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING);
  const after = texts.filter((t) => ref.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  for (let i = before.length - 1; i >= 0 && !start; i--) {
    const text = before[i].data;
    const at = Math.max(text.lastIndexOf('. '), text.lastIndexOf('; '));
    if (at >= 0) start = [before[i], at + 2];
  }
  for (let i = 0; i < after.length && !end; i++) {
    const match = /[.;!?](?=\s|$)/u.exec(after[i].data);
    if (match) end = [after[i], match.index + 1];
  }
  // Two ranges, so that the marker's own popover (which sits right after it) is not counted.
  const marker = ref.closest('.fn') ?? ref;
  const pop = popoverFor(ref) ?? marker;
  const head = document.createRange();
  if (start) head.setStart(start[0], start[1]);
  else head.setStartBefore(block.firstChild ?? block);
  head.setEndBefore(marker);
  const tail = document.createRange();
  tail.setStartAfter(pop);
  if (end) tail.setEnd(end[0], end[1]);
  else tail.setEndAfter(block.lastChild ?? block);
  const rects = [...head.getClientRects(), ...(tail.collapsed ? [] : tail.getClientRects()), own].filter((r) => r.width > 0 || r.height > 0);
  return {
    top: Math.min(...rects.map((r) => r.top)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    left: Math.min(...rects.map((r) => r.left)),
    right: Math.max(...rects.map((r) => r.right)),
  };
}

/** On a desktop, puts the card below the sentence, or above it when there is more room there. */
function place(pop: HTMLElement, ref: HTMLElement) {
  if (!desktop()) {
    for (const name of ['--fn-top', '--fn-bottom', '--fn-left', '--fn-max-height']) pop.style.removeProperty(name);
    return;
  }
  let box = sentenceBox(ref);
  const viewport = window.innerHeight;
  if (Math.max(viewport - box.bottom, box.top) < 200) {
    // The sentence fills the screen: bring the marker to the upper part, and place below it.
    window.scrollBy({ top: ref.getBoundingClientRect().top - viewport * 0.25, behavior: 'instant' });
    const own = ref.getBoundingClientRect();
    box = { ...box, top: own.top, bottom: own.bottom };
  }
  const below = viewport - box.bottom - GAP - EDGE;
  const above = box.top - GAP - EDGE;
  const width = pop.getBoundingClientRect().width;
  const left = Math.min(Math.max(EDGE, ref.getBoundingClientRect().left - 40), window.innerWidth - width - EDGE);
  pop.style.setProperty('--fn-left', `${Math.round(left)}px`);
  if (below >= Math.min(above, pop.scrollHeight)) {
    pop.style.setProperty('--fn-top', `${Math.round(box.bottom + GAP)}px`);
    pop.style.setProperty('--fn-bottom', 'auto');
    pop.style.setProperty('--fn-max-height', `${Math.round(below)}px`);
  } else {
    pop.style.setProperty('--fn-top', 'auto');
    pop.style.setProperty('--fn-bottom', `${Math.round(viewport - box.top + GAP)}px`);
    pop.style.setProperty('--fn-max-height', `${Math.round(above)}px`);
  }
}

let placed: { pop: HTMLElement; ref: HTMLElement } | null = null;
let pending = false;
function replace() {
  if (pending || !placed) return;
  pending = true;
  window.requestAnimationFrame(() => {
    pending = false;
    if (placed && placed.pop.matches(':popover-open')) place(placed.pop, placed.ref);
  });
}

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
  place(pop, ref);
  placed = { pop, ref };
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
  window.addEventListener('scroll', replace, { passive: true });
  window.addEventListener('resize', replace);
}
