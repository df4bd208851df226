/**
 * Links between the Parts (content/related.yaml, schema src/schemas/related.ts): which section
 * of Phần thứ nhất, mục I goes with which task of Phần thứ hai, resolved against the
 * chapters' permalink ids. Pure: the chapters are given as frontmatter and MDX body.
 */
import { IdAssigner, parseNumbering } from '../core/ids';
import { inlinePlainText, mdxBlocks } from '../core/mdx-text';
import { firstSentence } from '../core/outline';
import type { Related } from '../schemas/related';
import type { ChapterData } from '../schemas/chapter';
import { chapterPath } from '../core/slug';

export interface ChapterSource {
  data: ChapterData;
  body: string;
}

/** A place of the report a link can lead to: a chapter, a numbered heading or item. */
export interface Place {
  id: string;
  /** URL path of its chapter, e.g. "/phan-thu-hai/3-nhiem-vu-giai-phap/". */
  chapterUrl: string;
  part: ChapterData['part'];
  /** The report's numbering, e.g. "1.1", "3.3 (1)"; the chapter's number for a chapter. */
  label: string;
  /** Its heading, or the first sentence of an item. */
  title: string;
  /** A chapter, a heading, or a run-in numbered item. */
  kind: 'chapter' | 'heading' | 'item';
  /** Depth below the chapter ("1.1" under "1." is 1, its "(2)" 2); 0 for the chapter itself. */
  depth: number;
  /** Whether its numbering is a parenthesised "(n)" under a decimal item. */
  paren: boolean;
}

const stripDot = (label: string) => label.trim().replace(/\.$/u, '');

/** Every numbered place of the chapters, by permalink id, in reading order. */
export function placesOf(chapters: readonly ChapterSource[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const { data, body } of chapters) {
    const url = chapterPath(data.slug);
    const ids = new IdAssigner(data.part, data.section);
    const rootId = ids.root(data.heading);
    const last = data.heading[data.heading.length - 1] ?? data.title;
    const rootNumbering = parseNumbering(last);
    const rootDepth = rootNumbering?.kind === 'decimal' ? rootNumbering.path.length : 0;
    places.set(rootId, { id: rootId, chapterUrl: url, part: data.part, label: stripDot(rootNumbering?.label ?? data.number ?? ''), title: data.title, kind: 'chapter', depth: 0, paren: false });
    let decimal = '';
    let decimalDepth = 0;
    for (const block of mdxBlocks(body)) {
      if (block.kind === 'component') continue;
      const text = inlinePlainText(block.text);
      const numbering = parseNumbering(text);
      const id = block.kind === 'heading' ? ids.heading(text) : ids.paragraph(text);
      if (!numbering || numbering.kind === 'roman') continue;
      const rest = text.slice(numbering.label.length).trim();
      const title = block.kind === 'heading' ? rest : firstSentence(rest, 400);
      const kind = block.kind === 'heading' ? 'heading' : 'item';
      if (numbering.kind === 'decimal') {
        decimal = stripDot(numbering.label);
        decimalDepth = Math.max(1, numbering.path.length - rootDepth);
        places.set(id, { id, chapterUrl: url, part: data.part, label: decimal, title, kind, depth: decimalDepth, paren: false });
      } else {
        places.set(id, { id, chapterUrl: url, part: data.part, label: `${decimal} ${numbering.label}`.trim(), title, kind, depth: decimalDepth + 1, paren: true });
      }
    }
  }
  return places;
}

/**
 * The sections of Phần thứ nhất, mục I that related.yaml must cover: each chapter of I
 * (root id "p1-i-<n>") by its first-level numbered divisions (1.1, 1.2, …; 3.1, …), or
 * the chapter itself when it has none.
 */
export function partOneSections(places: Map<string, Place>): Place[] {
  const all = [...places.values()];
  const chapters = all.filter((p) => p.kind === 'chapter' && /^p1-i-\d+$/u.test(p.id));
  return chapters.flatMap((chapter) => {
    const divisions = all.filter((p) => p.chapterUrl === chapter.chapterUrl && p.kind !== 'chapter' && !p.paren && p.depth === 1);
    return divisions.length > 0 ? divisions : [chapter];
  });
}

/** Problems of the pairs against the chapters: ids that resolve to nothing, sections left out. */
export function relatedProblems(pairs: readonly Related[], places: Map<string, Place>): { where: string; message: string }[] {
  const problems: { where: string; message: string }[] = [];
  const sections = partOneSections(places);
  const sectionIds = new Set(sections.map((s) => s.id));
  pairs.forEach((pair, i) => {
    if (!places.has(pair.result)) problems.push({ where: `[${i + 1}].result`, message: `"${pair.result}" is no heading or item of the chapters` });
    else if (!sectionIds.has(pair.result)) problems.push({ where: `[${i + 1}].result`, message: `"${pair.result}" is not a section of Phần thứ nhất, mục I (one of ${[...sectionIds].join(', ')})` });
    const plan = places.get(pair.plan);
    if (!plan) problems.push({ where: `[${i + 1}].plan`, message: `"${pair.plan}" is no heading or item of the chapters` });
    else if (plan.part !== 'phan-thu-hai') problems.push({ where: `[${i + 1}].plan`, message: `"${pair.plan}" is not in Phần thứ hai` });
  });
  const covered = new Set(pairs.map((p) => p.result));
  for (const section of sections) {
    if (!covered.has(section.id)) problems.push({ where: '(list)', message: `section ${section.label} "${section.title}" (${section.id}) of Phần thứ nhất, mục I has no pair` });
  }
  return problems;
}

export interface RelatedLink {
  href: string;
  place: Place;
  reason: string;
}

/** For each id of a chapter, the links to show after it: plans for a result, results for a plan. */
export function relatedLinksFor(chapterUrl: string, pairs: readonly Related[], places: Map<string, Place>): Map<string, { direction: 'plan' | 'result'; links: RelatedLink[] }> {
  const out = new Map<string, { direction: 'plan' | 'result'; links: RelatedLink[] }>();
  const add = (at: string, direction: 'plan' | 'result', to: string, reason: string) => {
    const here = places.get(at);
    const there = places.get(to);
    if (!here || !there || here.chapterUrl !== chapterUrl) return;
    const entry = out.get(at) ?? { direction, links: [] };
    entry.links.push({ href: `${there.chapterUrl}#${there.id}`, place: there, reason });
    out.set(at, entry);
  };
  for (const pair of pairs) {
    add(pair.result, 'plan', pair.plan, pair.reason);
    add(pair.plan, 'result', pair.result, pair.reason);
  }
  return out;
}

/**
 * Inserts `blocks` (HTML by permalink id) after the element with that id in a chapter's
 * annotated HTML (src/permalinks/hast.ts); a block for `rootId`, the chapter's h1 (outside
 * this HTML), goes first. Throws naming an id that is not found, rather than dropping it.
 */
export function insertAfter(html: string, blocks: Map<string, string>, rootId: string): string {
  let out = html;
  for (const [id, block] of blocks) {
    if (id === rootId) {
      out = block + out;
      continue;
    }
    const re = new RegExp(`<(h[2-6]|p) id="${id}"[^>]*>[\\s\\S]*?</\\1>`, 'u');
    const m = re.exec(out);
    if (!m) throw new Error(`related links: no element with id "${id}" in the chapter`);
    const end = m.index + m[0].length;
    out = out.slice(0, end) + block + out.slice(end);
  }
  return out;
}
