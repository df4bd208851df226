/**
 * Reads the data files and the report's chapters and footnotes from a project folder, for
 * the figure tests: the parsed figures, charts and indicators, the source index, and the
 * whole data set resolved as the pages get it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chapterSchema } from '../../src/schemas/chapter';
import { chartSchema, figureSchema, type ChartSpec, type Figure } from '../../src/schemas/figure';
import { footnoteSchema } from '../../src/schemas/footnote';
import { indicatorSchema, type Indicator } from '../../src/schemas/indicator';
import { FIGURE_FILES, figureData, sourceIndex, type ChapterSource } from '../../src/figures/figures';
import { splitFrontmatter } from '../../src/data/validate';
import { keyedEntries } from '../../src/data/yaml-entries';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The raw entries of a data file, in the file's order. */
export function rawEntries(file: string, root = ROOT): Record<string, unknown>[] {
  return Object.values(keyedEntries(readFileSync(join(root, file), 'utf8'), file, 'id'));
}

/** The chapters as the source index needs them, keyed by file name without ".mdx". */
export function readChapterSources(root = ROOT): ChapterSource[] {
  const dir = join(root, 'content/chapters');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = `content/chapters/${name}`;
      const { data, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), file);
      return { id: name.replace(/\.mdx$/u, ''), data: chapterSchema.parse(data), body };
    });
}

export function readFootnotes(root = ROOT) {
  const file = 'content/footnotes.yaml';
  return Object.values(keyedEntries(readFileSync(join(root, file), 'utf8'), file, 'n')).map((e) => footnoteSchema.parse(e));
}

export function loadFigures(root = ROOT) {
  const figures: Figure[] = rawEntries(FIGURE_FILES.figures, root).map((e) => figureSchema.parse(e));
  const charts: ChartSpec[] = rawEntries(FIGURE_FILES.charts, root).map((e) => chartSchema.parse(e));
  const indicators: Indicator[] = rawEntries(FIGURE_FILES.indicators, root).map((e) => indicatorSchema.parse(e));
  const index = sourceIndex(readChapterSources(root), readFootnotes(root));
  return { figures, charts, indicators, index, data: figureData(figures, charts, indicators, index) };
}
