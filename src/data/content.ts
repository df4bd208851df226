/**
 * The one place that queries the content collections. Pages call these helpers and
 * pass typed data down to components.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Footnote } from '../schemas/footnote';
import type { Report } from '../schemas/report';
import { footnoteRefs, mdxBlocks } from '../core/mdx-text';
import { chapterOutline, type ChapterOutline } from '../core/outline';
import { DATA_PATHS, figureData, sourceIndex, type FigureData, type SourceIndex } from '../figures/figures';
import { reportYears, targetsSlug } from '../core/years';
import { contentFiles } from './paths';
import type { Abbreviation } from '../schemas/abbreviation';
import type { Figure } from '../schemas/figure';
import { abbrPlan, blockFirstUses, chapterSegments, firstUses, placeKey, readingOrder, type AbbrPlan, type FirstUse, type Segment, type TextBlock } from '../abbreviations/abbr';
import { evaluateAll, inReadingOrder, type Evaluation } from '../crosschecks/crosscheck';
import { chapterPath } from '../core/slug';

export type Chapter = CollectionEntry<'chapters'>;

/** All chapters in reading order. */
export async function getChapters(): Promise<Chapter[]> {
  const chapters = await getCollection('chapters');
  return chapters.sort((a, b) => a.data.order - b.data.order);
}

/** The chapter before and after the given one, if any. */
export async function getNeighbours(chapter: Chapter) {
  const chapters = await getChapters();
  const i = chapters.findIndex((c) => c.id === chapter.id);
  return { prev: chapters[i - 1], next: chapters[i + 1], index: i, total: chapters.length };
}

/** The report's metadata. */
export async function getReport(): Promise<Report> {
  const entry = await getEntry('report', 'report');
  if (!entry) throw new Error(`${contentFiles().report}: no report metadata`);
  return entry.data;
}

/** All footnotes, by number. */
export async function getFootnotes(): Promise<Footnote[]> {
  const all = await getCollection('footnotes');
  return all.map((f) => f.data).sort((a, b) => a.n - b.n);
}

/** One footnote by its original number; an unknown number is an error naming it. */
export async function getFootnote(n: number): Promise<Footnote> {
  const entry = await getEntry('footnotes', String(n));
  if (!entry) throw new Error(`content/footnotes.yaml: there is no footnote ${n}`);
  return entry.data;
}

/** The footnote numbers a chapter references, in order of appearance. */
export function chapterFootnoteNumbers(chapter: Chapter): number[] {
  return footnoteRefs(chapter.body ?? '').map((r) => r.n);
}

/** The footnotes a chapter references, in order of appearance. */
export async function getChapterFootnotes(chapter: Chapter): Promise<Footnote[]> {
  return Promise.all(chapterFootnoteNumbers(chapter).map(getFootnote));
}

/** For each footnote number, the chapter whose text carries its marker. */
export async function getFootnoteChapters(): Promise<Map<number, Chapter>> {
  const map = new Map<number, Chapter>();
  for (const chapter of await getChapters()) {
    for (const n of chapterFootnoteNumbers(chapter)) map.set(n, chapter);
  }
  return map;
}

/** A chapter's contents: its headings and numbered items with their permalink ids. */
export function getOutline(chapter: Chapter): ChapterOutline {
  return chapterOutline(chapter.data, chapter.body ?? '');
}

/** The corrections list (where the site's text differs from the source). */
export async function getCorrections() {
  return (await getCollection('corrections')).map((c) => c.data);
}

/** URL of a chapter page, with trailing slash. */
export function chapterUrl(chapter: Chapter, hash?: string): string {
  return chapterPath(chapter.data.slug, hash);
}

/** A chapter's file name without ".mdx" (e.g. "02-i-1-linh-vuc-kinh-te"): how the data files name chapters. */
export function chapterFileId(chapter: Chapter): string {
  return (chapter.filePath ?? chapter.id).replace(/^.*\//u, '').replace(/\.mdx$/u, '');
}

let figureDataOnce: Promise<FigureData> | undefined;

/**
 * The figures, charts and indicators, resolved: each figure with its display value and
 * source link. Every chart, table and inline figure asks for it, so a production build
 * resolves it once; the dev server resolves it afresh, so that edits show.
 */
export function getFigureData(): Promise<FigureData> {
  if (!import.meta.env.PROD) return loadFigureData();
  figureDataOnce ??= loadFigureData();
  return figureDataOnce;
}

async function loadFigureData(): Promise<FigureData> {
  const [report, chapters, footnotes, figures, charts, indicators] = await Promise.all([
    getReport(),
    getChapters(),
    getFootnotes(),
    getCollection('figures'),
    getCollection('charts'),
    getCollection('indicators'),
  ]);
  const index = sourceIndex(
    chapters.map((c) => ({ id: chapterFileId(c), data: c.data, body: c.body ?? '' })),
    footnotes,
  );
  return figureData(
    figures.map((f) => f.data),
    charts.map((c) => c.data),
    indicators.map((i) => i.data),
    index,
    reportYears(report),
  );
}

/** The abbreviations of content/abbreviations.yaml (the collection keeps no order: pages sort them). */
export async function getAbbreviations(): Promise<Abbreviation[]> {
  return (await getCollection('abbreviations')).map((a) => a.data);
}

/** A chapter's text in reading order (each footnote at its marker), as src/abbreviations/abbr.ts reads it. */
async function readingSegments(chapter: Chapter): Promise<Segment[]> {
  const [footnotes, report] = await Promise.all([getFootnotes(), getReport()]);
  const texts = new Map(footnotes.map((f) => [f.n, f.text]));
  return chapterSegments({ id: chapterFileId(chapter), data: chapter.data, body: chapter.body ?? '' }, texts, report);
}

/** Which abbreviations a chapter page marks, and where: its first use of each (src/abbreviations/abbr.ts). */
export async function getChapterAbbrPlan(chapter: Chapter): Promise<AbbrPlan> {
  return abbrPlan(await readingSegments(chapter), await getAbbreviations());
}

/**
 * The abbreviations first used, on the page of the chapter that holds it, in a text block
 * ("Nơi nhận", signature): the block's component marks them.
 */
export async function getBlockAbbreviations(block: TextBlock): Promise<Abbreviation[]> {
  const holders = (await getChapters()).filter((c) => mdxBlocks(c.body ?? '').some((b) => b.kind === 'component' && b.name === block));
  const abbreviations = await getAbbreviations();
  return (await Promise.all(holders.map(async (c) => blockFirstUses(await readingSegments(c), abbreviations, block)))).flat();
}

/** The whole report's text in reading order: the chapters in turn, each footnote at its marker. */
export async function getReportSegments(): Promise<Segment[]> {
  return (await Promise.all((await getChapters()).map(readingSegments))).flat();
}

/** Where the report uses each abbreviation first, reading the chapters in order; by abbreviation id. */
export async function getAbbreviationFirstUses(): Promise<Map<string, FirstUse>> {
  return firstUses(await getReportSegments(), await getAbbreviations());
}

/** The chapters and footnotes as source links need them (src/figures/figures.ts). */
export async function getSourceIndex(): Promise<SourceIndex> {
  const [chapters, footnotes] = await Promise.all([getChapters(), getFootnotes()]);
  return sourceIndex(
    chapters.map((c) => ({ id: chapterFileId(c), data: c.data, body: c.body ?? '' })),
    footnotes,
  );
}

/**
 * Every relation of content/crosschecks.yaml, evaluated from the figures, in the order a
 * reader meets their numbers in the report.
 */
export async function getCrosscheckEvaluations(): Promise<Evaluation[]> {
  const [checks, figures, segments] = await Promise.all([getCollection('crosschecks'), getCollection('figures'), getReportSegments()]);
  const order = readingOrder(segments);
  /** Where a figure's quote stands in reading order: its segment, and how far into it. */
  const position = (f: Figure) => {
    const first = order.get(placeKey(f.source));
    if (first === undefined) throw new Error(`content/figures/figures.yaml: ${f.id}: its source is not in the report`);
    // A quote may run across a footnote marker, which cuts its paragraph into segments: look for its start.
    const head = f.quote.slice(0, 24);
    for (let i = first; i < segments.length; i++) {
      if (placeKey(segments[i].place) !== placeKey(f.source)) continue;
      const at = segments[i].text.indexOf(head);
      if (at >= 0) return i + at / (segments[i].text.length + 1);
    }
    return first;
  };
  const evaluations = evaluateAll(
    checks.map((c) => c.data),
    figures.map((f) => f.data),
  );
  return inReadingOrder(evaluations, position);
}

/**
 * The pages whose data an editor adds after the import, and whether each is built: the
 * figures page (content figures/figures.yaml), the targets page (indicators.yaml; its
 * address names the year planned for) and the cross-checks page (crosschecks.yaml).
 */
export interface SitePages {
  figures: string | null;
  targets: string | null;
  targetsCsv: string | null;
  crosschecks: string | null;
  /** The targets page's URL segment, e.g. "chi-tieu-2024". */
  targetsSlug: string;
}

let sitePagesOnce: Promise<SitePages> | undefined;
export function getSitePages(): Promise<SitePages> {
  sitePagesOnce ??= loadSitePages();
  return sitePagesOnce;
}

async function loadSitePages(): Promise<SitePages> {
  const [report, figures, indicators, crosschecks] = await Promise.all([getReport(), getCollection('figures'), getCollection('indicators'), getCollection('crosschecks')]);
  const slug = targetsSlug(report);
  return {
    figures: figures.length > 0 ? DATA_PATHS.figuresPage : null,
    targets: indicators.length > 0 ? DATA_PATHS.targetsPage(slug) : null,
    targetsCsv: indicators.length > 0 ? DATA_PATHS.indicatorsCsv(slug) : null,
    crosschecks: crosschecks.length > 0 && figures.length > 0 ? '/doi-chieu-so-lieu/' : null,
    targetsSlug: slug,
  };
}

/** This edition's numbers for the site's own sentences (src/i18n/vi.ts placeholders): years from report.yaml, counts from the content. */
export interface EditionParams {
  [key: string]: number;
  /** The year Part One reports results for. */
  result: number;
  /** The year Part Two plans for. */
  plan: number;
  /** How many footnotes the report has. */
  footnotes: number;
  /** How many main targets indicators.yaml lists. */
  targets: number;
}

export async function getEditionParams(): Promise<EditionParams> {
  const [report, footnotes, indicators] = await Promise.all([getReport(), getFootnotes(), getCollection('indicators')]);
  return { ...reportYears(report), footnotes: footnotes.length, targets: indicators.length };
}
