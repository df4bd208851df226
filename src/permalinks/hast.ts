/**
 * The permalinks of a chapter, assigned once in the Markdown pipeline (a Sätteri HAST
 * plugin, registered in astro.config.mjs, as Starlight's heading links are): every heading
 * (h2–h6) and paragraph gets its permalink id, in the same order and with the same ids
 * as chapterOutline() computes from the MDX; a run-in item's numbering is wrapped in
 * <span class="item-num">; a visible "liên kết" link is appended to each. The ids follow
 * the report's numbering only: the plugin runs before Astro's heading ids, which keep them.
 */
import type { HastNode, HastPluginDefinition, HastPluginEntry, HastVisitorContext } from 'satteri';
import type { Element, ElementContent, Root, Text } from 'hast';
import { chapterSchema, type ChapterData } from '../schemas/chapter';
import { IdAssigner, parseNumbering } from '../core/ids';

/** Labels the permalink affordances; injected so that this module stays free of UI strings. */
export interface PermalinkLabels {
  /** aria-label of a heading's or item's link, given its numbering, e.g. "Liên kết đến mục 1.5.1". */
  item: (label: string) => string;
  /** aria-label of an unnumbered paragraph's link. */
  paragraph: string;
}

const BLOCKS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p']);

/** The first text node under `node`, in document order, whose value contains `needle`. */
function firstTextWith(node: Element, needle: string): Text | undefined {
  for (const child of node.children) {
    if (child.type === 'text' && child.value.includes(needle)) return child;
    if (child.type === 'element') {
      const found = firstTextWith(child, needle);
      if (found) return found;
    }
  }
  return undefined;
}

/** Gives one heading or paragraph its id, its item number's span and its link. */
function annotateBlock(node: Element, ids: IdAssigner, labels: PermalinkLabels, ctx: HastVisitorContext) {
  const text = ctx.textContent(node).trim();
  const numbering = parseNumbering(text);
  const id = node.tagName === 'p' ? ids.paragraph(text) : ids.heading(text);
  ctx.setProperty(node, 'id', id);
  if (node.tagName === 'p' && numbering) {
    const holder = firstTextWith(node, numbering.label);
    if (holder) {
      const at = holder.value.indexOf(numbering.label);
      const pieces: ElementContent[] = [
        { type: 'text', value: holder.value.slice(0, at) },
        { type: 'element', tagName: 'span', properties: { className: ['item-num'] }, children: [{ type: 'text', value: numbering.label }] },
        { type: 'text', value: holder.value.slice(at + numbering.label.length) },
      ];
      ctx.replaceNode(holder, pieces.filter((p) => p.type !== 'text' || p.value !== '') as HastNode[]);
    }
  }
  const label = numbering ? labels.item(numbering.label.replace(/\.$/u, '')) : labels.paragraph;
  // The link icon is drawn by CSS (.permalink::before in the Prose component): one copy, not one per block.
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['permalink'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
    children: [],
  };
  ctx.appendChild(node, [{ type: 'text', value: ' ' }, link] as HastNode[]);
}

/** Every heading and paragraph under `parent`, in reading order (a paragraph holds no other). */
function* blocks(parent: { children: readonly unknown[] }): Generator<Element> {
  for (const child of parent.children as Root['children']) {
    if (child.type === 'element' && BLOCKS.has(child.tagName)) yield child;
    else if ('children' in child) yield* blocks(child);
  }
}

/**
 * The permalinks of one chapter, whose frontmatter (its part, section and heading lines)
 * seeds the ids. Throws naming the file when two blocks would get the same id.
 */
export function permalinksPlugin(chapter: Pick<ChapterData, 'part' | 'section' | 'heading'>, labels: PermalinkLabels, file = 'the chapter'): HastPluginDefinition {
  return {
    name: 'report-permalinks',
    before(root, ctx) {
      const ids = new IdAssigner(chapter.part, chapter.section);
      ids.root(chapter.heading);
      try {
        for (const node of blocks(root)) annotateBlock(node, ids, labels, ctx);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * The plugin for astro.config.mjs: every MDX file whose frontmatter is a chapter's gets
 * its permalinks; other documents are left alone.
 */
export function permalinks(labels: PermalinkLabels): HastPluginEntry {
  return (ctx) => {
    const frontmatter = (ctx.data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter;
    const chapter = chapterSchema.safeParse(frontmatter);
    if (!chapter.success) return null;
    return permalinksPlugin(chapter.data, labels, ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : undefined);
  };
}
