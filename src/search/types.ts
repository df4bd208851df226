/**
 * What the build writes for search and the browser reads:
 * - Pagefind's index, one record per passage (src/search/node/data.ts, passageRecord()):
 *   the content is the passage with đ written d plus a combining stroke (Pagefind folds
 *   marks, so that one search finds "đầu" and "dau"), the metadata where it stands;
 * - /search-data/lexicon.json: every folded word of the report (for words being typed
 *   and one-letter typos) and the abbreviations, both ways.
 */

/** One passage: a paragraph or heading of a chapter, or a footnote. */
export interface Passage {
  /** Chapter text: the permalink id ("p1-i-1-6-1-d2"). Footnote: "fn-<n>". */
  id: string;
  kind: 'content' | 'footnote';
  /** Footnote number, for footnotes. */
  n?: number;
  /** The chapter's slug (a footnote's: the chapter that carries its marker). */
  chapter: string;
  /** The chapter's part id. */
  part: string;
  /** "I.1 › 1.6.1", or for a footnote "I.1": where it stands. */
  where: string;
  /** The report's words, exactly. */
  text: string;
}

/** The metadata of a passage's Pagefind record (short keys: it is in every fragment). */
export interface PassageMeta {
  /** Where it stands. */
  w: string;
  /** Footnote number, for footnotes. */
  n?: string;
}

export interface Lexicon {
  /** Every folded word of the report (letters only), space-separated, sorted. */
  words: string;
  /** Abbreviations: [abbreviation as written, expansion]. */
  abbreviations: [string, string][];
}

export const DATA_DIR = 'search-data';
export const LEXICON_FILE = 'lexicon.json';
export const KIND_CONTENT = 'nội dung'; // = KINDS.content (src/search/results.ts)
export const KIND_FOOTNOTE = 'chú thích';

/**
 * /search-data/fragments.json: the text of every Pagefind record, keyed by its id (the
 * name of its fragment file), written at build time from Pagefind's own fragments
 * (src/search/node/fragments.ts). Downloaded once a session is warm (never for a first
 * query), so that the results of the next queries need no fragment download.
 */
export const FRAGMENTS_FILE = 'fragments.json';

/** One record: [url, content (đ written as in the index), meta.w, meta.n or ""]. */
export type StoredFragment = [url: string, content: string, where: string, n: string];

export type FragmentStore = Record<string, StoredFragment>;
