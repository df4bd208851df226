/**
 * The text rules every part of search shares (the index built in Node, the scorer, the
 * highlighter in the browser):
 * - normaliseQuery(): what a typed or linked query becomes before anything else — NFC,
 *   bidi controls, NUL and every other control or format character removed, white space
 *   collapsed, cut to QUERY_MAX characters;
 * - tokens(): the words of a text with where they stand, numbers kept whole ("13.144",
 *   "8,16"), everything else (punctuation, emoji, symbols) a separator;
 * - fold(): case, tone marks, vowel marks and đ/d ignored ("đầu tư" → "dau tu").
 */
export { fold, lowerExact, hasDiacritics } from '../core/fold';
import { fold } from '../core/fold';

/** The longest query, in characters; the rest is cut, with a note (and the URL keeps the same). */
export const QUERY_MAX = 200;

/**
 * The fewest characters a query typed into a search box has before it is searched as
 * the reader types: one letter starts half the report's words, and searching them would
 * hold up the next keystroke. Enter, or a link, searches a shorter query.
 */
export const MIN_CHARS = 2;

/** Control (Cc), format (Cf: bidi overrides, zero-width characters), surrogates, private use and unassigned. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

export interface NormalisedQuery {
  /** The query as searched and shown. */
  text: string;
  /** Whether it was cut to QUERY_MAX characters. */
  truncated: boolean;
}

/** The one normalisation of a query, typed or from a URL. */
export function normaliseQuery(raw: string): NormalisedQuery {
  const clean = raw.normalize('NFC').replace(INVISIBLE, ' ').replace(/\s+/gu, ' ').trim();
  const chars = [...clean];
  if (chars.length <= QUERY_MAX) return { text: clean, truncated: false };
  return { text: chars.slice(0, QUERY_MAX).join('').trim(), truncated: true };
}

/** A word of a text: where it starts and ends (UTF-16 offsets) and its forms. */
export interface Token {
  start: number;
  end: number;
  /** As written. */
  raw: string;
  /** Lower case, every mark kept. */
  exact: string;
  /** Folded: lower case, no marks, đ → d. */
  folded: string;
}

/** Letters and digits; a number keeps its inner "." and "," ("13.144", "8,16"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*/gu;

/** The words of a text, in order. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const exact = raw.toLowerCase().normalize('NFC');
    out.push({ start: m.index, end: m.index + raw.length, raw, exact, folded: fold(raw) });
  }
  return out;
}

/** The folded words of a text. */
export function foldedWords(text: string): string[] {
  return tokens(text).map((t) => t.folded);
}

/** What kind of query a normalised text is: nothing typed, nothing but punctuation/symbols, or words. */
export function queryKind(text: string): 'empty' | 'punctuation' | 'words' {
  if (text.trim() === '') return 'empty';
  return tokens(text).length === 0 ? 'punctuation' : 'words';
}

/**
 * đ/Đ as the index writes them: d/D followed by U+0335 (combining short stroke overlay).
 * Pagefind folds combining marks away, so that "dau" finds "đầu", and keeps the exact
 * form for its exact-diacritics search; the report's text comes back exactly.
 */
const STROKE = '\u0335';

/** The text with đ/Đ written d/D plus a stroke mark (see above). */
export function encodeD(text: string): string {
  return text.replace(/đ/gu, `d${STROKE}`).replace(/Đ/gu, `D${STROKE}`);
}

/** The text of encodeD() back. */
export function decodeD(content: string): string {
  return content.replace(/d\u0335/gu, 'đ').replace(/D\u0335/gu, 'Đ');
}
