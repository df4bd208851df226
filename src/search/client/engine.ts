/**
 * Search in the browser: Pagefind (loaded on demand from /pagefind/) is the index, one
 * record per passage; this module asks it where each word of the query stands —
 * whole words, words it starts, one-letter typos (src/search/query.ts), exact marks —
 * and ranks the records with the scorer (src/search/score.ts). Only the records shown
 * have their text (Pagefind's fragment) downloaded; a fragment that fails to load drops
 * its own result and nothing else.
 *
 * Warm queries (what a reader types next) stay fast: each Pagefind search is kept, by
 * term, filters and exact marks, and so are a word's hits made from them (the scorer keeps
 * what it works out from those), so that a query typed letter by letter searches and ranks
 * afresh only its newest word; the words of a query are searched together, not one after
 * another; a search that a newer query has replaced stops at its next step; and once a
 * session is warm, the text of every record is at hand (/search-data/fragments.json, one
 * download after the first results), so that showing a result fetches nothing; which
 * records have a word whole is read from their text (one Pagefind search for the word, not
 * a second, quoted one); and the words an abbreviation brings ("hội đồng nhân dân" for
 * "hdnd") are searched together, once, their positions told apart with the text
 * (src/search/merged.ts); and the code a query goes through is compiled in the background
 * by a few queries run unseen as the session warms up (prime()), not by the reader's next
 * query.
 */
import { alternatives, isAWord, MIN_PREFIX, primingQueries, startsALongerWord, startsAWord, typoCandidates, type Alternative, type QueryWord } from '../query';
import { rank, type AlternativeHits, type Scored, type WordHits } from '../score';
import { bestSentence, markRanges, sentencesOf, type Range, type Segment } from '../highlight';
import { splitMerged } from '../merged';
import { decodeD, encodeD, tokens, type Token } from '../text';
import { DATA_DIR, FRAGMENTS_FILE, LEXICON_FILE, type FragmentStore, type Lexicon } from '../types';

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
/** Every record's text, once warm (null before, and if it could not load: fragments are fetched one by one then). */
let fragments: FragmentStore | null = null;

async function loadFragmentStore(): Promise<void> {
  const r = await fetch(`/${DATA_DIR}/${FRAGMENTS_FILE}`);
  if (!r.ok) throw new Error(`${FRAGMENTS_FILE}: HTTP ${r.status}`);
  const store = (await r.json()) as FragmentStore;
  await prepareTexts(store);
  fragments = store;
}

/**
 * Once a first query has been answered on the search page, loads the rest of the index in the background
 * (Pagefind splits it by words: a word from each part of the lexicon reaches every
 * part), and the text of every record (about 32 KB gzip), so that the next queries need
 * no download. Not part of the first query's bytes.
 */
export function warmUp(): Promise<void> {
  warming ??= (async () => {
    const [pf, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
    const store = loadFragmentStore().catch((error: unknown) => console.warn('search: no fragment store, fragments load one by one', error));
    const step = Math.max(1, Math.floor(lexicon.words.length / 12));
    const parts: Promise<void>[] = [];
    for (let i = 0; i < lexicon.words.length; i += step) parts.push(pf.preload(lexicon.words[i]));
    await Promise.all([...parts, store]);
    // The code a query goes through, compiled (only with every record's text at hand: else showing a result fetches its fragment).
    if (fragments) await prime(lexicon.abbreviations).catch((error: unknown) => void (error instanceof StaleSearch || console.warn('search: priming failed', error)));
    // For tests and the benchmark: every part of the index is loaded, and the code compiled.
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

/**
 * When a keystroke is already waiting (navigator.scheduling.isInputPending(), where the
 * browser has it), lets it be handled first: scheduler.yield() puts the rest of the task
 * ahead of other tasks, but after input, so that a search or a list of results that the
 * keystroke replaces is found stale before it costs anything. With no input waiting, it
 * goes on at once: giving the turn away for nothing would put the results a frame later.
 */
export function yieldToInput(): Promise<void> {
  const scheduling = (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  if (!scheduling?.isInputPending?.()) return Promise.resolve();
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

let queue: Promise<unknown> = Promise.resolve();
let latest = 0;
let exactMode = false;

/** Thrown for a search that a newer one replaced (before it started, or at one of its steps): callers ignore it. */
export class StaleSearch extends Error {}

/** Pagefind searches kept (term, filters, exact marks → records), the oldest dropped first beyond this many. */
const KEPT_SEARCHES = 400;
const kept = new Map<string, Promise<PagefindResult[]>>();
/** Pagefind searches run (not answered from those kept): tests read the count from <html data-search-pagefind-searches>. */
let pagefindSearches = 0;

/**
 * Pagefind's exact-marks option is one switch for the whole instance: a step's searches
 * all run in one mode (folded, or exact), the switch set before they start.
 */
async function setMode(pf: PagefindInstance, exact: boolean): Promise<void> {
  if (exact === exactMode) return;
  exactMode = exact;
  await pf.options({ exactDiacritics: exact });
}

/** What `map` keeps for `key`, else what `make` makes, kept; beyond KEPT_SEARCHES, the least recently used is dropped, and a failure is not kept. */
function keep<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let found = map.get(key);
  if (found) {
    // The most recently used last: the first ones are dropped first.
    map.delete(key);
    map.set(key, found);
    return found;
  }
  found = make();
  map.set(key, found);
  found.catch(() => map.delete(key));
  if (map.size > KEPT_SEARCHES) map.delete(map.keys().next().value!);
  return found;
}

/** The records where `term` stands, in the mode set (setMode); kept for the next queries. */
function find(pf: PagefindInstance, term: string, filters: Record<string, string>, exact = false): Promise<PagefindResult[]> {
  if (exact !== exactMode) throw new Error(`search: "${term}" searched in the wrong mode`);
  return keep(kept, `${exact ? 'exact' : 'folded'}\u0000${term}\u0000${JSON.stringify(filters)}`, () => {
    pagefindSearches++;
    document.documentElement.dataset.searchPagefindSearches = String(pagefindSearches);
    return pf.search(term, { filters }).then((r) =>
      // Records matched on their metadata only have no word positions: the text is what counts.
      (r?.results ?? []).filter((x) => x.words.length > 0),
    );
  });
}

const toMap = (rs: PagefindResult[]) => new Map(rs.map((r) => [r.id, r.words]));

/** Pagefind's term for a word: quotes and backslashes would change its meaning. */
const term = (w: string) => w.replace(/["\\]/gu, '');

/** A word's folded matches: whole words, words it starts, and (when neither) one-letter typos. */
interface FoldedHits {
  whole: PagefindResult[];
  plain: PagefindResult[];
  typo: PagefindResult[];
}

/**
 * Runs in folded mode. `typed`: a word the reader typed, searched as a whole word, as the
 * start of words, and (when neither is found) with one-letter typos; a word that only an
 * abbreviation's other form brings ("hội đồng nhân dân" for "hdnd") matches as a whole
 * word only (its prefixes and typos would only add noise, and searches), at every place
 * it stands.
 */
function foldedHits(pf: PagefindInstance, w: QueryWord, filters: Record<string, string>, lexicon: string[], typed = true): Promise<FoldedHits> {
  // Kept like the searches it is made of: the words of a query typed letter by letter come back at each keystroke.
  return keep(keptFolded, `${typed ? 'typed' : 'brought'}\u0000${w.folded}\u0000${JSON.stringify(filters)}`, () => searchFolded(pf, w, filters, lexicon, typed));
}

/** A word's folded hits, kept by foldedHits(). */
const keptFolded = new Map<string, Promise<FoldedHits>>();

async function searchFolded(pf: PagefindInstance, w: QueryWord, filters: Record<string, string>, lexicon: string[], typed: boolean): Promise<FoldedHits> {
  const number = /\d/u.test(w.folded);
  // Pagefind's plain search matches the words a term starts, but falls back to ever shorter
  // prefixes when none does: only a term that starts a word of the report is searched plain,
  // and only from MIN_PREFIX letters (one letter starts a good part of the report's words,
  // and the highlighter marks no shorter prefix). Only a word of the report is searched
  // whole: a word being typed ("t" of "dau t") would find nothing, and fetch the index
  // chunk where it would stand. The lexicon holds every word of the index but numbers.
  const known = !number && startsAWord(lexicon, w.folded);
  const asWhole = number || (known && isAWord(lexicon, w.folded));
  // A word brought by an abbreviation is searched plain too, but only for the positions:
  // a quoted search gives only a record's first position, and "hội" of "hội đồng nhân
  // dân" may stand earlier in the passage ("xã hội") than in the phrase.
  const asPrefix = known && w.folded.length >= MIN_PREFIX && (typed || asWhole);
  // A word of the report that starts no longer one ("dau", "cong", not "tu"): its plain
  // search finds the same records as the whole-word one, with every position, so it is
  // searched once, plain.
  const alone = asWhole && asPrefix && !startsALongerWord(lexicon, w.folded);
  // Once every record's text is at hand (a warm session), which records have the word
  // whole is read from their text, among those the plain search found: one search, not two.
  const fromText = asWhole && asPrefix && !alone && fragments !== null;
  const [whole, found] = alone
    ? await find(pf, term(w.folded), filters).then((all) => [all, all] as const)
    : fromText
      ? await find(pf, term(w.folded), filters).then((all) => [all.filter((r) => hasWholeWord(r.id, w.folded)), all] as const)
      : await Promise.all([asWhole ? find(pf, `"${term(w.folded)}"`, filters) : [], asPrefix ? find(pf, term(w.folded), filters) : null]);
  // A brought word matches whole only: of its plain search, the records that have it whole.
  const wholeIds = typed || alone ? null : new Set(whole.map((r) => r.id));
  const plain = found && wholeIds ? found.filter((r) => wholeIds.has(r.id)) : found;
  let typo: PagefindResult[] = [];
  if ((plain ?? whole).length === 0 && !number && typed) {
    typo = (await Promise.all(typoCandidates(w.folded, lexicon).map((c) => find(pf, `"${c}"`, filters)))).flat();
    const seen = new Set<string>();
    typo = typo.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }
  return { whole, plain: plain ?? whole, typo };
}

/** The hits of the words an abbreviation brings, and the records they were found in. */
interface BroughtHits {
  words: WordHits[];
  results: PagefindResult[];
}

/** Brought words' hits, kept like the searches they come from (null: searched word by word). */
const keptBrought = new Map<string, Promise<BroughtHits | null>>();

/**
 * Runs in folded mode, once the session is warm. The words an abbreviation's other form
 * brings ("hội đồng nhân dân" for "hdnd") count only all together (src/search/score.ts,
 * orderedRuns): one Pagefind search of them all finds the records that have them all, and
 * each word's positions are told apart with the record's text (src/search/merged.ts).
 * Each word counts whole, as a brought word does. One search, not one or two per word;
 * null (search word by word) when some record's words and Pagefind's positions disagree.
 */
function broughtHits(pf: PagefindInstance, words: QueryWord[], filters: Record<string, string>): Promise<BroughtHits | null> {
  const folded = words.map((w) => w.folded);
  return keep(keptBrought, `${folded.join(' ')}\u0000${JSON.stringify(filters)}`, async () => {
    const found = await find(pf, folded.map(term).join(' '), filters);
    const made = folded.map(() => ({ whole: new Map<string, number[]>(), any: new Map<string, number[]>(), score: new Map<string, number>() }));
    const results: PagefindResult[] = [];
    for (const r of found) {
      const stored = fragments?.[r.id];
      const split = stored ? splitMerged(r.words, textOf(r.id, stored[1]).tokens.map((t) => t.folded), folded) : null;
      if (!split) return null;
      // A brought word counts only whole: a record where one of them only starts longer words is not one of its.
      if (split.some((p) => p.whole.length === 0)) continue;
      results.push(r);
      split.forEach((p, k) => {
        made[k].whole.set(r.id, p.whole);
        made[k].any.set(r.id, p.any);
        made[k].score.set(r.id, r.score);
      });
    }
    return { words: made.map((m) => ({ ...m, typo: new Map<string, number[]>(), marked: null })), results };
  });
}

/** A word's hits as the scorer reads them, made once for its folded hits and exact-marks records (both kept): the scorer keeps what it works out from them (src/search/score.ts). */
const keptWordHits = new WeakMap<FoldedHits, Map<PagefindResult[] | null, WordHits>>();

function wordHits(f: FoldedHits, marked: PagefindResult[] | null): WordHits {
  let byMarked = keptWordHits.get(f);
  if (!byMarked) keptWordHits.set(f, (byMarked = new Map()));
  let hits = byMarked.get(marked);
  if (!hits) {
    const scored = marked && marked.length > 0 ? marked : [...f.plain, ...f.typo];
    hits = {
      whole: toMap(f.whole),
      any: toMap(f.plain),
      typo: toMap(f.typo),
      marked: marked ? toMap(marked) : null,
      score: new Map(scored.map((r) => [r.id, r.score])),
    };
    byMarked.set(marked, hits);
  }
  return hits;
}

/** The records that match `query` within `filters`, ranked. Searches run one at a time; only the newest waiting one runs. */
export function search(query: string, filters: Record<string, string>): Promise<Ranked> {
  const mine = ++latest;
  const stale = () => {
    if (mine !== latest) throw new StaleSearch();
  };
  // Searches run one at a time; one still waiting when a newer one comes is skipped, and
  // so is one whose next keystroke is already waiting.
  return inTurn(async () => {
    stale();
    await yieldToInput();
    stale();
    return rankQuery(query, filters, stale);
  });
}

/** Runs `task` once the searches before it have ended (Pagefind's exact-marks switch is the instance's: see setMode). */
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** The records that match `query` within `filters`, ranked; `stale` throws (StaleSearch) at each step once the search is no longer wanted. */
async function rankQuery(query: string, filters: Record<string, string>, stale: () => void): Promise<Ranked> {
  const [pf, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
  stale();
  const alts = alternatives(query, lexicon.abbreviations);
  /** The words the reader typed (the literal form): only these count their diacritics, prefixes and typos. */
  const typed = new Set(alts.filter((a) => a.literal).flatMap((a) => a.words.map((w) => w.folded)));
  /** Once warm, the words each abbreviation's form brings, searched together (broughtHits). */
  const together = (alt: Alternative) => (fragments !== null && alt.brought && alt.brought.end - alt.brought.start > 1 ? alt.brought : null);
  const broughtOf = (alt: Alternative) => alt.words.slice(together(alt)!.start, together(alt)!.end);
  await setMode(pf, false);
  const groups = new Map(await Promise.all(alts.filter(together).map(async (alt) => [alt, await broughtHits(pf, broughtOf(alt), filters)] as const)));
  // Every other word of every form once: folded first (all words together), then the exact marks.
  const words = new Map<string, QueryWord>();
  for (const alt of alts) {
    const group = groups.get(alt) ? together(alt) : null;
    alt.words.forEach((w, k) => {
      if (!group || k < group.start || k >= group.end || typed.has(w.folded)) words.set(w.folded, w);
    });
  }
  const folded = new Map(await Promise.all([...words.values()].map(async (w) => [w.folded, await foldedHits(pf, w, filters, lexicon.words, typed.has(w.folded))] as const)));
  stale();
  const exactWords = new Map<string, QueryWord>();
  for (const w of alts.flatMap((a) => a.words)) if (w.marked && typed.has(w.folded) && folded.get(w.folded)!.plain.length > 0) exactWords.set(w.exact, w);
  const marked = new Map<string, PagefindResult[]>();
  if (exactWords.size > 0) {
    await setMode(pf, true);
    try {
      // The index writes đ as d with a stroke mark (src/search/text.ts): so must the exact search.
      for (const [exact, found] of await Promise.all([...exactWords.keys()].map(async (e) => [e, await find(pf, `"${term(encodeD(e))}"`, filters, true)] as const))) marked.set(exact, found);
    } finally {
      await setMode(pf, false);
    }
    stale();
  }
  const results = new Map<string, PagefindResult>();
  const cache = new Map<string, WordHits>();
  const hits: AlternativeHits[] = alts.map((alt) => ({
    literal: alt.literal,
    brought: alt.brought,
    words: alt.words.map((w, k) => {
      const group = groups.get(alt);
      if (group) {
        const { start, end } = alt.brought!;
        if (k >= start && k < end) {
          for (const r of group.results) results.set(r.id, r);
          return group.words[k - start];
        }
      }
      const key = `${w.folded}|${w.marked ? w.exact : ''}`;
      if (!cache.has(key)) {
        const f = folded.get(w.folded)!;
        for (const r of [...f.plain, ...f.typo]) results.set(r.id, r);
        cache.set(key, wordHits(f, w.marked ? (marked.get(w.exact) ?? null) : null));
      }
      return cache.get(key)!;
    }),
  }));
  const scored = rank(hits);
  return { scored, results, alternatives: alts, anyAll: scored.some((s) => s.all), anyPhrase: scored.some((s) => s.all && s.phrase) };
}

/** Results shown of each priming query: a page of the search page's. */
const PRIMED_RESULTS = 10;

/**
 * Runs a few queries (primingQueries(), src/search/query.ts) and shows their first
 * results, unseen, so that the code a query goes through is compiled before the reader's
 * next query needs it: without it, the first query of each kind in a page took up to
 * 25 ms more at 4× CPU throttle (an abbreviation's words searched together: 27 ms the
 * first time, 6 ms the next). Each waits its turn like a search, and it stops as soon as
 * the reader searches.
 */
async function prime(abbreviations: [string, string][]): Promise<void> {
  const since = latest;
  const stale = () => {
    if (latest !== since) throw new StaleSearch();
  };
  let primed = 0;
  for (const query of primingQueries(abbreviations)) {
    await inTurn(async () => {
      stale();
      await yieldToInput();
      stale();
      const found = await rankQuery(query, {}, stale);
      for (const s of found.scored.slice(0, PRIMED_RESULTS)) {
        stale();
        await present(found, s.id);
      }
    });
    // For tests: how many ran to the end.
    document.documentElement.dataset.searchPrimed = String(++primed);
    // A keystroke waiting is handled between two of them.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
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

interface RecordText {
  content: string;
  text: string;
  tokens: Token[];
  sentences: Range[];
  /** Its folded words, and the parts of those with "." or "," ("iii" of "iii.1"), as Pagefind splits them. */
  words: Set<string>;
}

/** Records' text as shown, its words and sentences, kept: a warm session shows the same records again. */
const texts = new Map<string, RecordText>();

function textOf(id: string, content: string): RecordText {
  let known = texts.get(id);
  if (known?.content !== content) {
    const text = decodeD(content);
    const toks = tokens(text);
    const words = new Set<string>();
    for (const t of toks) {
      words.add(t.folded);
      if (/[.,]/u.test(t.folded)) for (const part of t.folded.split(/[.,]/u)) words.add(part);
    }
    known = { content, text, tokens: toks, sentences: sentencesOf(text), words };
    texts.set(id, known);
  }
  return known;
}

/** Whether a stored record has `folded` as a whole word (false for a record not stored). */
function hasWholeWord(id: string, folded: string): boolean {
  const stored = fragments?.[id];
  return stored !== undefined && textOf(id, stored[1]).words.has(folded);
}

/** Prepares every stored record's text, a few at a time between other work. */
async function prepareTexts(store: FragmentStore): Promise<void> {
  let since = performance.now();
  for (const [id, f] of Object.entries(store)) {
    textOf(id, f[1]);
    if (performance.now() - since > 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
  }
}

/** The text of a ranked record, with the marks; throws if its fragment cannot be loaded. */
export async function present(ranked: Ranked, id: string): Promise<Shown> {
  const result = ranked.results.get(id);
  if (!result) throw new Error(`no result ${id}`);
  const stored = fragments?.[id];
  const data: PagefindData = stored ? { url: stored[0], content: stored[1], meta: stored[3] ? { w: stored[2], n: stored[3] } : { w: stored[2] } } : await result.data();
  const known = textOf(id, data.content);
  const { text } = known;
  const ranges = markRanges(text, ranked.alternatives, known.tokens);
  const n = data.meta.n ? Number(data.meta.n) : null;
  return { kind: n ? 'footnote' : 'content', where: data.meta.w ?? '', n, url: data.url, segments: bestSentence(text, ranges, undefined, known.sentences) };
}
