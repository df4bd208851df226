/**
 * Search in the browser: Pagefind (loaded on demand from /pagefind/) is the index, one
 * record per passage; this module asks it where each word of the query stands —
 * whole words, words it starts, one-letter typos (src/search/query.ts), exact marks —
 * and ranks the records with the scorer (src/search/score.ts). Only the records shown
 * have their text (Pagefind's fragment) downloaded; a fragment that fails to load drops
 * its own result and nothing else.
 */
import { alternatives, typoCandidates, type Alternative, type QueryWord } from '../query';
import { rank, type AlternativeHits, type Scored, type WordHits } from '../score';
import { bestSentence, markRanges, type Segment } from '../highlight';
import { decodeD, encodeD } from '../text';
import { DATA_DIR, LEXICON_FILE, type Lexicon } from '../types';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
}

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindData>;
}

interface PagefindInstance {
  init: () => Promise<void>;
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
  preload: (term: string) => Promise<void>;
}

const BASE = '/pagefind/';
let loading: Promise<PagefindInstance> | null = null;
let lexiconLoading: Promise<{ words: string[]; abbreviations: [string, string][] }> | null = null;

/** Loads pagefind.js and its index metadata once; a failed load is tried again next time. */
export function loadPagefind(): Promise<PagefindInstance> {
  loading ??= (async () => {
    const mod = (await import(/* @vite-ignore */ `${BASE}pagefind.js`)) as { createInstance: (o: Record<string, unknown>) => PagefindInstance };
    // The index is small: search on the main thread and save the worker's download.
    const instance = mod.createInstance({ basePath: BASE, noWorker: true });
    await instance.init();
    return instance;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Loads the lexicon (the report's words, the abbreviations) once. */
export function loadLexicon() {
  lexiconLoading ??= fetch(`/${DATA_DIR}/${LEXICON_FILE}`)
    .then((r) => {
      if (!r.ok) throw new Error(`${LEXICON_FILE}: HTTP ${r.status}`);
      return r.json() as Promise<Lexicon>;
    })
    .then((l) => ({ words: l.words.split(' '), abbreviations: l.abbreviations }))
    .catch((error: unknown) => {
      lexiconLoading = null;
      throw error;
    });
  return lexiconLoading;
}

let warming: Promise<void> | null = null;

/**
 * Once a first query has been answered on the search page, loads the rest of the index in the background
 * (Pagefind splits it by words: a word from each part of the lexicon reaches every
 * part), so that the next queries need no download. Not part of the first query's bytes.
 */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    const [pf, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
    const step = Math.max(1, Math.floor(lexicon.words.length / 12));
    for (let i = 0; i < lexicon.words.length; i += step) await pf.preload(lexicon.words[i]);
    // For tests and the benchmark: every part of the index is loaded.
    document.documentElement.dataset.searchWarm = 'true';
  })().catch(() => {
    warming = null;
  });
  return warming;
}

/** Starts downloading everything a first query needs. */
export function prefetch(): void {
  void loadPagefind().catch(() => undefined);
  void loadLexicon().catch(() => undefined);
}

export interface Ranked {
  scored: Scored[];
  results: Map<string, PagefindResult>;
  alternatives: Alternative[];
  /** Whether some passage has every word (of the query or of an abbreviation form). */
  anyAll: boolean;
  /** Whether some passage has them together, in order (always so for one word). */
  anyPhrase: boolean;
}

let queue: Promise<unknown> = Promise.resolve();
let latest = 0;
let exactMode = false;

/** Thrown for a search that a newer one replaced before it started: callers ignore it. */
export class StaleSearch extends Error {}

async function find(pf: PagefindInstance, term: string, filters: Record<string, string>, exact = false): Promise<PagefindResult[]> {
  if (exact !== exactMode) {
    await pf.options({ exactDiacritics: exact });
    exactMode = exact;
  }
  const found = (await pf.search(term, { filters }))?.results ?? [];
  // Records matched on their metadata only have no word positions: the text is what counts.
  return found.filter((r) => r.words.length > 0);
}

const toMap = (rs: PagefindResult[]) => new Map(rs.map((r) => [r.id, r.words]));

/** Pagefind's term for a word: quotes and backslashes would change its meaning. */
const term = (w: string) => w.replace(/["\\]/gu, '');

/** Whether some word of the (sorted) lexicon starts with `w`. */
export function startsAWord(lexicon: readonly string[], w: string): boolean {
  let lo = 0;
  let hi = lexicon.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lexicon[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo < lexicon.length && lexicon[lo].startsWith(w);
}

async function wordHits(pf: PagefindInstance, w: QueryWord, filters: Record<string, string>, lexicon: string[], all: Map<string, PagefindResult>): Promise<WordHits> {
  const number = /\d/u.test(w.folded);
  // Pagefind's plain search matches the words a term starts, but falls back to ever shorter
  // prefixes when none does: only a term that starts a word of the report is searched plain.
  const known = !number && startsAWord(lexicon, w.folded);
  const whole = number || known ? await find(pf, `"${term(w.folded)}"`, filters) : [];
  const plain = known ? await find(pf, term(w.folded), filters) : whole;
  let typo: PagefindResult[] = [];
  if (plain.length === 0 && !number) {
    for (const c of typoCandidates(w.folded, lexicon)) typo.push(...(await find(pf, `"${c}"`, filters)));
    const seen = new Set<string>();
    typo = typo.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }
  // The index writes đ as d with a stroke mark (src/search/text.ts): so must the exact search.
  const marked = w.marked && plain.length ? await find(pf, `"${term(encodeD(w.exact))}"`, filters, true) : null;
  for (const r of [...plain, ...typo]) all.set(r.id, r);
  const scored = marked && marked.length > 0 ? marked : [...plain, ...typo];
  return {
    whole: toMap(whole),
    any: toMap(plain),
    typo: toMap(typo),
    marked: marked ? toMap(marked) : null,
    score: new Map(scored.map((r) => [r.id, r.score])),
  };
}

/** The records that match `query` within `filters`, ranked. Searches run one at a time; only the newest waiting one runs. */
export function search(query: string, filters: Record<string, string>): Promise<Ranked> {
  const mine = ++latest;
  const run = async (): Promise<Ranked> => {
    // Searches run one at a time; one still waiting when a newer one comes is skipped.
    if (mine !== latest) throw new StaleSearch();
    const [pf, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
    const alts = alternatives(query, lexicon.abbreviations);
    const results = new Map<string, PagefindResult>();
    const cache = new Map<string, WordHits>();
    const hits: AlternativeHits[] = [];
    for (const alt of alts) {
      const words: WordHits[] = [];
      for (const w of alt.words) {
        const key = `${w.folded}|${w.marked ? w.exact : ''}`;
        if (!cache.has(key)) cache.set(key, await wordHits(pf, w, filters, lexicon.words, results));
        words.push(cache.get(key)!);
      }
      hits.push({ literal: alt.literal, words });
    }
    const scored = rank(hits);
    return { scored, results, alternatives: alts, anyAll: scored.some((s) => s.all), anyPhrase: scored.some((s) => s.all && s.phrase) };
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** A result as shown: what it is, where it leads, its best-matching sentence with marks. */
export interface Shown {
  kind: 'content' | 'footnote';
  /** "Chú thích 13 · I.1" or "I.1 › 1.6.1" (footnote label made by the caller). */
  where: string;
  n: number | null;
  /** The record's URL: the passage in its chapter. */
  url: string;
  segments: Segment[];
}

/** The text of a ranked record, with the marks; throws if its fragment cannot be loaded. */
export async function present(ranked: Ranked, id: string): Promise<Shown> {
  const result = ranked.results.get(id);
  if (!result) throw new Error(`no result ${id}`);
  const data = await result.data();
  const text = decodeD(data.content);
  const ranges = markRanges(text, ranked.alternatives);
  const n = data.meta.n ? Number(data.meta.n) : null;
  return { kind: n ? 'footnote' : 'content', where: data.meta.w ?? '', n, url: data.url, segments: bestSentence(text, ranges) };
}
