/**
 * Pagefind's search of several words at once ("hoi dong nhan dan") finds the records that
 * have them all, each as a word or as the start of one, with their positions merged into
 * one list. The engine searches so the words an abbreviation brings (one search, not one
 * per word); splitMerged() tells the positions apart again by word, with the record's own
 * words (tokens()): the k-th merged position is the k-th word of the text that one of the
 * searched words starts. Pagefind and tokens() split almost every record into the same
 * words; where they do not, the counts differ, and the caller searches word by word.
 */

/** Where one searched word stands in a record, in Pagefind's positions. */
export interface SplitPositions {
  /** The words it starts, itself included. */
  any: number[];
  /** Itself, whole. */
  whole: number[];
}

/**
 * `merged`: Pagefind's positions of the searched words in one record; `recordWords`: the
 * record's folded words, in order; `searched`: the folded words searched. The positions of
 * each searched word, in the order searched; null when the record's words that the
 * searched ones start are not as many as the positions.
 */
export function splitMerged(merged: readonly number[], recordWords: readonly string[], searched: readonly string[]): SplitPositions[] | null {
  const positions = [...new Set(merged)].sort((a, b) => a - b);
  const matching = recordWords.filter((w) => searched.some((s) => w.startsWith(s)));
  if (matching.length !== positions.length) return null;
  return searched.map((s) => {
    const out: SplitPositions = { any: [], whole: [] };
    matching.forEach((w, k) => {
      if (!w.startsWith(s)) return;
      out.any.push(positions[k]);
      if (w === s) out.whole.push(positions[k]);
    });
    return out;
  });
}
