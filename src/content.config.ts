import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { abbreviationSchema } from './schemas/abbreviation';
import { chapterSchema } from './schemas/chapter';
import { correctionSchema } from './schemas/correction';
import { crosscheckSchema } from './schemas/crosscheck';
import { chartSchema, figureSchema } from './schemas/figure';
import { footnoteSchema } from './schemas/footnote';
import { indicatorSchema } from './schemas/indicator';
import { reportSchema } from './schemas/report';
import { relatedSchema } from './schemas/related';
import { keyedEntries, singleEntry } from './data/yaml-entries';
import { absolute, contentFiles, OPTIONAL_FILES, type ContentKey } from './data/paths';
import { existsSync } from 'node:fs';

/** Paths of the content files: content/ or the folder REPORT_CONTENT names (src/data/paths.ts). */
export const CONTENT_FILES = contentFiles();
const root = process.cwd();

/**
 * A YAML list file keyed by one field. A data file an editor adds later (figures, charts,
 * indicators, cross-checks) may be absent: its collection is then empty.
 */
function yamlList(key: ContentKey, id: string) {
  const path = CONTENT_FILES[key];
  if (!existsSync(absolute(root, path)) && (OPTIONAL_FILES as readonly string[]).includes(key)) return () => [];
  return file(path, { parser: (text) => keyedEntries(text, path, id) });
}

/** The report's chapters, in MDX, mirroring Phần thứ nhất and Phần thứ hai. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: absolute(root, CONTENT_FILES.chapters) }),
  schema: chapterSchema,
});

/** The report's footnotes, keyed by their original number. */
const footnotes = defineCollection({
  loader: yamlList('footnotes', 'n'),
  schema: footnoteSchema,
});

/** The report's metadata: one entry, id "report". */
const report = defineCollection({
  loader: file(CONTENT_FILES.report, {
    parser: (text) => singleEntry(text, CONTENT_FILES.report, 'report'),
  }),
  schema: reportSchema,
});

/** Where the site's text deliberately differs from the source, and why. */
const corrections = defineCollection({
  loader: yamlList('corrections', 'id'),
  schema: correctionSchema,
});

/** The numbers the report states, each with its quote and source (content/figures/figures.yaml). */
const figures = defineCollection({
  loader: yamlList('figures', 'id'),
  schema: figureSchema,
});

/** The charts drawn from the figures (content/figures/charts.yaml). */
const charts = defineCollection({
  loader: yamlList('charts', 'id'),
  schema: chartSchema,
});

/** The main targets of the year planned for, with the figures of the year reported on where the report gives them (content/indicators.yaml). */
const indicators = defineCollection({
  loader: yamlList('indicators', 'id'),
  schema: indicatorSchema,
});

/** The abbreviations the report uses, with their expansions (content/abbreviations.yaml). */
const abbreviations = defineCollection({
  loader: yamlList('abbreviations', 'id'),
  schema: abbreviationSchema,
});

/** Arithmetic relations between the report's own figures, checked at build time (content/crosschecks.yaml). */
const crosschecks = defineCollection({
  loader: yamlList('crosschecks', 'id'),
  schema: crosscheckSchema,
});

/** Links between a section of the 2023 results and the 2024 tasks of the same field (content/related.yaml). */
const related = defineCollection({
  loader: yamlList('related', 'id'),
  schema: relatedSchema,
});

export const collections = { chapters, footnotes, report, corrections, figures, charts, indicators, abbreviations, crosschecks, related };
