/**
 * The two sides of the faithfulness tests:
 * - the source: the body words of content/source/ (page breaks, line wraps and footnote
 *   blocks removed, markers taken out), with content/corrections.yaml applied;
 * - the content: the words of all chapters in reading order, as the reader sees them
 *   (frontmatter heading lines, MDX text, block components expanded from report.yaml),
 *   with the footnote markers taken out and their places recorded.
 */
import { readFileSync } from 'node:fs';
import { absolute } from '../../src/data/paths';
import type { ChapterData } from '../../src/schemas/chapter';
import type { Correction } from '../../src/schemas/correction';
import type { Report } from '../../src/schemas/report';
import { mdxBlocks, tokensWithMarkers } from '../../src/core/mdx-text';
import { parseSource, tokenize, type SourceMarker } from '../../src/core/source';
import { content, ROOT } from './content';

export { ROOT };
/** The content folder under test: content/, or the one REPORT_CONTENT names. */
export const CONTENT = content().folder;

/** The extracted text the content folder names in report.yaml ("source: source/….txt"), else its only text file. */
export function sourceFile(): string {
  return content().sourceFile;
}
export const SOURCE_FILE = sourceFile();

export interface Words {
  tokens: string[];
  markers: SourceMarker[];
}

export function readSource() {
  return parseSource(readFileSync(absolute(ROOT, SOURCE_FILE), 'utf8'));
}

export function readCorrections(): Correction[] {
  return content().corrections;
}

export function readReport(): Report {
  return content().report;
}

/** Finds `needle` as a run of whole words in `hay`; returns every start index. */
export function findRun(hay: string[], needle: string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, j) => hay[i + j] === w)) found.push(i);
  }
  return found;
}

/**
 * Applies the corrections to the source words, moving the markers after each change.
 * Each correction must match exactly once, or this throws naming it.
 */
export function applyCorrections(words: Words, corrections: Correction[]): Words {
  let tokens = [...words.tokens];
  let markers = words.markers.map((m) => ({ ...m }));
  for (const c of corrections) {
    const from = tokenize(c.source);
    const to = tokenize(c.content);
    const at = findRun(tokens, from);
    if (at.length !== 1) throw new Error(`correction "${c.id}": its source text matches ${at.length} times, not once`);
    const p = at[0];
    tokens = [...tokens.slice(0, p), ...to, ...tokens.slice(p + from.length)];
    const shift = to.length - from.length;
    markers = markers.map((m) => (m.token >= p + from.length ? { ...m, token: m.token + shift } : m));
  }
  return { tokens, markers };
}

/** The source side: body words with corrections applied, and the markers' places. */
export function sourceWords(): Words {
  const source = readSource();
  return applyCorrections({ tokens: source.bodyTokens, markers: source.markers }, readCorrections());
}

/** The text a block component renders, word for word (see src/site/Recipients.astro, src/site/Signature.astro). */
export function componentText(name: string, report: Report): string {
  // The data components (charts, the indicator table) add no words of the report.
  if (name === 'DataChart' || name === 'IndicatorTable') return '';
  if (name === 'Recipients') return [report.recipients.label, ...report.recipients.items.map((i) => `- ${i}`)].join(' ');
  if (name === 'Signature') {
    const s = report.signature;
    return [s.onBehalfOf, s.authority, s.title, s.name].join(' ');
  }
  throw new Error(`no text known for component <${name} />`);
}

export interface ChapterFile {
  file: string;
  data: ChapterData;
  body: string;
}

/** The chapter files in reading order. */
export function readChapters(): ChapterFile[] {
  return content().chapters.map(({ file, data, body }) => ({ file, data, body }));
}

/** The words of one chapter as a reader sees them, with its markers' places. */
export function chapterWords(chapter: ChapterFile, report: Report): Words & { file: string } {
  const tokens: string[] = [];
  const markers: SourceMarker[] = [];
  const add = (text: string) => {
    const part = tokensWithMarkers(text);
    for (const m of part.markers) markers.push({ ...m, token: m.token + tokens.length });
    tokens.push(...part.tokens);
  };
  for (const line of chapter.data.heading) add(line);
  for (const block of mdxBlocks(chapter.body)) add(block.kind === 'component' ? componentText(block.name, report) : block.text);
  return { file: chapter.file, tokens, markers };
}

/** All chapters' words in reading order, markers placed on the whole. */
export function contentWords(): Words {
  const report = readReport();
  const all: Words = { tokens: [], markers: [] };
  for (const chapter of readChapters()) {
    const w = chapterWords(chapter, report);
    all.markers.push(...w.markers.map((m) => ({ ...m, token: m.token + all.tokens.length })));
    all.tokens.push(...w.tokens);
  }
  return all;
}

/** A readable account of the first place where two word lists differ, or null when equal. */
export function firstDifference(expected: string[], actual: string[], context = 10): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) {
      const around = (ws: string[]) => `${ws.slice(Math.max(0, i - context), i).join(' ')} ⟦${ws[i] ?? '∅'}⟧ ${ws.slice(i + 1, i + 1 + context).join(' ')}`;
      return `word ${i}: source has "${expected[i]}", content has "${actual[i]}"\n  source:  ${around(expected)}\n  content: ${around(actual)}`;
    }
  }
  return null;
}
