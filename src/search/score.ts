/**
 * The scorer: ranks Pagefind's records (one per passage) for a query, from where each
 * query word stands in each record, before any record's text is downloaded. Rules, in
 * order of weight:
 * 1. a passage with every word (of the query, or of one of its abbreviation forms) ranks
 *    above every passage with only some; among the partial ones, rarer words count more;
 * 2. the words together and in order (the phrase) rank above the words apart; more of
 *    the query's neighbouring pairs together rank higher; closer words rank higher;
 * 3. a whole-word match ranks above a prefix match, which ranks above a one-letter typo;
 *    typed marks matching exactly rank above folded matches;
 * 4. the literal query ranks just above its abbreviation forms; a form counts for a
 *    passage only where the words the abbreviation brought stand together, in order
 *    (orderedRuns): "HĐND" typed finds "Hội đồng nhân dân", not a paragraph with "nhân";
 * 5. then how much of the passage the match is: BM25 of the phrase (or of the rarest
 *    word) over the passage's length as far as the positions show it — a short footnote
 *    that says exactly the thing beats a long paragraph that mentions it; and last,
 *    Pagefind's own score of the words.
 */

/** Where one query word was found: record id → word positions. */
export interface WordHits {
  /** Whole words, folded (Pagefind's quoted search). */
  whole: Map<string, number[]>;
  /** Whole words or words it starts (Pagefind's plain search). */
  any: Map<string, number[]>;
  /** Words one letter away (only when nothing else matched the word). */
  typo: Map<string, number[]>;
  /** Whole words with exactly the typed marks (only for a word typed with marks). */
  marked: Map<string, number[]> | null;
  /** Pagefind's score of the word in each record (of the exact-marks search, for a word typed with marks). */
  score: Map<string, number>;
}

export interface AlternativeHits {
  literal: boolean;
  words: WordHits[];
  /** The words an abbreviation brought, words[start] to words[end - 1] (src/search/query.ts): a record counts for this form only where they stand together (orderedRuns). */
  brought?: { start: number; end: number };
}

export interface Scored {
  id: string;
  score: number;
  /** Whether the record has every word of the query or of an abbreviation form. */
  all: boolean;
  /** Whether the words stand together, in order. */
  phrase: boolean;
}

export const WEIGHTS = {
  all: 1000,
  coverage: 300,
  phrase: 250,
  pairs: 100,
  proximity: 80,
  strength: 60,
  marked: 40,
  density: 45,
  relevance: 10,
  notLiteral: 70,
};

const STRENGTH = { whole: 1, prefix: 0.55, typo: 0.4 };
/** BM25's constants; avg: a passage's typical length in words, as far as positions show it. */
const BM25 = { k: 1.2, b: 0.75, avg: 40 };
/** The number of records, roughly: only relative weights of words matter. */
const RECORDS = 700;

/** What the scorer reads of a word's hits for every record, worked out once per hits. */
interface Derived {
  /** Record id → every position of the word in it (whole, prefix or typo), sorted, each once. */
  positions: Map<string, number[]>;
  /** The highest of Pagefind's scores of the word (0 when none). */
  maxScore: number;
}

/**
 * Kept with the hits they come from: the engine keeps a word's hits from one keystroke to
 * the next (src/search/client/engine.ts), and each form of a query ranks them again. Hits
 * are not changed once made.
 */
const derivedOf = new WeakMap<WordHits, Derived>();

function derived(h: WordHits): Derived {
  let d = derivedOf.get(h);
  if (!d) {
    const positions = new Map<string, number[]>();
    for (const m of [h.whole, h.any, h.typo]) {
      for (const [id, ps] of m) {
        const known = positions.get(id);
        positions.set(id, known ? [...known, ...ps] : ps);
      }
    }
    for (const [id, ps] of positions) positions.set(id, [...new Set(ps)].sort((a, b) => a - b));
    d = { positions, maxScore: Math.max(0, ...h.score.values()) };
    derivedOf.set(h, d);
  }
  return d;
}

const NONE: number[] = [];

function positionsOf(h: WordHits, id: string): number[] {
  return derived(h).positions.get(id) ?? NONE;
}

function strengthOf(h: WordHits, id: string): number {
  if (h.whole.has(id)) return STRENGTH.whole;
  if (h.any.has(id)) return STRENGTH.prefix;
  if (h.typo.has(id)) return STRENGTH.typo;
  return 0;
}

function documentFrequency(h: WordHits): number {
  return derived(h).positions.size;
}

/** The smallest span (last − first position) holding one position of each list. */
export function minimalSpan(lists: number[][]): number {
  if (lists.length <= 1) return 0;
  const events = lists.flatMap((l, i) => l.map((p) => [p, i] as const)).sort((a, b) => a[0] - b[0]);
  const count = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (const [pos, i] of events) {
    if (count[i]++ === 0) covered++;
    while (covered === lists.length) {
      const [lp, li] = events[left];
      best = Math.min(best, pos - lp);
      if (--count[li] === 0) covered--;
      left++;
    }
  }
  return best;
}

/** How many times the lists form a run p, p+1, …, and how many neighbouring pairs stand together at least once. */
export function phraseStats(lists: number[][]): { runs: number; pairs: number } {
  const sets = lists.map((l) => new Set(l));
  let runs = 0;
  for (const p of lists[0] ?? []) if (sets.every((s, k) => s.has(p + k))) runs++;
  let pairs = 0;
  for (let i = 0; i + 1 < lists.length; i++) if (lists[i].some((p) => sets[i + 1].has(p + 1))) pairs++;
  return { runs, pairs };
}

/** How many other words may stand among the words of an abbreviation's other form ("khoa học và công nghệ" for "khoa học, công nghệ"). */
export const BROUGHT_SLACK = 2;

/**
 * Where one position of each list (each sorted) stands in the lists' order, all within
 * `slack` words more than a run: the positions picked at each place, left to right, the
 * places apart. [[3, 5], [4, 9]] → [[3, 4]]; with slack 0, [[3], [5]] → [].
 */
export function orderedRuns(lists: readonly (readonly number[])[], slack = BROUGHT_SLACK): number[][] {
  const out: number[][] = [];
  if (lists.length === 0 || lists.some((l) => l.length === 0)) return out;
  let after = -1;
  for (const first of lists[0]) {
    if (first <= after) continue;
    const limit = first + lists.length - 1 + slack;
    const picked = [first];
    for (let k = 1; k < lists.length; k++) {
      const prev = picked[k - 1];
      const next = lists[k].find((p) => p > prev);
      if (next === undefined || next > limit) break;
      picked.push(next);
    }
    if (picked.length === lists.length) {
      out.push(picked);
      after = picked[picked.length - 1];
    }
  }
  return out;
}

/** The weight of each word of a form of the query: rarer words count more. */
export function wordWeights(alt: AlternativeHits): number[] {
  return alt.words.map((h) => Math.log(1 + RECORDS / (1 + documentFrequency(h))));
}

/** The score of one record for one form of the query (`idf`: wordWeights(alt), the same for every record). */
export function scoreRecord(id: string, alt: AlternativeHits, maxScores: number[], idf = wordWeights(alt)): Scored {
  const n = alt.words.length;
  const strengths = alt.words.map((h) => strengthOf(h, id));
  const matched = strengths.map((s) => s > 0);
  const all = matched.every(Boolean);
  const idfTotal = idf.reduce((a, b) => a + b, 0) || 1;
  const coverage = idf.reduce((sum, v, i) => sum + (matched[i] ? v : 0), 0) / idfTotal;
  const lists = alt.words.map((h) => positionsOf(h, id));
  const present = lists.filter((l) => l.length > 0);
  let phrase = false;
  let pairs = 0;
  let runs = 0;
  if (all && n > 1) {
    ({ runs, pairs } = phraseStats(lists));
    phrase = runs > 0;
  } else if (n === 1) {
    // One word: its own phrase when matched whole.
    phrase = strengths[0] === STRENGTH.whole;
    runs = lists[0].length;
  } else {
    // Some words only: pairs among the words present, in the query's order.
    for (let i = 0; i + 1 < n; i++) if (matched[i] && matched[i + 1] && lists[i].some((p) => lists[i + 1].includes(p + 1))) pairs++;
  }
  const pairScore = n > 1 ? pairs / (n - 1) : phrase ? 1 : 0;
  const span = minimalSpan(present);
  const proximity = present.length <= 1 ? (present.length === 1 ? 1 : 0) : (present.length - 1) / Math.max(span, present.length - 1);
  const matchedStrengths = strengths.filter((s) => s > 0);
  const strength = matchedStrengths.length ? matchedStrengths.reduce((a, b) => a + b, 0) / n : 0;
  const markedWords = alt.words.filter((h) => h.marked);
  const markedScore = markedWords.length ? markedWords.filter((h) => h.marked!.has(id)).length / markedWords.length : 0;
  const relevance = alt.words.reduce((sum, h, i) => sum + (maxScores[i] > 0 ? (h.score.get(id) ?? 0) / maxScores[i] : 0), 0) / n;
  // Occurrences of the phrase, else of the rarest matched word; length: the last position seen.
  const rarest = idf.map((v, i) => (matched[i] ? v : -1)).reduce((best, v, i, all) => (v > all[best] ? i : best), 0);
  const tf = phrase && n > 1 ? runs : lists[rarest].length;
  const length = Math.max(...present.map((l) => l[l.length - 1] + 1), 1);
  const density = tf > 0 ? (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / BM25.avg)) / (BM25.k + 1) : 0;
  const score =
    (all ? WEIGHTS.all : 0) +
    WEIGHTS.coverage * coverage +
    (phrase ? WEIGHTS.phrase : 0) +
    WEIGHTS.pairs * pairScore +
    WEIGHTS.proximity * proximity +
    WEIGHTS.strength * strength +
    WEIGHTS.marked * markedScore +
    WEIGHTS.density * density +
    WEIGHTS.relevance * relevance -
    (alt.literal ? 0 : WEIGHTS.notLiteral);
  return { id, score, all, phrase };
}

/** Every record any form of the query reaches, best first. */
export function rank(alternatives: AlternativeHits[]): Scored[] {
  const best = new Map<string, Scored>();
  for (const alt of alternatives) {
    if (alt.words.length === 0) continue;
    const ids = new Set<string>();
    for (const h of alt.words) for (const m of [h.whole, h.any, h.typo]) for (const id of m.keys()) ids.add(id);
    const maxScores = alt.words.map((h) => derived(h).maxScore);
    const idf = wordWeights(alt);
    const brought = alt.brought ? alt.words.slice(alt.brought.start, alt.brought.end) : [];
    for (const id of ids) {
      // An abbreviation's other form counts only where its words stand together: "nhân" is not "HĐND".
      if (brought.length > 0 && orderedRuns(brought.map((h) => positionsOf(h, id))).length === 0) continue;
      const s = scoreRecord(id, alt, maxScores, idf);
      const prev = best.get(id);
      if (!prev || s.score > prev.score) best.set(id, s);
    }
  }
  // Ties go by id, in code-unit order: Pagefind's ids ("vi_" and hex digits) sort the same way
  // as with localeCompare, whose first call loads the collation tables (24 ms at 4x CPU throttle).
  return [...best.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
