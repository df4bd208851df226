/**
 * Where a footnote's card goes on a desktop (loaded by src/footnotes/client/footnotes.ts when a card
 * first opens there): below the sentence the footnote explains, or above it when there is
 * more room, never over it; its height fits the room, and its text scrolls inside.
 * The position is set through CSS custom properties (--fn-top, --fn-bottom, --fn-left,
 * --fn-max-height) that Fn.astro's stylesheet reads: no inline style attribute.
 */
const GAP = 8;
const EDGE = 16;
const desktop = () => window.matchMedia('(min-width: 48rem)').matches;

function popoverFor(ref: HTMLElement): HTMLElement | null {
  return document.getElementById(`fn-pop-${ref.dataset.fn}`);
}

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
export function place(pop: HTMLElement, ref: HTMLElement) {
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
let listening = false;

/** Places the open card now, and again as the page scrolls or the window resizes. */
export function track(pop: HTMLElement, ref: HTMLElement) {
  placed = { pop, ref };
  place(pop, ref);
  if (listening) return;
  listening = true;
  window.addEventListener('scroll', replace, { passive: true });
  window.addEventListener('resize', replace);
}

function replace() {
  if (pending || !placed) return;
  pending = true;
  window.requestAnimationFrame(() => {
    pending = false;
    if (placed && placed.pop.matches(':popover-open')) place(placed.pop, placed.ref);
  });
}

