/**
 * Builds the search index after `astro build`, through Pagefind's Node API:
 * - each chapter page of dist/ (its <article data-pagefind-body>; footnote markers, the
 *   footnote list and page furniture carry data-pagefind-ignore);
 * - each footnote of content/footnotes.yaml as a record of its own, at its marker;
 * - every other page of dist/ that holds a data-pagefind-body (the site's own pages,
 *   e.g. /chu-viet-tat/), counted apart: they do not count as chapters.
 * The build fails when Pagefind reports an error, when a chapter page is missing or has
 * no indexable body, or when fewer chapters or footnotes are indexed than exist.
 * Pagefind's ready-made UIs are removed from the output: the site has its own, in
 * Vietnamese (Pagefind's Vietnamese strings are wrong, e.g. "Kiểm thị kết quả…").
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { t } from '../i18n/vi';
import { chapterNavLabel } from '../lib/chapter-labels';
import { footnoteRefs } from '../lib/mdx-text';
import { countProblems, footnoteChapters, footnoteRecord, type SearchChapter } from '../lib/search-records';
import { splitFrontmatter } from '../lib/validate-content';
import { keyedEntries } from '../lib/yaml-entries';
import { chapterSchema } from '../schemas/chapter';
import { footnoteSchema, type Footnote } from '../schemas/footnote';
import { absolute, contentFiles, contentFolder } from '../data/paths';

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
export function readSearchContent(root: string, folder: string = contentFolder()): SearchContent {
  const paths = contentFiles(folder);
  const dir = absolute(root, paths.chapters);
  const chapters = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = `${paths.chapters}/${f}`;
      const { data, body } = splitFrontmatter(readFileSync(join(dir, f), 'utf8'), file);
      const parsed = chapterSchema.parse(data);
      return { order: parsed.order, slug: parsed.slug, part: parsed.part, label: chapterNavLabel(parsed), footnotes: footnoteRefs(body).map((r) => r.n) };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...c }) => c);
  const file = paths.footnotes;
  const footnotes = Object.values(keyedEntries(readFileSync(absolute(root, file), 'utf8'), file, 'n'))
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
 * Indexes the built site in `dist` with the content under `root`, and writes the
 * bundle to `dist/pagefind`. Throws, saying what went wrong, instead of writing a
 * partial index.
 */
export async function buildSearchIndex(options: { root: string; dist: string; content?: SearchContent }): Promise<IndexSummary> {
  const { root, dist } = options;
  const content = options.content ?? readSearchContent(root);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  try {
    if (!index || errors.length > 0) fail(`Pagefind could not start: ${errors.join('; ') || 'no index'}`);
    let chapters = 0;
    for (const chapter of content.chapters) {
      const file = join(dist, chapter.slug, 'index.html');
      if (!existsSync(file)) fail(`the page of chapter "${chapter.slug}" is missing (${file})`);
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) fail(`the page of chapter "${chapter.slug}" has no data-pagefind-body`);
      const added = await index.addHTMLFile({ url: `/${chapter.slug}/`, content: html });
      if (added.errors.length > 0) fail(`chapter "${chapter.slug}": ${added.errors.join('; ')}`);
      if (!added.file || added.file.uniqueWords === 0) fail(`chapter "${chapter.slug}": no words were indexed`);
      chapters++;
    }
    let pages = 0;
    for (const extra of extraSearchPages(dist, content.chapters.map((c) => c.slug))) {
      const added = await index.addHTMLFile({ url: extra.url, content: readFileSync(extra.file, 'utf8') });
      if (added.errors.length > 0) fail(`page ${extra.url}: ${added.errors.join('; ')}`);
      if (!added.file || added.file.uniqueWords === 0) fail(`page ${extra.url}: no words were indexed`);
      pages++;
    }
    const byNumber = footnoteChapters(content.chapters);
    let footnotes = 0;
    for (const footnote of content.footnotes) {
      const chapter = byNumber.get(footnote.n);
      if (!chapter) fail(`footnote ${footnote.n} has no marker in any chapter`);
      const added = await index.addCustomRecord(footnoteRecord(footnote, chapter, t('search.footnoteTitle', { n: footnote.n })));
      if (added.errors.length > 0) fail(`footnote ${footnote.n}: ${added.errors.join('; ')}`);
      footnotes++;
    }
    const problems = countProblems({ chapters: content.chapters.length, footnotes: content.footnotes.length }, { chapters, footnotes }, new Set(content.chapters.flatMap((c) => c.footnotes)).size);
    if (problems.length > 0) fail(problems.join('; '));
    const outputPath = join(dist, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`writing ${outputPath}: ${written.errors.join('; ')}`);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, name), { force: true });
    const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    return { chapters, footnotes, pages, files };
  } finally {
    await pagefind.close();
  }
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
        logger.info(`${summary.chapters} chapters, ${summary.footnotes} footnotes and ${summary.pages} other pages indexed; ${summary.files} files in pagefind/ (${ms} ms)`);
      },
    },
  };
}
