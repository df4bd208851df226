/**
 * The content under test, read by the site's one loader (src/data/load.ts): content/, or
 * the folder REPORT_CONTENT names. Loaded once per test file; the helpers of the unit and
 * end-to-end tests take their chapters, footnotes and data from here.
 */
import { resolve } from 'node:path';
import { loadContent, type ReportContent } from '../../src/data/load';

export const ROOT = resolve(import.meta.dirname, '../..');

let loaded: ReportContent | undefined;

/** The content folder, checked and typed. */
export function content(): ReportContent {
  loaded ??= loadContent(ROOT);
  return loaded;
}
