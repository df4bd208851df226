/** Shared readers for the unit tests: the real chapters as files, through the one loader (tests/support/content.ts). */
import type { ChapterData } from '../../../src/schemas/chapter';
import { content, ROOT } from '../../support/content';

export { ROOT };

export interface ChapterFile {
  /** File name, e.g. "02-i-1-linh-vuc-kinh-te.mdx". */
  name: string;
  data: ChapterData;
  body: string;
}

/** Every chapter file of the content, in file-name order, with parsed frontmatter. */
export function readChapterFiles(): ChapterFile[] {
  return content()
    .chapters.map((c) => ({ name: `${c.id}.mdx`, data: c.data, body: c.body }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
