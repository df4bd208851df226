/**
 * Build-time search data (Node): every passage of the report — each heading and
 * paragraph of each chapter, with its permalink id, and each footnote — from the loaded
 * content folder (src/data/load.ts); each becomes one Pagefind record (src/search/node/search-index.ts);
 * and the lexicon the browser uses for words being typed, typos and abbreviations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdAssigner, parseNumbering } from '../../core/ids';
import { inlinePlainText, mdxBlocks, footnoteRefs } from '../../core/mdx-text';
import type { ReportContent } from '../../data/load';
import { chapterPath } from '../../core/slug';
import { encodeD, foldedWords } from '../text';
import { DATA_DIR, KIND_CONTENT, KIND_FOOTNOTE, LEXICON_FILE, type Lexicon, type Passage, type PassageMeta } from '../types';

export interface ChapterPassages {
  slug: string;
  part: string;
  /** "I.1", or the title for a chapter without a number. */
  number: string;
  passages: Passage[];
  footnotes: number[];
}

export interface SearchPassages {
  chapters: ChapterPassages[];
  footnotes: Passage[];
  abbreviations: [string, string][];
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`search data: ${file}: ${field}: ${message}`);
}

/** The passages of the loaded content folder (src/data/load.ts). */
export function readPassages(content: ReportContent): SearchPassages {
  const chapters = content.chapters.map((c): ChapterPassages => {
    const ids = new IdAssigner(c.data.part, c.data.section);
    ids.root(c.data.heading);
    // What a result says it is: the chapter's number, or its title when it has none ("Mở đầu").
    const number = c.data.number || c.data.title;
    let numbering = '';
    const passages: Passage[] = [];
    for (const block of mdxBlocks(c.body)) {
      if (block.kind === 'component') continue;
      const text = inlinePlainText(block.text).trim();
      const n = parseNumbering(text);
      const id = block.kind === 'heading' ? ids.heading(text) : ids.paragraph(text);
      if (n?.kind === 'decimal') numbering = n.label.replace(/\.$/u, '');
      if (!text) fail(c.file, `line ${block.line}`, 'an empty block');
      passages.push({ id, kind: 'content', chapter: c.data.slug, part: c.data.part, where: numbering ? `${number} › ${numbering}` : number, text });
    }
    return { slug: c.data.slug, part: c.data.part, number, passages, footnotes: footnoteRefs(c.body).map((r) => r.n) };
  });
  const byNumber = new Map<number, ChapterPassages>();
  for (const c of chapters) for (const n of c.footnotes) byNumber.set(n, c);
  const footnotes = content.footnotes.map((f): Passage => {
    const c = byNumber.get(f.n) ?? fail(content.files.footnotes, `n: ${f.n}`, 'no chapter has its marker');
    return { id: `fn-${f.n}`, kind: 'footnote', n: f.n, chapter: c.slug, part: c.part, where: c.number, text: f.text };
  });
  const abbreviations = content.abbreviations.map((a): [string, string] => [a.abbr, a.expansion]);
  return { chapters, footnotes, abbreviations };
}

/** The URL of a passage's Pagefind record: its place in its chapter. */
export function passageUrl(p: Passage): string {
  return chapterPath(p.chapter, p.kind === 'footnote' ? `fnref-${p.n}` : p.id);
}

/**
 * A passage's Pagefind record. Pagefind folds tone and vowel marks itself, but not đ (a
 * letter of its own): the content writes đ as d with a combining stroke, which Pagefind
 * folds away (src/search/text.ts, encodeD()), so that the report's words come back
 * exactly from the record alone. Pagefind also indexes metadata: it is kept short.
 */
export function passageRecord(p: Passage) {
  const content = encodeD(p.text);
  const meta: Record<string, string> = { w: p.where, ...(p.n ? { n: String(p.n) } : {}) } satisfies PassageMeta;
  return {
    url: passageUrl(p),
    content,
    language: 'vi',
    meta,
    filters: { kind: [p.kind === 'footnote' ? KIND_FOOTNOTE : KIND_CONTENT], part: [p.part], chapter: [p.chapter] },
  };
}

/** Every folded word (letters only) of the passages, each once, sorted. */
export function vocabulary(passages: Passage[]): string {
  const words = new Set<string>();
  for (const w of passages.flatMap((p) => foldedWords(p.text))) if (!/\p{N}/u.test(w)) words.add(w);
  return [...words].sort().join(' ');
}

/** Writes dist/search-data/lexicon.json; returns its path. */
export function writeLexicon(dist: string, data: SearchPassages): string {
  const out = join(dist, DATA_DIR);
  mkdirSync(out, { recursive: true });
  const lexicon: Lexicon = { words: vocabulary([...data.chapters.flatMap((c) => c.passages), ...data.footnotes]), abbreviations: data.abbreviations };
  const file = join(out, LEXICON_FILE);
  writeFileSync(file, JSON.stringify(lexicon));
  return file;
}
