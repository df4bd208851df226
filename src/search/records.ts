/**
 * What the search index holds, decided at build time:
 * - each chapter page, through its <article data-pagefind-body>, with the filters and
 *   metadata below carried by empty elements (see components/search/SearchRecord.astro);
 * - each footnote as a record of its own, whose URL is its marker in its chapter.
 * Every record has the filters `kind` (nội dung / chú thích), `part` (a part's id) and
 * `chapter` (a chapter's slug), and the metadata `chapter` (the chapter's name).
 * The site's own pages that hold a data-pagefind-body (e.g. /chu-viet-tat/) are records
 * of the kind "trang tra cứu", with no part or chapter: a scope narrower than the whole
 * report leaves them out.
 */
import type { PartId } from '../schemas/chapter';
import { KINDS } from './results';
import { chapterPath } from '../core/slug';

/** A chapter as search needs it. */
export interface SearchChapter {
  /** URL path without slashes at either end, e.g. "phan-thu-nhat/i-1-linh-vuc-kinh-te". */
  slug: string;
  part: PartId;
  /** The chapter's name in navigation, e.g. "I.1. Lĩnh vực kinh tế". */
  label: string;
  /** The footnote numbers whose markers stand in the chapter. */
  footnotes: number[];
}

/** A record for Pagefind's addCustomRecord(). */
export interface FootnoteRecord {
  url: string;
  content: string;
  language: 'vi';
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export { chapterPath };

/** The filters of a chapter page's record. */
export function chapterFilters(chapter: Pick<SearchChapter, 'slug' | 'part'>): Record<string, string> {
  return { kind: KINDS.content, part: chapter.part, chapter: chapter.slug };
}

/** The filters of a site page's record (a page that is not a chapter). */
export function pageFilters(): Record<string, string> {
  return { kind: KINDS.page };
}

/** The metadata of a chapter page's record. */
export function chapterMeta(chapter: Pick<SearchChapter, 'label'>): Record<string, string> {
  return { chapter: chapter.label };
}

/** A footnote's record: its text, at its marker ("#fnref-N") in its chapter. */
export function footnoteRecord(footnote: { n: number; text: string }, chapter: SearchChapter, title: string): FootnoteRecord {
  return {
    url: chapterPath(chapter.slug, `fnref-${footnote.n}`),
    content: footnote.text,
    language: 'vi',
    meta: { title, chapter: chapter.label, n: String(footnote.n) },
    filters: Object.fromEntries(Object.entries(chapterFilters(chapter)).map(([k, v]) => [k, [k === 'kind' ? KINDS.footnote : v]])),
  };
}

/** For each footnote number, the chapter whose text carries its marker. */
export function footnoteChapters(chapters: SearchChapter[]): Map<number, SearchChapter> {
  const map = new Map<number, SearchChapter>();
  for (const c of chapters) for (const n of c.footnotes) map.set(n, c);
  return map;
}

export interface IndexCounts {
  chapters: number;
  footnotes: number;
}

/**
 * What is wrong with an index that holds `indexed` records when the content has
 * `expected` chapters and footnotes and the report `minFootnotes`: one sentence per
 * problem, none when all is well.
 */
export function countProblems(expected: IndexCounts, indexed: IndexCounts, minFootnotes: number): string[] {
  const problems: string[] = [];
  if (expected.chapters === 0) problems.push('there are no chapters to index');
  if (indexed.chapters < expected.chapters) problems.push(`indexed ${indexed.chapters} chapters of ${expected.chapters}`);
  if (indexed.footnotes < expected.footnotes) problems.push(`indexed ${indexed.footnotes} footnotes of ${expected.footnotes}`);
  if (indexed.footnotes < minFootnotes) problems.push(`indexed ${indexed.footnotes} footnotes, fewer than the report's ${minFootnotes}`);
  return problems;
}
