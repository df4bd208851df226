import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter';
import { correctionSchema } from './schemas/correction';
import { footnoteSchema } from './schemas/footnote';
import { reportSchema } from './schemas/report';
import { keyedEntries, singleEntry } from './lib/yaml-entries';

/** Paths of the content files, relative to the project root. */
export const CONTENT_FILES = {
  chapters: 'content/chapters',
  footnotes: 'content/footnotes.yaml',
  report: 'content/report.yaml',
  corrections: 'content/corrections.yaml',
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

export const collections = { chapters, footnotes, report, corrections };
