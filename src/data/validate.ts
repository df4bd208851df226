/**
 * Checks the content files before Astro builds anything, so that a mistake fails the
 * build with a message that names the file and the field. Astro's own loaders only
 * log some of these (a missing id, a broken reference) and carry on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { z } from 'astro/zod';
import { chapterSchema } from '../schemas/chapter';
import { correctionSchema } from '../schemas/correction';
import { footnoteSchema } from '../schemas/footnote';
import { reportSchema } from '../schemas/report';
import { FIGURE_COMPONENTS } from '../figures/figures';
import { validateFigureData } from '../figures/node/validate';
import { footnoteRefs, mdxBlocks } from '../core/mdx-text';
import { relatedSchema, type Related } from '../schemas/related';
import { placesOf, relatedProblems, type ChapterSource } from '../reading/related';
import { ContentError, keyedEntries, parseYaml, singleEntry } from './yaml-entries';
import { absolute, contentFiles, contentFolder, hasFile } from './paths';
import { vocabularyViolations, type Vocabulary } from './vocabulary';

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
export function validateContent(root: string, folder: string = contentFolder()): ContentError[] {
  const errors: ContentError[] = [];
  const paths = contentFiles(folder);
  const rel = (p: string) => p;
  const join = (_root: string, file: string) => absolute(root, file);

  // Footnotes
  const fnFile = paths.footnotes;
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
    // Footnotes are numbered once for the whole report, consecutively from the first.
    const numbers = [...known].sort((a, b) => a - b);
    for (let n = numbers[0]; n < numbers[numbers.length - 1]; n++) {
      if (!known.has(n) && !errors.some((e) => e.file === fnFile)) errors.push(new ContentError(fnFile, `n=${n}`, 'footnote is missing'));
    }
    if (numbers.length === 0 && !errors.some((e) => e.file === fnFile)) errors.push(new ContentError(fnFile, '(file)', 'no footnotes'));
  });

  // Report metadata and corrections
  const reportFile = paths.report;
  collect(errors, () => {
    const data = singleEntry(readFileSync(join(root, reportFile), 'utf8'), reportFile, 'report').report;
    errors.push(...schemaErrors(reportFile, '', reportSchema, data));
  });
  const corrFile = paths.corrections;
  const corrections: { chapter: string; index: number }[] = [];
  collect(errors, () => {
    const entries = keyedEntries(readFileSync(join(root, corrFile), 'utf8'), corrFile, 'id');
    Object.values(entries).forEach((entry, i) => {
      errors.push(...schemaErrors(corrFile, `[${i}]`, correctionSchema, entry));
      corrections.push({ chapter: String(entry.chapter), index: i });
    });
  });

  // Chapters
  const dir = paths.chapters;
  const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.mdx')).sort();
  if (files.length === 0) errors.push(new ContentError(dir, '(folder)', 'no chapters'));
  const vocabulary: Vocabulary = {
    blocks: { Recipients: [], Signature: [], DataChart: ['id'], IndicatorTable: ['group'] },
    shipped: (path) => existsSync(joinPath(root, 'public', decodeURI(path))) && !path.split('/').includes('..'),
  };
  const seenRef = new Map<number, string>();
  const seenOrder = new Map<number, string>();
  const seenSlug = new Map<string, string>();
  let lastRef = 0;
  for (const name of files) {
    const file = `${dir}/${name}`;
    collect(errors, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const { data, body } = splitFrontmatter(text, file);
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
          errors.push(new ContentError(file, where, `footnote ${ref.n} does not exist in ${fnFile}`));
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
      // The chapter vocabulary: no code, no raw HTML, links and images only within the site.
      const firstLine = text.slice(0, text.length - body.length).split('\n').length;
      for (const v of vocabularyViolations(body, vocabulary, firstLine)) {
        errors.push(new ContentError(file, `${v.line}:${v.column}`, v.reason, v));
      }
    });
  }
  for (const n of known) {
    if (!seenRef.has(n)) errors.push(new ContentError(fnFile, `n=${n}`, `footnote is never referenced by a <Fn /> in ${dir}`));
  }
  for (const c of corrections) {
    if (!files.includes(`${c.chapter}.mdx`)) errors.push(new ContentError(corrFile, `[${c.index}].chapter`, `no chapter file ${c.chapter}.mdx`));
  }
  // The figures, charts and indicators, and the chapters' data components.
  errors.push(...validateFigureData(root, folder));
  // The links between the two Parts: every id resolves, every section of Phần thứ nhất, mục I is covered.
  if (hasFile(root, 'related', folder)) errors.push(...validateRelated(root, files.map((f) => `${dir}/${f}`), contentFiles(folder).related));
  return errors;
}

/** Checks content/related.yaml against its schema and the chapters' permalink ids. */
export function validateRelated(root: string, chapterFiles: readonly string[], file: string = contentFiles().related): ContentError[] {
  const errors: ContentError[] = [];
  collect(errors, () => {
    const entries = Object.values(keyedEntries(readFileSync(absolute(root, file), 'utf8'), file, 'id'));
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
        source = splitFrontmatter(readFileSync(absolute(root, chapterFile), 'utf8'), chapterFile);
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

/** The report of content errors for an editor: each once, one per line. */
export function formatContentErrors(errors: ContentError[]): string {
  const messages = [...new Set(errors.map((e) => e.message))];
  return `Content errors (${messages.length}):\n${messages.map((m) => `  - ${m}`).join('\n')}`;
}

/** Throws one error listing every problem, or returns quietly when the content is valid. */
export function assertValidContent(root: string, folder: string = contentFolder()): void {
  const errors = validateContent(root, folder);
  if (errors.length > 0) throw new Error(formatContentErrors(errors));
}

/**
 * For the build: prints every content error, each once, and ends the process with status 1,
 * before Astro writes anything and without a stack trace. Returns quietly when the content is valid.
 */
export function exitOnContentErrors(root: string, folder: string = contentFolder()): void {
  const errors = validateContent(root, folder);
  if (errors.length === 0) return;
  process.stderr.write(`${formatContentErrors(errors)}\n`);
  process.exit(1);
}
