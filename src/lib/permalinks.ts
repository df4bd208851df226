import type { PartId } from '../schemas/chapter';
import { IdAssigner, parseNumbering } from './ids';

/** Labels the permalink affordances; injected so that this module stays free of UI strings. */
export interface PermalinkLabels {
  /** aria-label of a heading's or item's link, given its numbering, e.g. "Liên kết đến mục 1.5.1". */
  item: (label: string) => string;
  /** aria-label of an unnumbered paragraph's link. */
  paragraph: string;
}

const BLOCK = /<(h[2-6]|p)((?:\s[^>]*)?)>([\s\S]*?)<\/\1>/gu;

/** Text content of an HTML fragment: tags removed, the few entities MDX emits decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'");
}

/**
 * Gives every heading (h2–h6) and paragraph of a chapter's rendered HTML its permalink
 * id, in the same order and with the same ids as chapterOutline() computes from the MDX,
 * wraps a run-in item's numbering in <span class="item-num">, and appends a visible
 * "liên kết" link to each. An id the Markdown processor gave a heading (a slug of its
 * text) is replaced, so that ids follow the report's numbering only.
 */
export function annotate(html: string, chapter: { part: PartId; section?: string; heading: string[] }, labels: PermalinkLabels): string {
  const ids = new IdAssigner(chapter.part, chapter.section);
  ids.root(chapter.heading);
  return html.replace(BLOCK, (_whole, tag: string, attrs: string, inner: string) => {
    const rest = attrs.replace(/\sid="[^"]*"/u, '');
    const text = htmlText(inner).trim();
    const numbering = parseNumbering(text);
    const id = tag === 'p' ? ids.paragraph(text) : ids.heading(text);
    let body = inner;
    if (tag === 'p' && numbering) {
      const at = inner.indexOf(numbering.label);
      if (at >= 0) {
        body = `${inner.slice(0, at)}<span class="item-num">${numbering.label}</span>${inner.slice(at + numbering.label.length)}`;
      }
    }
    const label = numbering ? labels.item(numbering.label.replace(/\.$/u, '')) : labels.paragraph;
    // The link icon is drawn by CSS (.permalink::before in src/components/Prose.astro): one copy, not one per block.
    const link = `<a class="permalink" href="#${id}" aria-label="${label}" data-pagefind-ignore></a>`;
    return `<${tag} id="${id}"${rest}>${body} ${link}</${tag}>`;
  });
}
