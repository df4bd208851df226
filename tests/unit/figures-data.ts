/**
 * The figure tests' data, through the one loader (tests/support/content.ts): the parsed
 * figures, charts and indicators, the source index, and the whole data set resolved as
 * the pages get it.
 */
import { reportYears } from '../../src/core/years';
import { figureData, sourceIndex, type ChapterSource } from '../../src/figures/figures';
import { content, ROOT } from '../support/content';

export { ROOT };

/** The chapters as the source index needs them, keyed by file name without ".mdx", in file-name order. */
export function readChapterSources(): ChapterSource[] {
  return content()
    .chapters.map(({ id, data, body }) => ({ id, data, body }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function readFootnotes() {
  return content().footnotes;
}

export function loadFigures() {
  const { figures, charts, indicators } = content();
  const index = sourceIndex(readChapterSources(), readFootnotes());
  return { figures, charts, indicators, index, data: figureData(figures, charts, indicators, index, reportYears(content().report)) };
}
