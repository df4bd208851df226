/**
 * The report's abbreviations (content/abbreviations.yaml) on the site:
 * - where each is used first, in the order a reader meets the text: a chapter's
 *   paragraphs in turn, each footnote read at its marker (its text right after the
 *   word that carries the marker), the "Nơi nhận" and signature blocks last;
 * - the first use on a chapter page wrapped in <abbr title="…" tabindex="0">, without
 *   changing a character of the text: in its headings and paragraphs by the Markdown
 *   pipeline (./hast.ts), in its footnote list (markText) and in the "Nơi nhận" and
 *   signature blocks (markTexts, blockFirstUses);
 * - the check that every word in capitals of the report is either listed or
 *   deliberately left out (NOT_ABBREVIATIONS, each with its reason).
 * Pure functions: the content comes in as arguments.
 */
import { t } from '../i18n/vi';
import type { Abbreviation, Exclusion } from '../schemas/abbreviation';

export type { Exclusion };
import type { ChapterData } from '../schemas/chapter';
import type { Report } from '../schemas/report';
import { chapterNavLabel } from '../core/chapter-labels';
import { sourceLink, type SourceIndex, type SourceLink } from '../figures/figures';
import { footnoteMarker, inlinePlainText, mdxBlocks } from '../core/mdx-text';
import { chapterOutline } from '../core/outline';
import { chapterPath } from '../core/slug';

/** Characters that join the parts of a compound: "KH&CN", "GDNN-GDTX", "QĐ-TTg", "CT/TU". */
const JOINERS = new Set(['&', '/', '-']);
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

/**
 * Whether `abbr` stands at `at` in `text` as a whole word: not glued to a letter or a
 * digit before it, nor to a letter after it, and not part of a compound ("KH" is not in
 * "KH&CN", "HĐND" is not in "66/NQ-HĐND", "THCS" is not in "TH&THCS"). A number may
 * follow it directly: "QL5", "VTV1".
 */
export function standsAt(text: string, abbr: string, at: number): boolean {
  if (!text.startsWith(abbr, at)) return false;
  const before = text[at - 1];
  if (before !== undefined && (LETTER.test(before) || DIGIT.test(before) || JOINERS.has(before))) return false;
  const after = text[at + abbr.length];
  if (after === undefined) return true;
  if (LETTER.test(after)) return false;
  if (JOINERS.has(after)) {
    const next = text[at + abbr.length + 1];
    if (next !== undefined && (LETTER.test(next) || DIGIT.test(next))) return false;
  }
  return true;
}

/** Start offsets of every whole-word occurrence of `abbr` in `text`. */
export function occurrences(text: string, abbr: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(abbr); at >= 0; at = text.indexOf(abbr, at + 1)) {
    if (standsAt(text, abbr, at)) found.push(at);
  }
  return found;
}

// --- Words in capitals ---

const COMPOUND = /[\p{L}\p{M}]+(?:[&/-][\p{L}\p{M}]+)*/gu;

/** Whether a word is written in capitals and has at least two letters: "HĐND", "ĐÁNH"; not "A", "VNeID", "Đà". */
export function isAllCaps(word: string): boolean {
  const letters = [...word].filter((c) => LETTER.test(c));
  return letters.length >= 2 && word === word.toLocaleUpperCase('vi') && word !== word.toLocaleLowerCase('vi');
}

/**
 * The words of `text` that have a part in capitals of two letters or more, in order.
 * Letters joined by "&", "/" or "-" make one word ("KH&CN", "GDNN-GDTX", "QĐ-TTg");
 * digits end a word ("QL5" gives "QL", "H5N1" gives no word of two capitals).
 */
export function capsTokens(text: string): string[] {
  return [...text.matchAll(COMPOUND)].map((m) => m[0]).filter((w) => w.split(/[&/-]/u).some(isAllCaps));
}

/**
 * The words in capitals of `text` that are neither listed nor excluded (the content's
 * abbreviation-exclusions.yaml): the excluded
 * passages are removed first, then each word is covered when it is listed or excluded
 * as a whole, or when each of its parts in capitals is ("SEA" of "SEA Games").
 */
export function uncoveredCapsTokens(text: string, listed: readonly string[], exclusions: readonly Exclusion[]): string[] {
  let rest = text;
  for (const e of exclusions) if (e.kind === 'passage') rest = rest.split(e.text).join(' ');
  const covered = new Set([...listed.flatMap((a) => [a, ...a.split(' ')]), ...exclusions.filter((e) => e.kind === 'token').map((e) => e.text)]);
  return capsTokens(rest).filter((w) => !covered.has(w) && !w.split(/[&/-]/u).every((part) => !isAllCaps(part) || covered.has(part)));
}

// --- Where each abbreviation is used first ---

/** Block components whose text is the report's: the "Nơi nhận" list and the signature. */
export type TextBlock = 'Recipients' | 'Signature';

/** The DOM id of each text block, so that a link can point at it. */
export const BLOCK_IDS: Record<TextBlock, string> = { Recipients: 'noi-nhan', Signature: 'chu-ky' };

/** Where a piece of the report stands on the site. */
export type Place =
  /** A heading or paragraph of a chapter, by its permalink id. */
  | { chapter: string; paragraph: string }
  /** A footnote, by its original number, in the chapter that carries its marker. */
  | { chapter: string; footnote: number }
  /** The "Nơi nhận" list or the signature block. */
  | { chapter: string; block: TextBlock };

/** A run of the report's text and where it stands. */
export interface Segment {
  place: Place;
  text: string;
}

/** A chapter as the reading order needs it. */
export interface ChapterText {
  /** The chapter's file name without ".mdx", e.g. "02-i-1-linh-vuc-kinh-te". */
  id: string;
  data: ChapterData;
  body: string;
}

/** The words of a text block, as its component renders them from content/report.yaml. */
export function blockText(name: string, report: Pick<Report, 'recipients' | 'signature'>): string {
  if (name === 'Recipients') return [report.recipients.label, ...report.recipients.items.map((i) => `- ${i}`)].join(' ');
  if (name === 'Signature') {
    const s = report.signature;
    return [s.onBehalfOf, s.authority, s.title, s.name].join(' ');
  }
  return '';
}

const FN_SPLIT = footnoteMarker('u');

/**
 * A chapter's text in reading order: each heading and paragraph by permalink id, cut at
 * each footnote marker, where the footnote's text comes in; then text blocks. The
 * chapter's own heading lines (its h1) are not included: no abbreviation stands in them
 * (a test checks it).
 */
export function chapterSegments(chapter: ChapterText, footnotes: ReadonlyMap<number, string>, report: Pick<Report, 'recipients' | 'signature'>): Segment[] {
  const { ids } = chapterOutline(chapter.data, chapter.body);
  const segments: Segment[] = [];
  let i = 0;
  for (const block of mdxBlocks(chapter.body)) {
    if (block.kind === 'component') {
      const text = blockText(block.name, report);
      if (text) segments.push({ place: { chapter: chapter.id, block: block.name as TextBlock }, text });
      continue;
    }
    const paragraph = ids[++i];
    const pieces = block.text.split(FN_SPLIT);
    pieces.forEach((piece, k) => {
      if (k % 2 === 0) {
        const text = inlinePlainText(piece);
        if (text.trim()) segments.push({ place: { chapter: chapter.id, paragraph }, text });
      } else {
        const n = Number(piece);
        const text = footnotes.get(n);
        if (text === undefined) throw new Error(`${chapter.id}: there is no footnote ${n}`);
        segments.push({ place: { chapter: chapter.id, footnote: n }, text });
      }
    });
  }
  return segments;
}

/** A key naming a place: "02-i-1-linh-vuc-kinh-te#p1-i-1-d1", "fn-15", "11-phan-ket#Recipients". */
export function placeKey(place: Place | { footnote: number } | { chapter: string; paragraph: string }): string {
  if ('footnote' in place) return `fn-${place.footnote}`;
  return 'paragraph' in place ? `${place.chapter}#${place.paragraph}` : `${place.chapter}#${place.block}`;
}

/** The position of each place (placeKey()) in reading order: its first segment's index. */
export function readingOrder(segments: readonly Segment[]): Map<string, number> {
  const order = new Map<string, number>();
  segments.forEach((s, i) => {
    const key = placeKey(s.place);
    if (!order.has(key)) order.set(key, i);
  });
  return order;
}

/** Where an abbreviation is used first. */
export interface FirstUse {
  abbreviation: Abbreviation;
  place: Place;
}

/** For each abbreviation (by id) that the segments use, where they use it first; in the order of the list. */
export function firstUses(segments: readonly Segment[], abbreviations: readonly Abbreviation[]): Map<string, FirstUse> {
  const found = new Map<string, FirstUse>();
  for (const a of abbreviations) {
    const segment = segments.find((s) => occurrences(s.text, a.abbr).length > 0);
    if (segment) found.set(a.id, { abbreviation: a, place: segment.place });
  }
  return found;
}

/**
 * The link to a place and its name: "I.1. Lĩnh vực kinh tế, mục 1.6.3", "Chú thích 21
 * (I.1. Lĩnh vực kinh tế)", "Phần kết, phần nơi nhận". Throws naming a place that does not exist.
 */
export function placeLink(place: Place, index: SourceIndex): SourceLink {
  const chapter = index.chapters.get(place.chapter);
  if (!chapter) throw new Error(`there is no chapter ${place.chapter}`);
  const name = chapterNavLabel(chapter.data);
  if ('paragraph' in place) return sourceLink({ chapter: place.chapter, paragraph: place.paragraph }, index);
  if ('footnote' in place) {
    if (!index.footnotes.has(place.footnote)) throw new Error(`there is no footnote ${place.footnote}`);
    return { href: chapterPath(chapter.data.slug, `fn-${place.footnote}`), label: t('abbr.place.footnote', { n: place.footnote, chapter: name }) };
  }
  return { href: chapterPath(chapter.data.slug, BLOCK_IDS[place.block]), label: t(`abbr.place.${place.block}`, { chapter: name }) };
}

/** Which abbreviations to mark on a chapter page: those first used in its text, and those first used in each footnote. */
export interface AbbrPlan {
  /** First used in the chapter's text (paragraphs, headings, text blocks). */
  text: Abbreviation[];
  /** First used in a footnote: by the footnote's number. */
  footnotes: Map<number, Abbreviation[]>;
}

/** The abbreviations to mark on a chapter page, from its segments (chapterSegments()). */
export function abbrPlan(segments: readonly Segment[], abbreviations: readonly Abbreviation[]): AbbrPlan {
  const plan: AbbrPlan = { text: [], footnotes: new Map() };
  for (const { abbreviation, place } of firstUses(segments, abbreviations).values()) {
    if ('footnote' in place) plan.footnotes.set(place.footnote, [...(plan.footnotes.get(place.footnote) ?? []), abbreviation]);
    else plan.text.push(abbreviation);
  }
  return plan;
}

// --- Marking the first uses in HTML ---

const escapeText = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/gu, '&quot;');

/**
 * The <abbr> element for one use: its title is the expansion (the tooltip, and the
 * description screen readers give), tabindex="0" lets a keyboard or a tap reach it.
 * `inner` is HTML: the abbreviation as the page writes it.
 */
export function abbrElement(abbreviation: Pick<Abbreviation, 'expansion'>, inner: string): string {
  return `<abbr class="abbr" title="${escapeAttr(abbreviation.expansion)}" tabindex="0">${inner}</abbr>`;
}

export interface Match {
  start: number;
  end: number;
  abbreviation: Abbreviation;
}

/** The first whole-word occurrence of each abbreviation in `text`, without overlaps, in order. */
export function firstMatches(text: string, pending: readonly Abbreviation[]): Match[] {
  const all = pending
    .flatMap((a) => {
      const at = occurrences(text, a.abbr)[0];
      return at === undefined ? [] : [{ start: at, end: at + a.abbr.length, abbreviation: a }];
    })
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Match[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept;
}

/**
 * Plain text as HTML, escaped, with the first occurrence of each abbreviation wrapped
 * in its <abbr>. The text a reader sees is unchanged.
 */
export function markText(text: string, abbreviations: readonly Abbreviation[]): string {
  let html = '';
  let at = 0;
  for (const m of firstMatches(text, abbreviations)) {
    html += escapeText(text.slice(at, m.start)) + abbrElement(m.abbreviation, escapeText(text.slice(m.start, m.end)));
    at = m.end;
  }
  return html + escapeText(text.slice(at));
}

/**
 * Texts in sequence (the lines of one block) as HTML, escaped, with the first occurrence
 * of each abbreviation across them wrapped in its <abbr>. The text a reader sees is unchanged.
 */
export function markTexts(texts: readonly string[], abbreviations: readonly Abbreviation[]): string[] {
  let pending = [...abbreviations];
  return texts.map((text) => {
    const found = firstMatches(text, pending);
    pending = pending.filter((a) => !found.some((m) => m.abbreviation.id === a.id));
    return markText(text, found.map((m) => m.abbreviation));
  });
}

/** The abbreviations whose first use, in `segments` (one chapter's reading order), stands in a text block ("Nơi nhận", signature). */
export function blockFirstUses(segments: readonly Segment[], abbreviations: readonly Abbreviation[], block: TextBlock): Abbreviation[] {
  return [...firstUses(segments, abbreviations).values()].filter((u) => 'block' in u.place && u.place.block === block).map((u) => u.abbreviation);
}
