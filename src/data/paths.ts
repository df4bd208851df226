/**
 * Where the content folder is, and what it holds. `content/` by default; the environment
 * variable REPORT_CONTENT names another (relative to the project root, or absolute), so
 * that `REPORT_CONTENT=DIR npm run build` builds the site of another report.
 *
 * The one definition of the folder's layout: the Astro collections, the build's checks,
 * the search index and the tests take their paths from here.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export const CONTENT_ENV = 'REPORT_CONTENT';

/** The files of a content folder, relative to it. */
export const CONTENT_LAYOUT = {
  source: 'source',
  chapters: 'chapters',
  footnotes: 'footnotes.yaml',
  report: 'report.yaml',
  corrections: 'corrections.yaml',
  abbreviations: 'abbreviations.yaml',
  exclusions: 'abbreviation-exclusions.yaml',
  figures: 'figures/figures.yaml',
  charts: 'figures/charts.yaml',
  indicators: 'indicators.yaml',
  crosschecks: 'crosschecks.yaml',
  related: 'related.yaml',
} as const;

export type ContentKey = keyof typeof CONTENT_LAYOUT;

/**
 * Data files an editor adds after the import (related.yaml: the links between the two Parts;
 * abbreviation-exclusions.yaml: the words in capitals that are not abbreviations). Each may be absent: the site then builds
 * without the pages that show it. A file that is present is checked in full.
 */
export const OPTIONAL_FILES = ['figures', 'charts', 'indicators', 'crosschecks', 'related', 'exclusions'] as const satisfies readonly ContentKey[];

/** The content folder as given: REPORT_CONTENT, else "content"; no trailing slash. */
export function contentFolder(env: Record<string, string | undefined> = process.env): string {
  const value = env[CONTENT_ENV]?.trim();
  return value ? value.replace(/\/+$/u, '') || '/' : 'content';
}

/** The path of each content file as errors name it: "content/footnotes.yaml", or under REPORT_CONTENT. */
export function contentFiles(folder: string = contentFolder()): Record<ContentKey, string> {
  return Object.fromEntries(Object.entries(CONTENT_LAYOUT).map(([k, v]) => [k, `${folder}/${v}`])) as Record<ContentKey, string>;
}

/** The absolute path of a content file (or folder) named as contentFiles() names it. */
export function absolute(root: string, file: string): string {
  return isAbsolute(file) ? file : join(root, file);
}

/** Whether an optional data file is present in the content folder. */
export function hasFile(root: string, key: ContentKey, folder: string = contentFolder()): boolean {
  return existsSync(absolute(root, contentFiles(folder)[key]));
}
