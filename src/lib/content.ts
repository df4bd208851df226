/**
 * The one place that queries the content collections. Pages call these helpers and
 * pass typed data down to components.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Footnote } from '../schemas/footnote';
import type { Report } from '../schemas/report';
import { footnoteRefs } from './mdx-text';
import { chapterOutline, type ChapterOutline } from './outline';
import { figureData, sourceIndex, type FigureData } from './figures';

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
  if (!entry) throw new Error('content/report.yaml: no report metadata');
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
  return `/${chapter.data.slug}/${hash ? `#${hash}` : ''}`;
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
  const [chapters, footnotes, figures, charts, indicators] = await Promise.all([
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
  );
}
