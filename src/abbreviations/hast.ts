/**
 * The abbreviation marks of a chapter, assigned once in the Markdown pipeline (a Sätteri
 * HAST plugin, registered in astro.config.mjs after the permalinks, ../permalinks/hast.ts):
 * the first use of each abbreviation on the chapter's page, found in the reading order
 * (./abbr.ts, firstUses), is wrapped in <abbr title="…" tabindex="0"> in the heading or
 * paragraph where it stands, by that block's permalink id. Uses first met in a footnote
 * are marked in the footnote list (FootnoteList, markText); in the "Nơi nhận" and
 * signature blocks, by those components (blockMarks). The text is unchanged: only
 * elements are added.
 */
import type { HastNode, HastPluginDefinition, HastPluginEntry, HastVisitorContext } from 'satteri';
import type { Element, ElementContent, Root, Text } from 'hast';
import { isAbsolute, join } from 'node:path';
import { chapterSchema, type ChapterData } from '../schemas/chapter';
import type { Abbreviation } from '../schemas/abbreviation';
import type { Report } from '../schemas/report';
import type { ReportContent } from '../data/load';
import { chapterSegments, firstMatches, firstUses } from './abbr';

/** What the marks need from the content folder (src/data/load.ts), gathered once per build. */
export interface AbbreviationInputs {
  abbreviations: Abbreviation[];
  /** Each footnote's text, by its number. */
  footnotes: Map<number, string>;
  report: Pick<Report, 'recipients' | 'signature'>;
  /** Each chapter, by the absolute path of its file (as the MDX pipeline names it). */
  chapters: Map<string, { data: ChapterData; body: string }>;
}

/** The inputs of the marks, from the loaded content; `root` resolves the chapters' paths. */
export function abbreviationInputs(content: ReportContent, root: string): AbbreviationInputs {
  return {
    abbreviations: content.abbreviations,
    footnotes: new Map(content.footnotes.map((f) => [f.n, f.text])),
    report: content.report,
    chapters: new Map(content.chapters.map((c) => [isAbsolute(c.file) ? c.file : join(root, c.file), c])),
  };
}

/** Elements whose text is not the report's running text, or that must not hold an <abbr>. */
const SKIPPED = new Set(['a', 'abbr', 'button', 'code', 'pre', 'script', 'style', 'svg', 'math', 'textarea', 'template', 'select', 'option', 'canvas', 'sup']);

/** The HAST of one <abbr>: the expansion as its title (tooltip and description), reachable by keyboard and tap. */
function abbrNode(abbreviation: Abbreviation, text: string): Element {
  return { type: 'element', tagName: 'abbr', properties: { className: ['abbr'], title: abbreviation.expansion, tabIndex: 0 }, children: [{ type: 'text', value: text }] };
}

/** The text nodes under `node` that hold running text, in document order. */
function* texts(node: Element): Generator<Text> {
  for (const child of node.children) {
    if (child.type === 'text') yield child;
    else if (child.type === 'element' && !SKIPPED.has(child.tagName)) yield* texts(child);
  }
}

/** Every element with an id under `parent`, in document order. */
function* withIds(parent: { children: readonly unknown[] }): Generator<Element> {
  for (const child of parent.children as Root['children']) {
    if (child.type === 'element' && typeof child.properties?.id === 'string') yield child;
    if ('children' in child && !(child.type === 'element' && SKIPPED.has(child.tagName))) yield* withIds(child);
  }
}

/** Wraps, in `block`, the first whole-word use of each of `wanted`; returns those it did not find. */
function markBlock(block: Element, wanted: readonly Abbreviation[], ctx: HastVisitorContext): Abbreviation[] {
  let pending = [...wanted];
  for (const text of texts(block)) {
    if (pending.length === 0) break;
    const found = firstMatches(text.value, pending);
    if (found.length === 0) continue;
    const pieces: ElementContent[] = [];
    let at = 0;
    for (const m of found) {
      if (m.start > at) pieces.push({ type: 'text', value: text.value.slice(at, m.start) });
      pieces.push(abbrNode(m.abbreviation, text.value.slice(m.start, m.end)));
      at = m.end;
    }
    if (at < text.value.length) pieces.push({ type: 'text', value: text.value.slice(at) });
    ctx.replaceNode(text, pieces as HastNode[]);
    pending = pending.filter((a) => !found.some((m) => m.abbreviation.id === a.id));
  }
  return pending;
}

/** The marks of one chapter file: which abbreviations to wrap in which block, by permalink id. */
export function chapterMarks(file: string, inputs: AbbreviationInputs): Map<string, Abbreviation[]> {
  const chapter = inputs.chapters.get(file);
  if (!chapter) throw new Error(`${file}: not a chapter of the content folder`);
  const segments = chapterSegments({ id: file, data: chapter.data, body: chapter.body }, inputs.footnotes, inputs.report);
  const marks = new Map<string, Abbreviation[]>();
  for (const { abbreviation, place } of firstUses(segments, inputs.abbreviations).values()) {
    if ('paragraph' in place) marks.set(place.paragraph, [...(marks.get(place.paragraph) ?? []), abbreviation]);
  }
  return marks;
}

export function abbreviationsPlugin(marks: Map<string, Abbreviation[]>, file: string): HastPluginDefinition {
  return {
    name: 'report-abbreviations',
    before(root, ctx) {
      const left = new Map(marks);
      for (const block of withIds(root)) {
        const id = block.properties.id as string;
        const wanted = left.get(id);
        if (!wanted) continue;
        const missed = markBlock(block, wanted, ctx);
        if (missed.length > 0) throw new Error(`${file}: #${id}: the first use of ${missed.map((a) => a.abbr).join(', ')} is not in its running text`);
        left.delete(id);
      }
      if (left.size > 0) throw new Error(`${file}: no block with the permalink id ${[...left.keys()].join(', ')}, where abbreviations are first used`);
    },
  };
}

/**
 * The plugin for astro.config.mjs: every MDX file whose frontmatter is a chapter's gets
 * its marks; other documents are left alone. `inputs` gives the loaded content, once.
 */
export function abbreviations(inputs: () => AbbreviationInputs): HastPluginEntry {
  return (ctx) => {
    const frontmatter = (ctx.data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter;
    if (!chapterSchema.safeParse(frontmatter).success || !ctx.fileURL) return null;
    const file = decodeURIComponent(ctx.fileURL.pathname);
    const marks = chapterMarks(file, inputs());
    return marks.size > 0 ? abbreviationsPlugin(marks, file) : null;
  };
}
