/**
 * A reader's query, parsed, and the Pagefind searches that answer it.
 *
 * Pagefind folds tone marks but not đ, and ranks by term weight, not by word order.
 * So one query becomes a few Pagefind searches, each in a tier:
 * - "exact": the query as typed, with exactDiacritics (only when it has marks or đ);
 * - "phrase": each d/đ spelling of the query as a quoted phrase (words in order);
 * - "loose": each d/đ spelling as separate words.
 * Results rank by tier first (exact diacritics, then phrase, then loose), then score.
 */
import { dVariants, hasDiacritics, lowerExact, stripPunctuation } from './fold';

export interface ParsedQuery {
  /** The query as typed, trimmed, with runs of whitespace collapsed. */
  text: string;
  /**
   * Groups of words that must appear one after another: a quoted phrase is one group,
   * a word outside quotes a group of one. Words are lower case, marks kept,
   * punctuation removed ("8,16" → "816").
   */
  groups: string[][];
  /** True when the whole query is one quoted phrase. */
  phrase: boolean;
  /**
   * True when the last group is one word outside quotes: the reader may still be typing
   * it, so it matches the words it starts ("compo" finds "compost"). Every other word
   * matches whole words only.
   */
  prefixLast: boolean;
}

export type Tier = 'exact' | 'phrase' | 'loose';

export interface PlannedSearch {
  /** The term passed to Pagefind's search(). */
  term: string;
  /** Whether Pagefind's exactDiacritics option is on for it. */
  exactDiacritics: boolean;
  tier: Tier;
}

const QUOTES = /[“”„‟«»"]/gu;

function queryWords(text: string): string[] {
  return text
    .split(/\s+/u)
    .map((w) => stripPunctuation(lowerExact(w)))
    .filter((w) => w.length > 0);
}

/** Parses what the reader typed. Unbalanced quotes quote to the end of the query. */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.replace(/\s+/gu, ' ').trim();
  const unified = text.replace(QUOTES, '"');
  const groups: string[][] = [];
  let lastQuoted = false;
  const pieces = unified.split('"');
  pieces.forEach((piece, i) => {
    const words = queryWords(piece);
    if (words.length === 0) return;
    lastQuoted = i % 2 === 1;
    if (lastQuoted) groups.push(words);
    else for (const w of words) groups.push([w]);
  });
  const phrase = /^"[^"]+"?$/u.test(unified) && groups.length === 1;
  return { text, groups, phrase, prefixLast: groups.length > 0 && !lastQuoted };
}

/** All the query's words in order. */
export function queryWordList(query: ParsedQuery): string[] {
  return query.groups.flat();
}

/** The d/đ spellings of a list of words, the typed one first, at most `max` of them. */
export function spellings(words: string[], max = 8): string[][] {
  let out: string[][] = [[]];
  for (const word of words) {
    const next: string[][] = [];
    for (const variant of dVariants(word)) for (const prefix of out) next.push([...prefix, variant]);
    out = next.slice(0, max);
  }
  return out;
}

const quote = (words: string[]) => `"${words.join(' ')}"`;

/**
 * What a record must hold to match, one entry per group of the query, each answered by
 * the union of Pagefind searches for its d/đ spellings: a quoted search (whole words,
 * in order) for a phrase or a finished word, a plain one (words it starts) for the
 * word being typed. A record matches when it is in every entry's results.
 */
export interface Requirement {
  /** The group's words. */
  words: string[];
  /** Pagefind terms whose results, together, answer the requirement. */
  terms: string[];
  /** True for the word being typed: Pagefind's plain search, which can fall back to shorter prefixes. */
  prefix: boolean;
}

export function requirements(query: ParsedQuery, maxSpellings = 8): Requirement[] {
  return query.groups.map((group, i) => {
    const prefix = query.prefixLast && i === query.groups.length - 1;
    const all = spellings(group, maxSpellings);
    return { words: group, terms: prefix ? all.map((s) => s[0]) : all.map(quote), prefix };
  });
}

/** The Pagefind searches that rank a query's results, best tier first; none for an empty query. */
export function planSearches(query: ParsedQuery, maxSpellings = 8): PlannedSearch[] {
  const words = queryWordList(query);
  if (words.length === 0) return [];
  const plans: PlannedSearch[] = [];
  if (hasDiacritics(words.join(' '))) {
    plans.push({ term: query.phrase ? quote(words) : words.join(' '), exactDiacritics: true, tier: 'exact' });
  }
  const all = spellings(words, maxSpellings);
  if (words.length > 1 || query.phrase) {
    for (const s of all) plans.push({ term: quote(s), exactDiacritics: false, tier: 'phrase' });
  }
  if (!query.phrase) {
    for (const s of all) plans.push({ term: s.join(' '), exactDiacritics: false, tier: 'loose' });
  }
  return plans;
}
