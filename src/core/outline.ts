import type { ChapterData } from '../schemas/chapter';
import { IdAssigner, parseNumbering } from './ids';
import { inlinePlainText, mdxBlocks } from './mdx-text';

/** One entry of a contents list: a numbered heading or a run-in numbered item. */
export interface OutlineItem {
  /** Permalink id of the heading or paragraph. */
  id: string;
  /** The report's numbering, e.g. "1.5.1." or "(2)". */
  label: string;
  /** The heading's text, or the item's first sentence, without the numbering. */
  title: string;
  /** Depth below the chapter's own heading, from the numbering: 1.1 is 1 and 1.5.1 is 2 under "1.". */
  depth: number;
  /** Whether it is a heading or a run-in numbered paragraph. */
  kind: 'heading' | 'item';
}

export interface ChapterOutline {
  /** Id of the chapter's h1. */
  rootId: string;
  /** Headings and decimal-numbered items, in reading order. */
  items: OutlineItem[];
  /** Every permalink id of the chapter, in reading order (headings and paragraphs). */
  ids: string[];
}

/** The first sentence of a run-in item, cut to about `max` characters at a word boundary. */
export function firstSentence(text: string, max = 90): string {
  const sentence = /^(.+?[.:;])(?:\s|$)/u.exec(text)?.[1] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** The contents of a chapter, read from its frontmatter and MDX body. */
export function chapterOutline(data: ChapterData, body: string): ChapterOutline {
  const ids = new IdAssigner(data.part, data.section);
  const rootId = ids.root(data.heading);
  const items: OutlineItem[] = [];
  const all = [rootId];
  const rootNumbering = parseNumbering(data.heading[data.heading.length - 1] ?? '');
  const rootDepth = rootNumbering?.kind === 'decimal' ? rootNumbering.path.length : 0;
  const depthOf = (n: ReturnType<typeof parseNumbering>, fallback: number) =>
    n?.kind === 'decimal' ? Math.max(1, n.path.length - rootDepth) : fallback;
  for (const block of mdxBlocks(body)) {
    if (block.kind === 'component') continue;
    const text = inlinePlainText(block.text);
    const numbering = parseNumbering(text);
    const rest = numbering ? text.slice(numbering.label.length).trim() : text;
    if (block.kind === 'heading') {
      const id = ids.heading(text);
      all.push(id);
      items.push({ id, label: numbering?.label ?? '', title: rest, depth: depthOf(numbering, 1), kind: 'heading' });
    } else {
      const id = ids.paragraph(text);
      all.push(id);
      if (numbering?.kind === 'decimal') {
        items.push({ id, label: numbering.label, title: firstSentence(rest), depth: depthOf(numbering, 1), kind: 'item' });
      }
    }
  }
  return { rootId, items, ids: all };
}
