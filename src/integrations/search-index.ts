/**
 * Builds the search index after `astro build`, through Pagefind's Node API: one custom
 * record per passage of the report (each heading and paragraph of each chapter, each
 * footnote of content/footnotes.yaml), folded, with the report's own words in its
 * metadata (src/search/node/data.ts); then the lexicon (the report's words and the
 * abbreviations) under dist/search-data/. The build fails when Pagefind reports an error, when a chapter page
 * is missing or has no passage, or when fewer chapters or footnotes are indexed than
 * exist. Pagefind's ready-made UIs are removed from the output: the
 * site has its own UI, in Vietnamese.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { chapterNavLabel } from '../lib/chapter-labels';
import { footnoteRefs } from '../lib/mdx-text';
import { countProblems, type SearchChapter } from '../lib/search-records';
import { passageRecord, readPassages, writeLexicon } from '../search/node/data';
import type { Passage } from '../search/types';
import { splitFrontmatter } from '../lib/validate-content';
import { keyedEntries } from '../lib/yaml-entries';
import { chapterSchema } from '../schemas/chapter';
import { FOOTNOTE_COUNT, footnoteSchema, type Footnote } from '../schemas/footnote';

/** Files of Pagefind's bundle that the site does not use. */
export const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface SearchContent {
  chapters: SearchChapter[];
  footnotes: Footnote[];
}

/** The chapters (in reading order) and footnotes of the content folder under `root`. */
export function readSearchContent(root: string): SearchContent {
  const dir = join(root, 'content/chapters');
  const chapters = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = `content/chapters/${f}`;
      const { data, body } = splitFrontmatter(readFileSync(join(dir, f), 'utf8'), file);
      const parsed = chapterSchema.parse(data);
      return { order: parsed.order, slug: parsed.slug, part: parsed.part, label: chapterNavLabel(parsed), footnotes: footnoteRefs(body).map((r) => r.n) };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...c }) => c);
  const file = 'content/footnotes.yaml';
  const footnotes = Object.values(keyedEntries(readFileSync(join(root, file), 'utf8'), file, 'n'))
    .map((e) => footnoteSchema.parse(e))
    .sort((a, b) => a.n - b.n);
  return { chapters, footnotes };
}

export interface IndexSummary {
  chapters: number;
  footnotes: number;
  /** The site's own pages indexed besides the chapters (extraSearchPages()). */
  pages: number;
  /** Files written under the bundle folder. */
  files: number;
}

/** Whether an HTML document has an element with the data-pagefind-body attribute. */
export function hasPagefindBody(html: string): boolean {
  return /<[a-z][^>]*\sdata-pagefind-body(?=[\s=>/])/iu.test(html);
}

/**
 * The pages of `dist` other than the chapters' (`chapterSlugs`) that hold a
 * data-pagefind-body: the site's own pages to search. Each with its URL path ("/a/b/")
 * and its file; sorted by URL.
 */
export function extraSearchPages(dist: string, chapterSlugs: readonly string[]): { url: string; file: string }[] {
  const chapterUrls = new Set(chapterSlugs.map((s) => `/${s}/`));
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name))
    .map((file) => ({ file, url: `/${relative(dist, file).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/u, '/') }))
    .filter((p) => !chapterUrls.has(p.url) && !p.url.startsWith('/pagefind/') && hasPagefindBody(readFileSync(p.file, 'utf8')))
    .sort((a, b) => a.url.localeCompare(b.url));
}

function fail(message: string): never {
  throw new Error(`search index: ${message}`);
}

/**
 * Indexes the report in `dist`: one Pagefind record per passage (each heading and
 * paragraph of each chapter, each footnote; src/search/node/data.ts), its text folded so
 * that one search finds "đầu" and "dau" alike; then writes the passages, in chunks, and
 * the manifest that maps Pagefind's records to them, under dist/search-data/. Throws,
 * saying what went wrong, instead of writing a partial index.
 */
export async function buildSearchIndex(options: { root: string; dist: string; content?: SearchContent }): Promise<IndexSummary> {
  const { root, dist } = options;
  const content = options.content ?? readSearchContent(root);
  const data = readPassages(root);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 5000 });
  try {
    if (!index || errors.length > 0) fail(`Pagefind could not start: ${errors.join('; ') || 'no index'}`);
    let chapters = 0;
    for (const chapter of content.chapters) {
      const file = join(dist, chapter.slug, 'index.html');
      if (!existsSync(file)) fail(`the page of chapter "${chapter.slug}" is missing (${file})`);
      const passages = data.chapters.find((c) => c.slug === chapter.slug)?.passages ?? [];
      if (passages.length === 0) fail(`chapter "${chapter.slug}": no passages to index`);
      for (const p of passages) await addPassage(index, p);
      chapters++;
    }
    let footnotes = 0;
    for (const p of data.footnotes) {
      await addPassage(index, p);
      footnotes++;
    }
    const problems = countProblems({ chapters: content.chapters.length, footnotes: content.footnotes.length }, { chapters, footnotes }, FOOTNOTE_COUNT);
    if (problems.length > 0) fail(problems.join('; '));
    const outputPath = join(dist, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`writing ${outputPath}: ${written.errors.join('; ')}`);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, name), { force: true });
    writeLexicon(dist, data);
    const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    return { chapters, footnotes, pages: 0, files };
  } finally {
    await pagefind.close();
  }
}

async function addPassage(index: pagefind.PagefindIndex, p: Passage) {
  const added = await index.addCustomRecord(passageRecord(p));
  if (added.errors.length > 0) fail(`${p.kind === 'footnote' ? `footnote ${p.n}` : `passage ${p.chapter}#${p.id}`}: ${added.errors.join('; ')}`);
}

/** The Astro integration: indexes the site once `astro build` has written it. */
export default function searchIndex(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'report-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({ root, dist: fileURLToPath(dir) });
        // The time is read by the bench (tests/bench/site.ts) to split the build's time.
        const ms = Math.round(performance.now() - started);
        logger.info(`${summary.chapters} chapters and ${summary.footnotes} footnotes indexed; ${summary.files} files in pagefind/ (${ms} ms)`);
      },
    },
  };
}
