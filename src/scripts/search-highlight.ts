/**
 * On a page opened from a search result (?tu-khoa=…), marks the searched words in the
 * chapter — its text, its footnote list and its footnote pop-ups — with the rules the
 * search itself uses (src/lib/search-match.ts): case, marks and d/đ ignored. When the
 * result was a footnote (#fnref-N), its pop-up is opened at its marker, so that the
 * reader sees the footnote's text with the words marked.
 */
import { parseQuery } from '../lib/search-query';
import { splitWords, wordMatcher } from '../lib/search-match';
import { footnoteOfHash, highlightQuery } from '../lib/search-url';

/** Elements whose text is never marked: footnote numbers, permalink icons, scripts. */
const SKIP = 'script, style, mark, .fn-ref, .permalink, svg';

function textNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) || !node.nodeValue?.trim() ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wraps the matching words of one text node in <mark class="search-hit">; returns how many. */
function markNode(node: Text, matches: (word: string) => boolean): number {
  const parts = (node.nodeValue ?? '').split(/(\s+)/u);
  if (!parts.some((p) => p.trim() && matches(p))) return 0;
  const fragment = document.createDocumentFragment();
  let count = 0;
  for (const part of parts) {
    if (part.trim() && matches(part)) {
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = part;
      fragment.append(mark);
      count++;
    } else if (part) fragment.append(part);
  }
  node.replaceWith(fragment);
  return count;
}

/** Marks the words of the page's ?tu-khoa= query; returns how many words were marked. */
export function highlightPage(): number {
  const raw = highlightQuery(location.search);
  const body = document.querySelector('[data-pagefind-body]');
  if (!raw || !body) return 0;
  const query = parseQuery(raw);
  const nodes = textNodes(body);
  const matches = wordMatcher(query.groups, splitWords(nodes.map((n) => n.nodeValue).join(' ')), query.prefixLast);
  let count = 0;
  for (const node of nodes) count += markNode(node, matches);
  document.documentElement.dataset.searchHighlights = String(count);
  const n = footnoteOfHash(location.hash);
  const marker = n === null ? null : document.getElementById(`fnref-${n}`);
  // The footnote script opens the pop-up on a click on its marker.
  if (marker && 'showPopover' in HTMLElement.prototype) marker.click();
  return count;
}
