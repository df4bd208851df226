/**
 * Reads the files of a content folder, each once, and parses them: YAML lists keyed by a
 * field, the report's mapping, chapters split into frontmatter and body. A file that
 * cannot be read or parsed gives one ContentError naming it, the same each time it is
 * asked for. The build's check (./validate.ts) and the loader (./load.ts) work from it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ContentError, keyedEntries, parseYaml, singleEntry } from './yaml-entries';
import { absolute, contentFiles, contentFolder, type ContentKey } from './paths';
import { chapterPath } from '../core/slug';

/** A chapter file's frontmatter and body: "---", YAML, "---", then the MDX. */
const FRONTMATTER = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/u;

/** Splits an MDX file into its YAML frontmatter and its body. */
export function splitFrontmatter(text: string, file: string): { data: unknown; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new ContentError(file, 'frontmatter', 'missing: the file must start with a "---" block');
  return { data: parseYaml(m[1], file, 2), body: m[2] };
}

export { chapterPath };

/** The key field of each YAML list file. */
export const LIST_KEYS = {
  footnotes: 'n',
  corrections: 'id',
  abbreviations: 'id',
  figures: 'id',
  charts: 'id',
  indicators: 'id',
  crosschecks: 'id',
  related: 'id',
  exclusions: 'text',
} as const satisfies Partial<Record<ContentKey, string>>;

export type ListKey = keyof typeof LIST_KEYS;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ContentError };

/** Reads the files of one content folder, each once; parsing errors are ContentErrors, kept and thrown again when asked. */
export class ContentReader {
  /** The paths of the folder's files, as errors name them ("content/footnotes.yaml"). */
  readonly files: Record<ContentKey, string>;
  private readonly cache = new Map<string, Outcome<unknown>>();

  constructor(
    /** The project folder: relative content paths are resolved against it. */
    readonly root: string,
    /** The content folder: "content", or REPORT_CONTENT. */
    readonly folder: string = contentFolder(),
  ) {
    this.files = contentFiles(folder);
  }

  private once<T>(key: string, make: () => T): T {
    let known = this.cache.get(key) as Outcome<T> | undefined;
    if (!known) {
      try {
        known = { ok: true, value: make() };
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        known = { ok: false, error };
      }
      this.cache.set(key, known);
    }
    if (!known.ok) throw known.error;
    return known.value;
  }

  /** Whether a content file (or folder) is there. */
  has(key: ContentKey): boolean {
    return existsSync(absolute(this.root, this.files[key]));
  }

  /** The text of a file named as `files` names it; a missing file is a ContentError. */
  text(file: string): string {
    return this.once(`text:${file}`, () => {
      const path = absolute(this.root, file);
      if (!existsSync(path)) throw new ContentError(file, '(file)', 'missing');
      return readFileSync(path, 'utf8');
    });
  }

  /** The entries of a YAML list file, keyed by its key field, in the file's order. */
  entries(key: ListKey): Record<string, Record<string, unknown>> {
    const file = this.files[key];
    return this.once(`entries:${file}`, () => keyedEntries(this.text(file), file, LIST_KEYS[key]));
  }

  /** The report's metadata mapping (report.yaml), not yet checked against its schema. */
  report(): Record<string, unknown> {
    const file = this.files.report;
    return this.once(`report:${file}`, () => singleEntry(this.text(file), file, 'report').report);
  }

  /** The chapter files, as errors name them, sorted by file name. */
  chapterFiles(): string[] {
    const dir = this.files.chapters;
    return this.once(`chapters:${dir}`, () => {
      const path = absolute(this.root, dir);
      if (!existsSync(path)) throw new ContentError(dir, '(folder)', 'missing');
      return readdirSync(path)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
        .map((f) => `${dir}/${f}`);
    });
  }

  /** A chapter file split into its frontmatter (not yet checked) and its body. */
  chapter(file: string): { data: unknown; body: string } {
    return this.once(`chapter:${file}`, () => splitFrontmatter(this.text(file), file));
  }

  /** The extracted text the content was drafted from: report.yaml's `source`, else the one .txt in source/. */
  sourceFile(): string {
    return this.once('source', () => {
      const named = this.report().source;
      if (typeof named === 'string') return `${this.folder}/${named}`;
      const dir = this.files.source;
      const texts = existsSync(absolute(this.root, dir)) ? readdirSync(absolute(this.root, dir)).filter((f) => f.endsWith('.txt')) : [];
      if (texts.length !== 1) throw new ContentError(this.files.report, 'source', `names no source text, and ${dir}/ holds ${texts.length} .txt files, not one`);
      return `${dir}/${texts[0]}`;
    });
  }
}

