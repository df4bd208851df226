/**
 * Folding Vietnamese text for matching: case, tone marks, vowel marks (ă â ê ô ơ ư)
 * and d/đ are ignored, so that "dau tu" matches "đầu tư" and "ty dong" matches
 * "tỷ đồng". Pagefind folds the marks itself (they decompose under NFD) but not đ,
 * which is a letter of its own (U+0111) with no decomposition: fold() handles both.
 * Punctuation is stripped the way Pagefind strips it, so "8,16" is the word "816".
 */

/** Punctuation Pagefind removes from words and queries (every \p{P} but connectors). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const MARKS = /\p{M}/gu;

/** Lower case, marks removed, đ → d. Length and punctuation are otherwise kept. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/gu, 'd').normalize('NFC');
}

/** Lower case with every mark kept: the form an exact-diacritics match compares. */
export function lowerExact(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

/** The text without punctuation: "(KCN)." → "KCN", "8,16%" → "816" ("%" is punctuation too). */
export function stripPunctuation(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/** True when the text has a letter that folding changes (a mark, or đ). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}

/**
 * The folded forms a word of the text can be found under: the whole word without
 * punctuation, and each piece between punctuation ("8,16%" → "816", "8", "16").
 */
export function wordForms(word: string): string[] {
  const folded = fold(word);
  const forms = new Set<string>();
  const whole = stripPunctuation(folded);
  if (whole) forms.add(whole);
  for (const piece of folded.split(PUNCTUATION)) if (piece) forms.add(piece);
  return [...forms];
}

/**
 * The spellings of a query word with each d/đ either way ("hdnd" → "hdnd", "hđnd",
 * "hdnđ", "hđnđ"), the typed spelling first; at most `max` of them.
 */
export function dVariants(word: string, max = 4): string[] {
  const lower = word.toLowerCase();
  let variants = [''];
  for (const ch of lower) {
    if (ch === 'd' || ch === 'đ') {
      const other = ch === 'd' ? 'đ' : 'd';
      variants = [...variants.map((v) => v + ch), ...variants.map((v) => v + other)];
    } else variants = variants.map((v) => v + ch);
  }
  return variants.slice(0, Math.max(1, max));
}
