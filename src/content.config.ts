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
import { relatedSchema } from './data/related';
import { keyedEntries, singleEntry } from './lib/yaml-entries';

/** Paths of the content files, relative to the project root. */
export const CONTENT_FILES = {
  chapters: 'content/chapters',
  footnotes: 'content/footnotes.yaml',
  report: 'content/report.yaml',
  corrections: 'content/corrections.yaml',
  figures: 'content/figures/figures.yaml',
  charts: 'content/figures/charts.yaml',
  indicators: 'content/indicators.yaml',
  abbreviations: 'content/abbreviations.yaml',
  crosschecks: 'content/crosschecks.yaml',
  related: 'content/related.yaml',
} as const;

/** The report's chapters, in MDX, mirroring Phần thứ nhất and Phần thứ hai. */
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `./${CONTENT_FILES.chapters}` }),
  schema: chapterSchema,
});

/** The report's 66 footnotes, keyed by their original number. */
const footnotes = defineCollection({
  loader: file(CONTENT_FILES.footnotes, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.footnotes, 'n'),
  }),
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
  loader: file(CONTENT_FILES.corrections, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.corrections, 'id'),
  }),
  schema: correctionSchema,
});

/** The numbers the report states, each with its quote and source (content/figures/figures.yaml). */
const figures = defineCollection({
  loader: file(CONTENT_FILES.figures, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.figures, 'id'),
  }),
  schema: figureSchema,
});

/** The charts drawn from the figures (content/figures/charts.yaml). */
const charts = defineCollection({
  loader: file(CONTENT_FILES.charts, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.charts, 'id'),
  }),
  schema: chartSchema,
});

/** The 15 main targets for 2024, with their 2023 figures where the report gives them (content/indicators.yaml). */
const indicators = defineCollection({
  loader: file(CONTENT_FILES.indicators, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.indicators, 'id'),
  }),
  schema: indicatorSchema,
});

/** The abbreviations the report uses, with their expansions (content/abbreviations.yaml). */
const abbreviations = defineCollection({
  loader: file(CONTENT_FILES.abbreviations, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.abbreviations, 'id'),
  }),
  schema: abbreviationSchema,
});

/** Arithmetic relations between the report's own figures, checked at build time (content/crosschecks.yaml). */
const crosschecks = defineCollection({
  loader: file(CONTENT_FILES.crosschecks, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.crosschecks, 'id'),
  }),
  schema: crosscheckSchema,
});

/** Links between a section of the 2023 results and the 2024 tasks of the same field (content/related.yaml). */
const related = defineCollection({
  loader: file(CONTENT_FILES.related, {
    parser: (text) => keyedEntries(text, CONTENT_FILES.related, 'id'),
  }),
  schema: relatedSchema,
});

export const collections = { chapters, footnotes, report, corrections, figures, charts, indicators, abbreviations, crosschecks, related };
