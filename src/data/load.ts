/**
 * The one loader of a content folder on the Node side: `loadContent()` reads it
 * (./reader.ts), checks all of it (./validate.ts: every error at once, before anything is
 * built) and returns it typed. The search index, the abbreviation marks, the importer's
 * check and the tests take their content from here; the pages read the same files
 * through Astro's collections (src/content.config.ts), parsed by the same functions.
 */
import { abbreviationExclusionSchema, abbreviationSchema, type Abbreviation, type Exclusion } from '../schemas/abbreviation';
import { chapterSchema, type ChapterData } from '../schemas/chapter';
import { correctionSchema, type Correction } from '../schemas/correction';
import { crosscheckSchema, type Crosscheck } from '../schemas/crosscheck';
import { chartSchema, figureSchema, type ChartSpec, type Figure } from '../schemas/figure';
import { footnoteSchema, type Footnote } from '../schemas/footnote';
import { indicatorSchema, type Indicator } from '../schemas/indicator';
import { relatedSchema, type Related } from '../schemas/related';
import { reportSchema, type Report } from '../schemas/report';
import type { ContentError } from './yaml-entries';
import { contentFolder, OPTIONAL_FILES, type ContentKey } from './paths';
import { chapterPath } from '../core/slug';
import { ContentReader, type ListKey } from './reader';
import { contentErrors, formatContentErrors } from './validate';

/** A chapter as loaded: its file, frontmatter and MDX body. */
export interface LoadedChapter {
  /** The file, as errors name it: "content/chapters/02-i-1-linh-vuc-kinh-te.mdx". */
  file: string;
  /** The file name without ".mdx": how data files (figures, corrections) name chapters. */
  id: string;
  /** The frontmatter, checked. */
  data: ChapterData;
  /** The MDX after the frontmatter. */
  body: string;
  /** The chapter page's URL path: "/phan-thu-nhat/i-1-linh-vuc-kinh-te/". */
  url: string;
}

/** A content folder, checked and typed. Optional files that are absent give empty lists. */
export interface ReportContent {
  /** The content folder: "content", or REPORT_CONTENT. */
  folder: string;
  /** Each file's path, as errors name it. */
  files: Record<ContentKey, string>;
  /** The extracted text the content was drafted from, as errors name it. */
  sourceFile: string;
  /** The chapters in reading order (frontmatter `order`). */
  chapters: LoadedChapter[];
  /** The footnotes by number, ascending. */
  footnotes: Footnote[];
  report: Report;
  /** The corrections, in the file's order. */
  corrections: Correction[];
  /** The abbreviations, in the file's order. */
  abbreviations: Abbreviation[];
  /** The words and passages in capitals that are not abbreviations, in the file's order (passages removed in that order). */
  exclusions: Exclusion[];
  figures: Figure[];
  charts: ChartSpec[];
  indicators: Indicator[];
  crosschecks: Crosscheck[];
  related: Related[];
  /** Which of the files an editor adds later are present. */
  present: Record<(typeof OPTIONAL_FILES)[number], boolean>;
}

/** Every content error, reported together: one per line, each once, without a stack trace. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(formatContentErrors(errors));
    this.name = 'ContentErrors';
  }
}

/** The typed content of a reader whose content has been checked (no errors). */
export function typedContent(reader: ContentReader): ReportContent {
  const list = <T>(key: ListKey, schema: { parse: (x: unknown) => T }): T[] =>
    (OPTIONAL_FILES as readonly string[]).includes(key) && !reader.has(key) ? [] : Object.values(reader.entries(key)).map((e) => schema.parse(e));
  const chapters = reader
    .chapterFiles()
    .map((file): LoadedChapter => {
      const { data, body } = reader.chapter(file);
      const parsed = chapterSchema.parse(data);
      return { file, id: file.replace(/^.*\//u, '').replace(/\.mdx$/u, ''), data: parsed, body, url: chapterPath(parsed.slug) };
    })
    .sort((a, b) => a.data.order - b.data.order);
  return {
    folder: reader.folder,
    files: reader.files,
    sourceFile: reader.sourceFile(),
    chapters,
    footnotes: list('footnotes', footnoteSchema).sort((a, b) => a.n - b.n),
    report: reportSchema.parse(reader.report()),
    corrections: list('corrections', correctionSchema),
    abbreviations: list('abbreviations', abbreviationSchema),
    exclusions: list('exclusions', abbreviationExclusionSchema),
    figures: list('figures', figureSchema),
    charts: list('charts', chartSchema),
    indicators: list('indicators', indicatorSchema),
    crosschecks: list('crosschecks', crosscheckSchema),
    related: list('related', relatedSchema),
    present: Object.fromEntries(OPTIONAL_FILES.map((k) => [k, reader.has(k)])) as ReportContent['present'],
  };
}

/**
 * The content folder `folder` under `root`, checked and typed. Throws ContentErrors,
 * listing every problem, when the content is not valid.
 */
export function loadContent(root: string = process.cwd(), folder: string = contentFolder()): ReportContent {
  const reader = new ContentReader(root, folder);
  const errors = contentErrors(reader);
  if (errors.length > 0) throw new ContentErrors(errors);
  return typedContent(reader);
}

/**
 * For the build: the content, loaded; or every content error printed once and the process
 * ended with status 1, before Astro writes anything and without a stack trace.
 */
export function loadContentOrExit(root: string = process.cwd(), folder: string = contentFolder()): ReportContent {
  try {
    return loadContent(root, folder);
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
