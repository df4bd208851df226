/**
 * Builds the search index after `astro build`, through Pagefind's Node API: one custom
 * record per passage of the report (each heading and paragraph of each chapter, each
 * footnote of content/footnotes.yaml), folded, with the report's own words in its
 * metadata (src/search/node/data.ts); then the lexicon (the report's words and the
 * abbreviations) and every record's text in one file (src/search/node/fragments.ts) under dist/search-data/. The build fails when Pagefind reports an error, when a chapter page
 * is missing or has no passage, or when fewer chapters or footnotes are indexed than
 * exist. Pagefind's ready-made UIs are removed from the output: the
 * site has its own UI, in Vietnamese.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { countProblems } from '../records';
import { passageRecord, readPassages, writeLexicon, type SearchPassages } from './data';
import { loadContent, type ReportContent } from '../../data/load';
import { writeFragmentStore } from './fragments';
import type { Passage } from '../types';

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

export interface IndexSummary {
  chapters: number;
  footnotes: number;
  /** Passages indexed: headings and paragraphs of the chapters, and footnotes. */
  passages: number;
  /** Files written under the bundle folder. */
  files: number;
}

function fail(message: string): never {
  throw new Error(`search index: ${message}`);
}

async function addPassage(index: pagefind.PagefindIndex, p: Passage) {
  const added = await index.addCustomRecord(passageRecord(p));
  if (added.errors.length > 0) fail(`${p.kind === 'footnote' ? `footnote ${p.n}` : `passage ${p.chapter}#${p.id}`}: ${added.errors.join('; ')}`);
}

/**
 * Indexes the report's passages (`data`, by default read from the content under `root`)
 * for the site built in `dist`: one Pagefind record per passage, its text with đ written
 * d so that one search finds "đầu" and "dau"; then writes dist/search-data/lexicon.json.
 * Throws, saying what went wrong, instead of writing a partial index.
 */
export async function buildSearchIndex(options: { root: string; dist: string; data?: SearchPassages }): Promise<IndexSummary> {
  const { root, dist } = options;
  const data = options.data ?? readPassages(loadContent(root));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', maxFragments: 5000 });
  try {
    if (!index || errors.length > 0) fail(`Pagefind could not start: ${errors.join('; ') || 'no index'}`);
    let chapters = 0;
    let passages = 0;
    for (const chapter of data.chapters) {
      const file = join(dist, chapter.slug, 'index.html');
      if (!existsSync(file)) fail(`the page of chapter "${chapter.slug}" is missing (${file})`);
      if (chapter.passages.length === 0) fail(`chapter "${chapter.slug}" has no passage to index`);
      for (const p of chapter.passages) await addPassage(index, p);
      passages += chapter.passages.length;
      chapters++;
    }
    let footnotes = 0;
    for (const p of data.footnotes) {
      await addPassage(index, p);
      footnotes++;
    }
    // As many footnotes as the chapters have markers: the count comes from the content, not the code.
    const markers = new Set(data.chapters.flatMap((c) => c.footnotes)).size;
    const problems = countProblems({ chapters: data.chapters.length, footnotes: data.footnotes.length }, { chapters, footnotes }, markers);
    if (problems.length > 0) fail(problems.join('; '));
    const outputPath = join(dist, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`writing ${outputPath}: ${written.errors.join('; ')}`);
    for (const name of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, name), { force: true });
    writeLexicon(dist, data);
    const stored = writeFragmentStore(dist, outputPath);
    if (stored !== passages + footnotes) fail(`${stored} fragments written for ${passages + footnotes} passages`);
    const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    return { chapters, footnotes, passages: passages + footnotes, files };
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: indexes the site once `astro build` has written it. */
/** The integration; `content` gives the loaded content folder (src/data/load.ts). */
export default function searchIndex(content: () => ReportContent = () => loadContent()): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'report-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const summary = await buildSearchIndex({ root, dist: fileURLToPath(dir), data: readPassages(content()) });
        // The time is read by the bench (tests/bench/site.ts) to split the build's time.
        const ms = Math.round(performance.now() - started);
        logger.info(`${summary.chapters} chapters and ${summary.footnotes} footnotes indexed as ${summary.passages} passages; ${summary.files} files in pagefind/ (${ms} ms)`);
      },
    },
  };
}
