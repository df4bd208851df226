/**
 * On a page opened from a search result (?tu-khoa=…#id), marks what matched in the
 * passage the result pointed at — the paragraph or heading, or for a footnote (#fnref-N)
 * its text in the pop-up and in the chapter's footnote list — with the rules of the
 * results (src/search/highlight.ts), and nothing elsewhere: other words that fold the
 * same way stay unmarked. The first mark is scrolled into view and focused, so that a
 * screen reader starts there.
 */
import { highlightQuery, footnoteOfHash } from '../url';
import { markRanges } from '../highlight';
import { alternatives } from '../query';
import { loadLexicon } from './engine';

/** Elements whose text is not the passage's own: footnote markers and pop-ups, permalinks. */
const SKIP = 'script, style, mark, sup.fn, .fn-pop, .fn-ref, .permalink, svg, [data-pagefind-ignore]';

function textNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      // Skipped: text inside a skipped element within the passage (the passage itself may be inside one, e.g. a pop-up).
      const skip = node.parentElement?.closest(SKIP);
      return skip && skip !== root && root.contains(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Marks the ranges of the element's own text; returns the marks. */
export function markElement(root: Element, query: string, abbreviations: [string, string][]): HTMLElement[] {
  const nodes = textNodes(root);
  const text = nodes.map((n) => n.nodeValue ?? '').join('');
  const ranges = markRanges(text, alternatives(query, abbreviations));
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of nodes) {
    const value = node.nodeValue ?? '';
    const start = offset;
    const end = offset + value.length;
    offset = end;
    const inside = ranges.filter((r) => r.start < end && r.end > start);
    if (inside.length === 0) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const r of inside) {
      const from = Math.max(r.start - start, 0);
      const to = Math.min(r.end - start, value.length);
      if (from > at) fragment.append(value.slice(at, from));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = value.slice(from, to);
      fragment.append(mark);
      marks.push(mark);
      at = to;
    }
    if (at < value.length) fragment.append(value.slice(at));
    node.replaceWith(fragment);
  }
  return marks;
}

/** The elements that hold the result's passage. */
function targets(hash: string): Element[] {
  const n = footnoteOfHash(hash);
  if (n !== null) return [document.querySelector(`#fn-pop-${n} .fn-pop-text`), document.querySelector(`#fn-${n} .text`)].filter((e): e is Element => e !== null);
  const id = decodeURIComponent(hash.slice(1));
  const el = id ? document.getElementById(id) : null;
  return el ? [el] : [];
}

/** Marks the page's ?tu-khoa= query in the result's passage; returns how many marks. */
export async function highlightPage(): Promise<number> {
  const query = highlightQuery(location.search);
  if (!query) return 0;
  let abbreviations: [string, string][] = [];
  try {
    abbreviations = (await loadLexicon()).abbreviations;
  } catch {
    // Without the lexicon, the query's own words are still marked.
  }
  const marks = targets(location.hash).flatMap((el) => markElement(el, query, abbreviations));
  document.documentElement.dataset.searchHighlights = String(marks.length);
  const n = footnoteOfHash(location.hash);
  const marker = n === null ? null : document.getElementById(`fnref-${n}`);
  // The footnote script opens the pop-up on a click on its marker.
  if (marker && 'showPopover' in HTMLElement.prototype) marker.click();
  const first = marks.find((m) => m.getClientRects().length > 0) ?? marks[0];
  if (first) {
    first.tabIndex = -1;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
  return marks.length;
}
