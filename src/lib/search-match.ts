/**
 * Where a query matches a record's text, by the rules the search page applies:
 * - a query word matches a word of the text when a folded form of it (see fold.ts)
 *   equals the folded query word;
 * - the word being typed (the last, outside quotes) also matches the words it starts
 *   ("compo" finds "compost"); where the text has a word equal to it, only those are
 *   marked;
 * - the words of a quoted phrase must follow one another;
 * - a record matches when every group of the query is found.
 * Pagefind's plain search falls back to shorter prefixes when nothing matches
 * ("compost" would find "có"): checking its best result here tells such an answer
 * apart. The same rules choose and mark the excerpt, and the highlighter marks the
 * landing page with them.
 */
import { fold, stripPunctuation, wordForms } from './fold';

/** One run of an excerpt: text, marked or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** An element with an id in the record's page, as Pagefind reports it. */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
  /** Index of the first word after the element's start in the record's words. */
  location: number;
}

export interface Matches {
  /** Whether every group of the query was found. */
  all: boolean;
  /** Indices of the words that take part in a match, ascending. */
  positions: number[];
  /** For each position, the index of the group it belongs to. */
  groupOf: Map<number, number>;
}

/** The words of a record's text, as Pagefind counts them: split at whitespace. */
export function splitWords(content: string): string[] {
  return content.split(/\s+/u).filter((w) => w.length > 0);
}

/** The folded form of a query word that text words are compared with. */
export function foldQueryWord(word: string): string {
  return stripPunctuation(fold(word));
}

type Mode = 'equal' | 'prefix';

/** How the word being typed matches: "equal" if some text word folds to it exactly, else "prefix". */
function typedMode(forms: string[][], word: string | undefined): Mode {
  return word === undefined || forms.some((fs) => fs.includes(word)) ? 'equal' : 'prefix';
}

function foldGroups(groups: string[][]): string[][] {
  return groups.map((g) => g.map(foldQueryWord).filter((w) => w.length > 0)).filter((g) => g.length > 0);
}

function matchesWord(forms: string[], q: string, mode: Mode): boolean {
  return mode === 'equal' ? forms.includes(q) : forms.some((f) => f.startsWith(q));
}

/**
 * Finds the query's groups (lists of query words, see parseQuery) in a list of words;
 * with `prefixLast`, the last group is the word being typed. Groups with no word after
 * folding are ignored.
 */
export function findMatches(words: string[], groups: string[][], prefixLast = false): Matches {
  const folded = foldGroups(groups);
  const forms = words.map(wordForms);
  const typed = prefixLast && folded.length > 0 && folded[folded.length - 1].length === 1 ? folded.length - 1 : -1;
  const mode = typedMode(forms, folded[typed]?.[0]);
  const groupOf = new Map<number, number>();
  const found = folded.map(() => false);
  folded.forEach((group, gi) => {
    const m: Mode = gi === typed ? mode : 'equal';
    for (let i = 0; i + group.length <= words.length; i++) {
      if (group.every((q, j) => matchesWord(forms[i + j], q, m))) {
        found[gi] = true;
        for (let j = 0; j < group.length; j++) if (!groupOf.has(i + j)) groupOf.set(i + j, gi);
      }
    }
  });
  const positions = [...groupOf.keys()].sort((a, b) => a - b);
  return { all: folded.length > 0 && found.every(Boolean), positions, groupOf };
}

/**
 * Whether a word of a page is one of the query's words, for marking a page word by
 * word; `words` are the page's words, which decide how the word being typed matches.
 */
export function wordMatcher(groups: string[][], words: string[], prefixLast = false): (word: string) => boolean {
  const folded = foldGroups(groups);
  const last = folded[folded.length - 1];
  const typed = prefixLast && last?.length === 1 ? last[0] : undefined;
  const whole = new Set((typed === undefined ? folded : folded.slice(0, -1)).flat());
  const typedMatches = typed === undefined ? null : typedMode(words.map(wordForms), typed);
  return (word) => {
    const forms = wordForms(word);
    if (forms.some((f) => whole.has(f))) return true;
    if (typed === undefined) return false;
    return typedMatches === 'equal' ? forms.includes(typed) : forms.some((f) => f.startsWith(typed));
  };
}

/**
 * The excerpt of at most `length` words that holds the most distinct groups (then the
 * most matched words, then the earliest), opening a few words before its first match,
 * with the matched words marked. "…" stands for text cut at either end.
 */
export function excerpt(words: string[], matches: Matches, length = 30): { segments: Segment[]; first: number } {
  if (words.length === 0) return { segments: [], first: 0 };
  const { positions, groupOf } = matches;
  let best = positions[0] ?? 0;
  let bestScore = [-1, -1];
  for (const p of positions) {
    const inWindow = positions.filter((q) => q >= p && q < p + length);
    const score = [new Set(inWindow.map((q) => groupOf.get(q))).size, inWindow.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = p;
      bestScore = score;
    }
  }
  const lead = Math.min(6, Math.floor(length / 5));
  let start = Math.max(0, best - lead);
  const end = Math.min(words.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', groupOf.has(i) && groupOf.has(i - 1));
    push(words[i], groupOf.has(i));
  }
  if (end < words.length) push(' …', false);
  return { segments, first: best };
}

const LINKABLE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section']);
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** The last element of the given kinds that starts at or before a word. */
function anchorBefore(anchors: Anchor[], position: number, kinds: Set<string>): Anchor | undefined {
  let found: Anchor | undefined;
  for (const a of anchors) {
    if (!kinds.has(a.element.toLowerCase()) || a.location > position) continue;
    if (!found || a.location >= found.location) found = a;
  }
  return found;
}

/** The paragraph or heading to link to for a match at `position`, if any. */
export function anchorFor(anchors: Anchor[], position: number): Anchor | undefined {
  return anchorBefore(anchors, position, LINKABLE);
}

/** The heading (below the page's h1) of the section that holds `position`, if any. */
export function headingFor(anchors: Anchor[], position: number): Anchor | undefined {
  return anchorBefore(anchors, position, HEADINGS);
}
