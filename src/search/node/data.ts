/**
 * Build-time search data (Node): every passage of the report — each heading and
 * paragraph of each chapter, with its permalink id, and each footnote — read from the
 * content folder; each becomes one Pagefind record (src/search/node/search-index.ts);
 * and the lexicon the browser uses for words being typed, typos and abbreviations.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { absolute, contentFiles } from '../../data/paths';
import { IdAssigner, parseNumbering } from '../../core/ids';
import { inlinePlainText, mdxBlocks, footnoteRefs } from '../../core/mdx-text';
import { splitFrontmatter } from '../../data/validate';
import { keyedEntries } from '../../data/yaml-entries';
import { chapterSchema } from '../../schemas/chapter';
import { footnoteSchema } from '../../schemas/footnote';
import { abbreviationSchema } from '../../schemas/abbreviation';
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

/** The passages of the content folder under `root`. */
export function readPassages(root: string): SearchPassages {
  const paths = contentFiles();
  const dir = absolute(root, paths.chapters);
  const chapters: (ChapterPassages & { order: number })[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.mdx'))) {
    const file = `${paths.chapters}/${f}`;
    const { data, body } = splitFrontmatter(readFileSync(join(dir, f), 'utf8'), file);
    const c = chapterSchema.parse(data);
    const ids = new IdAssigner(c.part, c.section);
    ids.root(c.heading);
    const number = c.number ?? c.title;
    let numbering = '';
    const passages: Passage[] = [];
    for (const block of mdxBlocks(body)) {
      if (block.kind === 'component') continue;
      const text = inlinePlainText(block.text).trim();
      const n = parseNumbering(text);
      const id = block.kind === 'heading' ? ids.heading(text) : ids.paragraph(text);
      if (n?.kind === 'decimal') numbering = n.label.replace(/\.$/u, '');
      if (!text) fail(file, `line ${block.line}`, 'an empty block');
      passages.push({ id, kind: 'content', chapter: c.slug, part: c.part, where: numbering ? `${number} › ${numbering}` : number, text });
    }
    chapters.push({ order: c.order, slug: c.slug, part: c.part, number, passages, footnotes: footnoteRefs(body).map((r) => r.n) });
  }
  chapters.sort((a, b) => a.order - b.order);
  const byNumber = new Map<number, ChapterPassages>();
  for (const c of chapters) for (const n of c.footnotes) byNumber.set(n, c);
  const fnFile = paths.footnotes;
  const footnotes = Object.values(keyedEntries(readFileSync(absolute(root, fnFile), 'utf8'), fnFile, 'n'))
    .map((e) => footnoteSchema.parse(e))
    .sort((a, b) => a.n - b.n)
    .map((f): Passage => {
      const c = byNumber.get(f.n) ?? fail(fnFile, `n: ${f.n}`, 'no chapter has its marker');
      return { id: `fn-${f.n}`, kind: 'footnote', n: f.n, chapter: c.slug, part: c.part, where: c.number, text: f.text };
    });
  const abFile = paths.abbreviations;
  const abbreviations = Object.values(keyedEntries(readFileSync(absolute(root, abFile), 'utf8'), abFile, 'id'))
    .map((e) => abbreviationSchema.parse(e))
    .map((a): [string, string] => [a.abbr, a.expansion]);
  return { chapters: chapters.map(({ order: _o, ...c }) => c), footnotes, abbreviations };
}

/** The URL of a passage's Pagefind record: its place in its chapter. */
export function passageUrl(p: Passage): string {
  return p.kind === 'footnote' ? `/${p.chapter}/#fnref-${p.n}` : `/${p.chapter}/#${p.id}`;
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
