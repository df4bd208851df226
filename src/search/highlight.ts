/**
 * What to mark in a passage's text for a query, with the scorer's rules on the text
 * itself: where the query's words stand together and in order (the phrase), only the
 * phrase is marked; otherwise each word of the query, as a whole word if the passage
 * has it whole, else as the start of a word, else one letter away. A word typed with
 * marks marks only the words with the same marks when the passage has any. Other words
 * that merely fold the same way are never marked: "tu" of "dau tu cong" marks "từ" only
 * inside "đầu tư công". The words that an abbreviation's other form brings ("hội đồng
 * nhân dân" for "hdnd") mark only where they stand together, whole, as the scorer counts
 * them (orderedRuns): never a lone "nhân"; and a form found
 * whole ("HĐND", "BHYT") is marked rather than some words of another ("nhân", or "hiện"
 * one letter from "hiem").
 */
import type { Alternative, QueryWord } from './query';
import { MIN_PREFIX, withinOneEdit } from './query';
import { orderedRuns } from './score';
import { tokens, type Token } from './text';

export interface Range {
  start: number;
  end: number;
}

type Level = 'whole' | 'prefix' | 'typo';

function matches(t: Token, w: QueryWord, level: Level): boolean {
  if (level === 'whole') return t.folded === w.folded;
  if (level === 'prefix') return w.folded.length >= MIN_PREFIX && t.folded.startsWith(w.folded);
  return w.folded.length >= 4 && withinOneEdit(t.folded, w.folded);
}

/** The best level at which `w` is in the tokens, or null: one pass, a whole word ends it. */
function levelIn(toks: Token[], w: QueryWord): Level | null {
  let best: Level | null = null;
  for (const t of toks) {
    if (matches(t, w, 'whole')) return 'whole';
    if (best !== 'prefix' && matches(t, w, 'prefix')) best = 'prefix';
    else if (best === null && matches(t, w, 'typo')) best = 'typo';
  }
  return best;
}

function phraseRanges(toks: Token[], words: QueryWord[], levels: Level[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i + words.length <= toks.length; i++) {
    if (words.every((w, k) => matches(toks[i + k], w, levels[k]))) {
      out.push({ start: toks[i].start, end: toks[i + words.length - 1].end });
      i += words.length - 1;
    }
  }
  return out;
}

/** The ranges of `text` to mark for the query's forms (the literal one first); `toks`: tokens(text), when the caller keeps them. */
export function markRanges(text: string, alternatives: readonly Alternative[], toks: Token[] = tokens(text)): Range[] {
  if (toks.length === 0) return [];
  const usable = alternatives.filter((a) => a.words.length > 0);
  /** The words the reader typed (the literal form's): only these match as prefixes and one letter away. */
  const typed = new Set(alternatives.filter((a) => a.literal).flatMap((a) => a.words.map((w) => w.folded)));
  // Each word's level once (the forms share words): it depends on the folded word only.
  const known = new Map<string, Level | null>();
  const levelOf = (w: QueryWord) => {
    let level = known.get(w.folded);
    if (level === undefined) {
      level = typed.has(w.folded) ? levelIn(toks, w) : toks.some((t) => matches(t, w, 'whole')) ? 'whole' : null;
      known.set(w.folded, level);
    }
    return level;
  };
  // 1. The phrase of any form, the literal first.
  for (const alt of usable) {
    if (alt.words.length < 2) continue;
    const levels = alt.words.map((w) => levelOf(w));
    if (levels.some((l) => l === null)) continue;
    const ranges = phraseRanges(toks, alt.words, levels as Level[]);
    if (ranges.length > 0) return ranges;
  }
  // 2. The words of the first form that has them all (the literal first), else of the form that has the most of them.
  let best: Range[] = [];
  let bestCount = 0;
  let bestAll = false;
  for (const alt of usable) {
    const ranges: Range[] = [];
    let count = 0;
    const brought = alt.brought ?? { start: 0, end: 0 };
    if (brought.end > brought.start) {
      // The words an abbreviation brought mark only where they stand together, as the scorer counts them.
      const lists = alt.words.slice(brought.start, brought.end).map((w) => toks.flatMap((t, i) => (matches(t, w, 'whole') ? [i] : [])));
      const runs = orderedRuns(lists);
      if (runs.length === 0) continue;
      for (const run of runs) ranges.push(...run.map((i) => ({ start: toks[i].start, end: toks[i].end })));
      count += brought.end - brought.start;
    }
    for (const [k, w] of alt.words.entries()) {
      if (k >= brought.start && k < brought.end) continue;
      const level = levelOf(w);
      if (!level) continue;
      count++;
      let hits = toks.filter((t) => matches(t, w, level));
      if (w.marked && level === 'whole') {
        const exact = hits.filter((t) => t.exact === w.exact);
        if (exact.length > 0) hits = exact;
      }
      ranges.push(...hits.map((t) => ({ start: t.start, end: t.end })));
    }
    const all = count === alt.words.length;
    if ((all && !bestAll) || (!all && !bestAll && count > bestCount)) {
      best = ranges;
      bestCount = count;
      bestAll = all;
    }
  }
  return best.sort((a, b) => a.start - b.start).filter((r, i, all) => i === 0 || r.start >= all[i - 1].end);
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** The text cut into marked and unmarked segments. */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), mark: false });
    out.push({ text: text.slice(r.start, r.end), mark: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** The passage's sentences: they end at ". ", "; ", ": " (not inside numbers such as 8,16 or 13.144). */
export function sentencesOf(text: string): Range[] {
  const sentences: Range[] = [];
  const bounds = [...text.matchAll(/[.;:!?](?=\s)/gu)].map((x) => x.index + 1);
  let start = 0;
  for (const b of [...bounds, text.length]) {
    if (b > start) sentences.push({ start, end: b });
    start = b;
  }
  return sentences;
}

/**
 * The sentence of the passage that holds the most marks (the best-matching sentence),
 * widened or cut to about `max` characters around its first mark, with its marks.
 * `sentences`: sentencesOf(text), when the caller keeps them.
 */
export function bestSentence(text: string, ranges: readonly Range[], max = 240, sentences: readonly Range[] = sentencesOf(text)): Segment[] {
  let pick = sentences[0] ?? { start: 0, end: text.length };
  let most = -1;
  // The ranges are sorted and do not overlap: one pass counts each sentence's.
  let k = 0;
  for (const s of sentences) {
    while (k < ranges.length && ranges[k].start < s.start) k++;
    let n = 0;
    for (let j = k; j < ranges.length && ranges[j].start < s.end; j++) if (ranges[j].end <= s.end) n++;
    if (n > most) {
      most = n;
      pick = s;
    }
  }
  let from = pick.start;
  let to = pick.end;
  const first = ranges.find((r) => r.start >= from && r.end <= to);
  if (to - from > max) {
    const centre = first ? first.start : from;
    from = Math.max(pick.start, centre - Math.floor(max / 3));
    to = Math.min(pick.end, from + max);
  }
  // Whole words only.
  while (from > pick.start && /\S/u.test(text[from - 1])) from--;
  while (to < pick.end && /\S/u.test(text[to])) to++;
  const inside = ranges.filter((r) => r.start >= from && r.end <= to).map((r) => ({ start: r.start - from, end: r.end - from }));
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  const segs = segments(slice.trim(), inside.map((r) => ({ start: r.start - lead, end: r.end - lead })));
  if (from > 0) segs.unshift({ text: '… ', mark: false });
  if (to < text.length) segs.push({ text: ' …', mark: false });
  return segs;
}
