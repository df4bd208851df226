/** Shared readers for the unit tests: the real chapters as files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chapterSchema, type ChapterData } from '../../../src/schemas/chapter';
import { splitFrontmatter } from '../../../src/data/validate';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CHAPTERS_DIR = 'content/chapters';

export interface ChapterFile {
  /** File name, e.g. "02-i-1-linh-vuc-kinh-te.mdx". */
  name: string;
  data: ChapterData;
  body: string;
}

/** Every chapter file under content/chapters, in file-name order, with parsed frontmatter. */
export function readChapterFiles(root = ROOT): ChapterFile[] {
  return readdirSync(join(root, CHAPTERS_DIR))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const file = `${CHAPTERS_DIR}/${name}`;
      const { data, body } = splitFrontmatter(readFileSync(join(root, file), 'utf8'), file);
      return { name, data: chapterSchema.parse(data), body };
    });
}
