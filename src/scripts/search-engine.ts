/**
 * Runs a reader's query on the Pagefind index in the browser (pagefind.js, loaded on
 * demand from /pagefind/), per kind of record:
 * 1. which records match: for each group of the query, the union of Pagefind searches
 *    for its d/đ spellings (quoted: whole words; plain for the word being typed), then
 *    the intersection over the groups (src/lib/search-query.ts, requirements());
 * 2. in what order: the ranking searches (exact diacritics, phrase, loose), merged by
 *    src/lib/search-results.ts;
 * 3. result by result as they are shown: the excerpt and the link
 *    (src/lib/search-match.ts, src/lib/search-url.ts).
 * Only the records shown have their text (Pagefind's "fragment") downloaded, plus the
 * best record of a plain search, to check it.
 */
import { anchorFor, excerpt, findMatches, headingFor, splitWords, type Anchor, type Segment } from '../lib/search-match';
import { planSearches, requirements, type ParsedQuery } from '../lib/search-query';
import { kindFilters, mergeHits, type Hit, type KindKey, type RankedHit } from '../lib/search-results';
import { resultUrl, withFragment } from '../lib/search-url';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: Anchor[];
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Where the words matched in the record's text; empty when only its metadata matched. */
  words: number[];
  data: () => Promise<PagefindData>;
}

interface PagefindInstance {
  init: () => Promise<void>;
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindModule {
  createInstance: (options: Record<string, unknown>) => PagefindInstance;
}

/** A result as the search page shows it. */
export interface ShownResult {
  kind: KindKey;
  /** "Chú thích 7", the chapter's name for chapter text, or a site page's title. */
  title: string;
  /** The chapter of a footnote, or the section heading of chapter text. */
  context: string;
  href: string;
  segments: Segment[];
}

export type Ranked = RankedHit<PagefindResult>;

const BASE = '/pagefind/';
let loading: Promise<PagefindInstance> | null = null;

/** Loads pagefind.js and its index metadata once; a failed load is tried again next time. */
export function loadPagefind(): Promise<PagefindInstance> {
  loading ??= (async () => {
    const url = `${BASE}pagefind.js`;
    const mod = (await import(/* @vite-ignore */ url)) as PagefindModule;
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

/** Whether a record's text has the word being typed, or a word it starts. */
async function startsAWord(result: PagefindResult, word: string): Promise<boolean> {
  const data = await result.data();
  return findMatches(splitWords(data.content), [[word]], true).all;
}

let exactDiacritics = false;
let queue: Promise<unknown> = Promise.resolve();

async function searchWith(pagefind: PagefindInstance, term: string, filters: Record<string, string>, exact: boolean): Promise<PagefindResult[]> {
  if (exact !== exactDiacritics) {
    await pagefind.options({ exactDiacritics: exact });
    exactDiacritics = exact;
  }
  return (await pagefind.search(term, { filters }))?.results ?? [];
}

/** The records of one kind that hold every group of the query, by id. */
async function matchingRecords(pagefind: PagefindInstance, query: ParsedQuery, filters: Record<string, string>) {
  const reqs = requirements(query);
  let matching = new Map<string, PagefindResult>();
  for (const [i, req] of reqs.entries()) {
    const found = new Map<string, PagefindResult>();
    for (const term of req.terms) {
      const results = await searchWith(pagefind, term, filters, false);
      // A plain search that finds nothing starting with the word falls back to shorter prefixes.
      if (results.length === 0 || (req.prefix && !(await startsAWord(results[0], term)))) continue;
      // Pagefind also searches the metadata (a footnote's chapter name): only the text counts.
      for (const r of results) if (r.words.length > 0) found.set(r.id, r);
    }
    const before = matching;
    matching = i === 0 ? found : new Map([...found].filter(([id]) => before.has(id)));
    if (matching.size === 0) break;
  }
  return matching;
}

/**
 * The ranked records of each kind that match the query within the scope's filters.
 * Searches run one after another, since exactDiacritics is an option of the whole
 * Pagefind instance. `stale()` lets a newer query cut an older one short.
 */
export function rankedResults(
  query: ParsedQuery,
  scope: Record<string, string>,
  kinds: KindKey[],
  stale: () => boolean = () => false,
): Promise<Record<KindKey, Ranked[]> | null> {
  const run = async () => {
    const pagefind = await loadPagefind();
    const out: Record<KindKey, Ranked[]> = { content: [], footnote: [], page: [] };
    for (const kind of kinds) {
      if (stale()) return null;
      const filters = kindFilters(kind, scope);
      const matching = await matchingRecords(pagefind, query, filters);
      if (matching.size === 0) continue;
      const hits: Hit<PagefindResult>[] = [];
      for (const plan of planSearches(query)) {
        if (stale()) return null;
        for (const r of await searchWith(pagefind, plan.term, filters, plan.exactDiacritics)) {
          const record = matching.get(r.id);
          if (record) hits.push({ id: r.id, score: r.score, tier: plan.tier, result: record });
        }
      }
      // Every matching record ranks, even one that no ranking search returned.
      for (const [id, record] of matching) hits.push({ id, score: 0, tier: 'loose', result: record });
      out[kind] = mergeHits(hits);
    }
    return out;
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** How a ranked record is shown: its title, its context, its link and its excerpt; null if it does not match after all. */
export async function present(hit: Ranked, kind: KindKey, query: ParsedQuery): Promise<ShownResult | null> {
  const data = await hit.result.data();
  const words = splitWords(data.content);
  const matches = findMatches(words, query.groups, query.prefixLast);
  if (!matches.all) return null;
  if (kind === 'footnote') {
    const { segments } = excerpt(words, matches, 48);
    return { kind, title: data.meta.title ?? '', context: data.meta.chapter ?? '', href: resultUrl(data.url, query.text), segments };
  }
  const { segments, first } = excerpt(words, matches, 32);
  const anchor = anchorFor(data.anchors ?? [], first);
  const heading = headingFor(data.anchors ?? [], first);
  return {
    kind,
    title: data.meta.chapter ?? data.meta.title ?? '',
    context: heading?.text?.trim() ?? '',
    href: resultUrl(withFragment(data.url, anchor?.id), query.text),
    segments,
  };
}
