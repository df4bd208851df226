/**
 * Shared readers for the unit tests: the real chapters as files, and a small stand-in
 * for the HTML that MDX renders from a chapter body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chapterSchema, type ChapterData } from '../../../src/schemas/chapter';
import { inlinePlainText, mdxBlocks } from '../../../src/lib/mdx-text';
import { splitFrontmatter } from '../../../src/lib/validate-content';

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

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * HTML shaped like MDX's output for a chapter body: headings as <hN> with a slug id
 * (which annotate() must replace), paragraphs as <p> with each footnote marker as a
 * <sup> link, block components as a <div> without headings or paragraphs.
 */
export function renderLikeMdx(body: string): string {
  return mdxBlocks(body)
    .map((block) => {
      if (block.kind === 'component') return `<div class="${block.name.toLowerCase()}"><ul><li>…</li></ul></div>`;
      if (block.kind === 'heading') {
        const text = escapeHtml(inlinePlainText(block.text));
        const slug = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
        return `<h${block.level} id="${slug}">${text}</h${block.level}>`;
      }
      const marked = block.text.replace(/<Fn\s+n=\{\s*(\d+)\s*\}\s*\/>/gu, '\u0000$1\u0000');
      const html = escapeHtml(inlinePlainText(marked)).replace(
        /\u0000(\d+)\u0000/gu,
        '<sup class="fn"><a class="fn-ref" href="#fn-$1" id="fnref-$1">$1</a></sup>',
      );
      return `<p>${html}</p>`;
    })
    .join('\n');
}
