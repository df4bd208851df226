/**
 * What a query asks for: its words (folded), and the other ways of saying it that the
 * abbreviations of the report give, both ways ("bao hiem xa hoi" ↔ "BHXH").
 */
import { fold, hasDiacritics, tokens } from './text';

export interface QueryWord {
  /** Folded ("dau"). */
  folded: string;
  /** As typed, lower case ("đầu"). */
  exact: string;
  /** Whether the reader typed marks or đ in it. */
  marked: boolean;
}

export interface Alternative {
  words: QueryWord[];
  /** The query as typed (true), or with an abbreviation swapped for its expansion or back. */
  literal: boolean;
  /**
   * Of a swapped form: the words the swap brought, words[start] to words[end - 1]. They are
   * one name ("hội đồng nhân dân" for "hdnd"), so they count only all together, in order and
   * close (src/search/score.ts, broughtRuns): "nhân" alone, or the four words scattered over
   * a paragraph, is not "HĐND".
   */
  brought?: { start: number; end: number };
}

function word(raw: string): QueryWord {
  const exact = raw.toLowerCase().normalize('NFC');
  return { folded: fold(raw), exact, marked: hasDiacritics(raw) };
}

/** Where `needle` stands in `hay` as a run, or -1. */
function indexOfRun(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The most alternatives a query has besides itself. */
const MAX_ALTERNATIVES = 3;

type Abbreviations = readonly (readonly [string, string])[];

/** An abbreviation and its expansion as words: [abbreviation, expansion], each [raw, folded]. */
type AbbreviationWords = [[string[], string[]], [string[], string[]]];

/** The abbreviations' words, made once per list (a query is searched at each keystroke). */
const abbreviationWords = new WeakMap<Abbreviations, AbbreviationWords[]>();

function wordsOf(abbreviations: Abbreviations): AbbreviationWords[] {
  let out = abbreviationWords.get(abbreviations);
  if (!out) {
    const split = (s: string): [string[], string[]] => {
      const raw = tokens(s).map((t) => t.raw);
      return [raw, raw.map(fold)];
    };
    out = abbreviations.map(([abbr, expansion]) => [split(abbr), split(expansion)]);
    abbreviationWords.set(abbreviations, out);
  }
  return out;
}

/** The query's words, then its other forms through the abbreviations. */
export function alternatives(text: string, abbreviations: Abbreviations): Alternative[] {
  const words = tokens(text).map((t) => word(t.raw));
  const out: Alternative[] = [{ words, literal: true }];
  if (words.length === 0) return out;
  const folded = words.map((w) => w.folded);
  const seen = new Set([folded.join(' ')]);
  for (const [a, e] of wordsOf(abbreviations)) {
    for (const [from, to] of [
      [e, a],
      [a, e],
    ]) {
      if (from[0].length === 0) continue;
      const at = indexOfRun(folded, from[1]);
      if (at < 0) continue;
      const swapped = [...words.slice(0, at), ...to[0].map(word), ...words.slice(at + from[0].length)];
      const key = swapped.map((w) => w.folded).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ words: swapped, literal: false, brought: { start: at, end: at + to[0].length } });
      if (out.length > MAX_ALTERNATIVES) return out;
    }
  }
  return out;
}

/** Where `w` is, or would be, in the (sorted) lexicon. */
function lowerBound(lexicon: readonly string[], w: string): number {
  let lo = 0;
  let hi = lexicon.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lexicon[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether some word of the (sorted) lexicon starts with `w`. */
export function startsAWord(lexicon: readonly string[], w: string): boolean {
  const at = lowerBound(lexicon, w);
  return at < lexicon.length && lexicon[at].startsWith(w);
}

/** Whether `w` is a word of the (sorted) lexicon. */
export function isAWord(lexicon: readonly string[], w: string): boolean {
  return lexicon[lowerBound(lexicon, w)] === w;
}

/** Whether some longer word of the (sorted) lexicon starts with `w` ("tu": "tuyen"; "dau": none). */
export function startsALongerWord(lexicon: readonly string[], w: string): boolean {
  let at = lowerBound(lexicon, w);
  if (lexicon[at] === w) at++;
  return at < lexicon.length && lexicon[at].startsWith(w);
}

/** The fewest letters a word has to match as the start of longer words (the engine and the highlighter). */
export const MIN_PREFIX = 2;

/** Optimal-string-alignment distance ≤ 1: one letter added, dropped, changed, or two swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words of the lexicon one edit from `w` (a typo's likely meaning); none for words under 4 letters. */
export function typoCandidates(w: string, lexicon: readonly string[], max = 4): string[] {
  if (w.length < 4 || /\d/u.test(w)) return [];
  const out: string[] = [];
  for (const v of lexicon) {
    if (v !== w && v.length >= 3 && withinOneEdit(w, v)) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The queries the engine runs once, in the background, when a session warms up
 * (engine.ts, prime()), so that the reader's next query does not pay for compiling the
 * code it goes through: the abbreviation whose expansion has the most words (the first
 * such), typed as readers type it (lower case), its expansion as written, and its
 * expansion without marks. Between them they take every path of a query: an
 * abbreviation's words brought and searched together, words typed with and without
 * marks, a phrase, and the abbreviation found back from its words. None when there is
 * no abbreviation of two words or more.
 */
export function primingQueries(abbreviations: Abbreviations): string[] {
  let best: AbbreviationWords | null = null;
  for (const w of wordsOf(abbreviations)) if (w[1][0].length > (best?.[1][0].length ?? 1)) best = w;
  if (!best) return [];
  const [[abbr], [expansion, folded]] = best;
  return [abbr.join(' ').toLowerCase(), expansion.join(' '), folded.join(' ')];
}
