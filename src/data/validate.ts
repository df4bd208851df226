/**
 * Checks the content files before Astro builds anything, so that a mistake fails the
 * build with a message that names the file and the field. Astro's own loaders only
 * log some of these (a missing id, a broken reference) and carry on.
 */
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { z } from 'astro/zod';
import { chapterSchema } from '../schemas/chapter';
import { correctionSchema } from '../schemas/correction';
import { footnoteSchema } from '../schemas/footnote';
import { reportSchema } from '../schemas/report';
import { FIGURE_COMPONENTS } from '../figures/figures';
import { validateFigureData } from '../figures/node/validate';
import { footnoteRefs } from '../core/mdx-text';
import { relatedSchema, type Related } from '../schemas/related';
import { placesOf, relatedProblems, type ChapterSource } from '../reading/related';
import { abbreviationExclusionSchema, abbreviationSchema } from '../schemas/abbreviation';
import { crosscheckSchema, type Crosscheck } from '../schemas/crosscheck';
import { figureSchema, type Figure } from '../schemas/figure';
import { CrosscheckError, evaluateAll } from '../crosschecks/crosscheck';
import { ContentError, fieldPath } from './yaml-entries';
import { contentFolder } from './paths';
import { ContentReader, splitFrontmatter } from './reader';
import { vocabularyViolations, type Vocabulary } from './vocabulary';

/** Block components a chapter may use on a line of its own. */
export const BLOCK_COMPONENTS = ['Recipients', 'Signature', ...FIGURE_COMPONENTS] as const;

function schemaErrors(file: string, prefix: string, schema: z.ZodType, data: unknown): ContentError[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => new ContentError(file, fieldPath(prefix, issue.path), issue.message),
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

export { splitFrontmatter };

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
  return contentErrors(new ContentReader(root, folder));
}

/** Every error of the content a reader reads, each file read once. */
export function contentErrors(reader: ContentReader): ContentError[] {
  const errors: ContentError[] = [];
  const paths = reader.files;
  const root = reader.root;

  // Footnotes
  const fnFile = paths.footnotes;
  const known = new Set<number>();
  // Whether footnotes.yaml could be read as a list at all: if not, its error is reported
  // and the chapters' markers are not checked against it (every one would seem missing).
  let footnotesRead = false;
  collect(errors, () => {
    const entries = reader.entries('footnotes');
    footnotesRead = true;
    Object.values(entries).forEach((entry, i) => {
      const errs = schemaErrors(fnFile, `[${i + 1}]`, footnoteSchema, entry);
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
  /** The report's words for an appendix the source does not hold, to be found in a chapter. */
  let appendixQuote: string | undefined;
  collect(errors, () => {
    const errs = schemaErrors(reportFile, '', reportSchema, reader.report());
    errors.push(...errs);
    if (errs.length === 0) appendixQuote = reportSchema.parse(reader.report()).absentAppendix?.quote;
    reader.sourceFile();
  });
  const corrFile = paths.corrections;
  const corrections: { chapter: string; index: number }[] = [];
  collect(errors, () => {
    Object.values(reader.entries('corrections')).forEach((entry, i) => {
      errors.push(...schemaErrors(corrFile, `[${i + 1}]`, correctionSchema, entry));
      corrections.push({ chapter: String(entry.chapter), index: i + 1 });
    });
  });

  // Abbreviations
  const abbrFile = paths.abbreviations;
  collect(errors, () => {
    const seen = new Map<string, string>();
    Object.values(reader.entries('abbreviations')).forEach((entry, i) => {
      const errs = schemaErrors(abbrFile, `[${i + 1}]`, abbreviationSchema, entry);
      errors.push(...errs);
      if (errs.length > 0) return;
      const abbr = String(entry.abbr);
      if (seen.has(abbr)) errors.push(new ContentError(abbrFile, `[${i + 1}].abbr`, `"${abbr}" is also listed as ${seen.get(abbr)}`));
      seen.set(abbr, String(entry.id));
    });
  });

  if (reader.has('exclusions')) {
    collect(errors, () => {
      Object.values(reader.entries('exclusions')).forEach((entry, i) => errors.push(...schemaErrors(paths.exclusions, `[${i + 1}]`, abbreviationExclusionSchema, entry)));
    });
  }

  // Chapters
  const dir = paths.chapters;
  let files: string[] = [];
  collect(errors, () => {
    files = reader.chapterFiles();
    if (files.length === 0) errors.push(new ContentError(dir, '(folder)', 'no chapters'));
  });
  const vocabulary: Vocabulary = {
    blocks: { Recipients: [], Signature: [], DataChart: ['id'], IndicatorTable: ['group'] },
    shipped: (path) => existsSync(joinPath(root, 'public', decodeURI(path))) && !path.split('/').includes('..'),
  };
  const seenRef = new Map<number, string>();
  const seenOrder = new Map<number, string>();
  const seenSlug = new Map<string, string>();
  let lastRef = 0;
  let quoteFound = false;
  for (const file of files) {
    collect(errors, () => {
      const text = reader.text(file);
      const { data, body } = reader.chapter(file);
      if (appendixQuote && body.replace(/\s+/gu, ' ').includes(appendixQuote)) quoteFound = true;
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
  if (appendixQuote && files.length > 0 && !quoteFound) {
    errors.push(new ContentError(reportFile, 'absentAppendix.quote', `"${appendixQuote}" is in no chapter of ${dir}: give the report's words that refer to the appendix, verbatim`));
  }
  for (const c of corrections) {
    if (!files.includes(`${dir}/${c.chapter}.mdx`)) errors.push(new ContentError(corrFile, `[${c.index}].chapter`, `no chapter file ${c.chapter}.mdx`));
  }
  // The figures, charts and indicators, and the chapters' data components.
  errors.push(...validateFigureData(reader));
  // The relations between figures: each names figures that exist, in units that agree.
  if (reader.has('crosschecks')) errors.push(...validateCrosschecks(reader));
  // The links between the two Parts: every id resolves, every section of Phần thứ nhất, mục I is covered.
  if (reader.has('related')) errors.push(...validateRelated(reader));
  return errors;
}

/** Checks crosschecks.yaml against its schema, and evaluates each relation from the figures it names. */
export function validateCrosschecks(reader: ContentReader): ContentError[] {
  const errors: ContentError[] = [];
  const file = reader.files.crosschecks;
  collect(errors, () => {
    const checks: Crosscheck[] = [];
    Object.values(reader.entries('crosschecks')).forEach((entry, i) => {
      const result = crosscheckSchema.safeParse(entry);
      if (result.success) checks.push(result.data);
      else errors.push(...schemaErrors(file, String(entry.id ?? `[${i + 1}]`), crosscheckSchema, entry));
    });
    if (errors.length > 0) return;
    // Without readable figures, their own errors are reported by the figure checks.
    let figures: Figure[] = [];
    if (reader.has('figures')) {
      try {
        figures = Object.values(reader.entries('figures')).map((e) => figureSchema.parse(e));
      } catch {
        return;
      }
    }
    for (const check of checks) {
      try {
        evaluateAll([check], figures);
      } catch (error) {
        if (!(error instanceof CrosscheckError)) throw error;
        // "sum-x.parts[2]: there is no figure …": the field, then the reason.
        const [, field = check.id, reason = error.message] = /^([^\s:]+): ([\s\S]*)$/u.exec(error.message) ?? [];
        errors.push(new ContentError(file, field, reason));
      }
    }
  });
  return errors;
}

/** Checks related.yaml against its schema and the chapters' permalink ids. */
export function validateRelated(reader: ContentReader): ContentError[] {
  const errors: ContentError[] = [];
  const file = reader.files.related;
  collect(errors, () => {
    const entries = Object.values(reader.entries('related'));
    const pairs: Related[] = [];
    entries.forEach((entry, i) => {
      const errs = schemaErrors(file, `[${i + 1}]`, relatedSchema, entry);
      errors.push(...errs);
      if (errs.length === 0) pairs.push(relatedSchema.parse(entry));
    });
    if (errors.length > 0) return;
    const chapters: ChapterSource[] = [];
    let chapterFiles: string[];
    try {
      chapterFiles = reader.chapterFiles();
    } catch {
      return;
    }
    for (const chapterFile of chapterFiles) {
      // A chapter that cannot be read is reported with the chapters: its ids are then unknown.
      let source: { data: unknown; body: string };
      try {
        source = reader.chapter(chapterFile);
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
