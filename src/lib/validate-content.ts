/**
 * Checks the content files before Astro builds anything, so that a mistake fails the
 * build with a message that names the file and the field. Astro's own loaders only
 * log some of these (a missing id, a broken reference) and carry on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { chapterSchema } from '../schemas/chapter';
import { correctionSchema } from '../schemas/correction';
import { FOOTNOTE_COUNT, footnoteSchema } from '../schemas/footnote';
import { reportSchema } from '../schemas/report';
import { FIGURE_COMPONENTS } from './figures';
import { validateFigureData } from './figures-validate';
import { footnoteRefs, mdxBlocks } from './mdx-text';
import { relatedSchema, type Related } from '../data/related';
import { placesOf, relatedProblems, type ChapterSource } from '../reading/related';
import { ContentError, keyedEntries, parseYaml, singleEntry } from './yaml-entries';

/** Block components a chapter may use on a line of its own. */
export const BLOCK_COMPONENTS = ['Recipients', 'Signature', ...FIGURE_COMPONENTS] as const;

function schemaErrors(file: string, prefix: string, schema: z.ZodType, data: unknown): ContentError[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => new ContentError(file, [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)', issue.message),
  );
}

function collect(errors: ContentError[], fn: () => void) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ContentError) errors.push(e);
    else throw e;
  }
}

/** Splits an MDX file into its YAML frontmatter and its body. */
export function splitFrontmatter(text: string, file: string): { data: unknown; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/u.exec(text);
  if (!m) throw new ContentError(file, 'frontmatter', 'missing: the file must start with a "---" block');
  return { data: parseYaml(m[1], file, 2), body: m[2] };
}

/** A footnote marker as a chapter must write it, e.g. <Fn n={13} />. */
const FN_MARKER = /^<Fn\s+n=\{\s*\d+\s*\}\s*\/>/u;

/**
 * The footnote markers of an MDX body that are not written as <Fn n={13} /> (a quoted or
 * decimal number, a missing "/>"): MDX would render them wrongly or not at all, and
 * footnoteRefs() does not see them, so that they would otherwise only show up as a
 * footnote "never referenced".
 */
export function malformedFootnoteMarkers(body: string): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  body.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/<Fn(?![A-Za-z0-9])[^<>]*>?/gu)) {
      if (!FN_MARKER.test(l.slice(m.index))) found.push({ text: m[0], line: i + 1 });
    }
  });
  return found;
}

/** Validates all content under `root` (the project folder). Returns every error found. */
export function validateContent(root: string): ContentError[] {
  const errors: ContentError[] = [];
  const rel = (p: string) => p;

  // Footnotes
  const fnFile = rel('content/footnotes.yaml');
  const known = new Set<number>();
  // Whether footnotes.yaml could be read as a list at all: if not, its error is reported
  // and the chapters' markers are not checked against it (every one would seem missing).
  let footnotesRead = false;
  collect(errors, () => {
    const entries = keyedEntries(readFileSync(join(root, fnFile), 'utf8'), fnFile, 'n');
    footnotesRead = true;
    Object.values(entries).forEach((entry, i) => {
      const errs = schemaErrors(fnFile, `[${i}]`, footnoteSchema, entry);
      errors.push(...errs);
      if (errs.length === 0) known.add(entry.n as number);
    });
    for (let n = 1; n <= FOOTNOTE_COUNT; n++) {
      if (!known.has(n) && !errors.some((e) => e.file === fnFile)) errors.push(new ContentError(fnFile, `n=${n}`, 'footnote is missing'));
    }
  });

  // Report metadata and corrections
  const reportFile = rel('content/report.yaml');
  collect(errors, () => {
    const data = singleEntry(readFileSync(join(root, reportFile), 'utf8'), reportFile, 'report').report;
    errors.push(...schemaErrors(reportFile, '', reportSchema, data));
  });
  const corrFile = rel('content/corrections.yaml');
  const corrections: { chapter: string; index: number }[] = [];
  collect(errors, () => {
    const entries = keyedEntries(readFileSync(join(root, corrFile), 'utf8'), corrFile, 'id');
    Object.values(entries).forEach((entry, i) => {
      errors.push(...schemaErrors(corrFile, `[${i}]`, correctionSchema, entry));
      corrections.push({ chapter: String(entry.chapter), index: i });
    });
  });

  // Chapters
  const dir = rel('content/chapters');
  const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.mdx')).sort();
  if (files.length === 0) errors.push(new ContentError(dir, '(folder)', 'no chapters'));
  const seenRef = new Map<number, string>();
  const seenOrder = new Map<number, string>();
  const seenSlug = new Map<string, string>();
  let lastRef = 0;
  for (const name of files) {
    const file = `${dir}/${name}`;
    collect(errors, () => {
      const { data, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'), file);
      const errs = schemaErrors(file, 'frontmatter', chapterSchema, data);
      errors.push(...errs);
      if (errs.length === 0) {
        const d = chapterSchema.parse(data);
        if (seenOrder.has(d.order)) errors.push(new ContentError(file, 'frontmatter.order', `${d.order} is also used by ${seenOrder.get(d.order)}`));
        seenOrder.set(d.order, file);
        if (seenSlug.has(d.slug)) errors.push(new ContentError(file, 'frontmatter.slug', `"${d.slug}" is also used by ${seenSlug.get(d.slug)}`));
        seenSlug.set(d.slug, file);
      }
      for (const ref of footnoteRefs(body)) {
        const where = `<Fn n={${ref.n}} /> (line ${ref.line} of the body)`;
        // A marker already reported as unknown or repeated does not move the order check on,
        // so that it does not make the markers after it look out of order.
        if (footnotesRead && !known.has(ref.n)) {
          errors.push(new ContentError(file, where, `footnote ${ref.n} does not exist in content/footnotes.yaml`));
          continue;
        }
        if (seenRef.has(ref.n)) {
          errors.push(new ContentError(file, where, `footnote ${ref.n} is already referenced in ${seenRef.get(ref.n)}`));
          continue;
        }
        if (ref.n < lastRef) errors.push(new ContentError(file, where, `footnote ${ref.n} comes after footnote ${lastRef}: markers must follow the report's order`));
        seenRef.set(ref.n, file);
        lastRef = Math.max(lastRef, ref.n);
      }
      for (const bad of malformedFootnoteMarkers(body)) {
        errors.push(new ContentError(file, `${bad.text} (line ${bad.line} of the body)`, 'malformed footnote marker: write it as <Fn n={13} />, a whole number in braces'));
      }
      const stray = body.match(/<(?!Fn\s)(?!\/)[A-Za-z][^>]*>/gu) ?? [];
      for (const block of mdxBlocks(body)) {
        if (block.kind === 'component' && !(BLOCK_COMPONENTS as readonly string[]).includes(block.name)) {
          errors.push(new ContentError(file, `<${block.name} /> (line ${block.line} of the body)`, 'unknown component'));
        }
      }
      for (const tag of stray.filter((s) => !BLOCK_COMPONENTS.some((c) => s.startsWith(`<${c}`)))) {
        errors.push(new ContentError(file, tag, 'unknown tag: chapters may use <Fn n={…} />, <Recipients /> and <Signature /> only'));
      }
    });
  }
  for (const n of known) {
    if (!seenRef.has(n)) errors.push(new ContentError(fnFile, `n=${n}`, 'footnote is never referenced by a <Fn /> in content/chapters'));
  }
  for (const c of corrections) {
    if (!files.includes(`${c.chapter}.mdx`)) errors.push(new ContentError(corrFile, `[${c.index}].chapter`, `no chapter file ${c.chapter}.mdx`));
  }
  // The figures, charts and indicators, and the chapters' data components.
  errors.push(...validateFigureData(root));
  // The links between the two Parts: every id resolves, every section of Phần thứ nhất, mục I is covered.
  errors.push(...validateRelated(root, files.map((f) => `${dir}/${f}`)));
  return errors;
}

/** Checks content/related.yaml against its schema and the chapters' permalink ids. */
export function validateRelated(root: string, chapterFiles: readonly string[]): ContentError[] {
  const file = 'content/related.yaml';
  const errors: ContentError[] = [];
  collect(errors, () => {
    const entries = Object.values(keyedEntries(readFileSync(join(root, file), 'utf8'), file, 'id'));
    const pairs: Related[] = [];
    entries.forEach((entry, i) => {
      const errs = schemaErrors(file, `[${i}]`, relatedSchema, entry);
      errors.push(...errs);
      if (errs.length === 0) pairs.push(relatedSchema.parse(entry));
    });
    if (errors.length > 0) return;
    const chapters: ChapterSource[] = [];
    for (const chapterFile of chapterFiles) {
      // A chapter that cannot be read is reported with the chapters: its ids are then unknown.
      let source: { data: unknown; body: string };
      try {
        source = splitFrontmatter(readFileSync(join(root, chapterFile), 'utf8'), chapterFile);
      } catch {
        return;
      }
      const parsed = chapterSchema.safeParse(source.data);
      if (!parsed.success) return;
      chapters.push({ data: parsed.data, body: source.body });
    }
    for (const p of relatedProblems(pairs, placesOf(chapters))) errors.push(new ContentError(file, p.where, p.message));
  });
  return errors;
}

/** Throws one error listing every problem, or returns quietly when the content is valid. */
export function assertValidContent(root: string): void {
  const errors = validateContent(root);
  if (errors.length > 0) {
    throw new Error(`Content errors (${errors.length}):\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
}
