/**
 * The bench's scale check: the content of a project folder made 10 times larger, as if
 * the site published 10 reports. Report 1 is the real one; reports 2…10 repeat its
 * chapters with their own files (r02-01-mo-dau.mdx…), slugs (bao-cao-2/phan-thu-nhat/…)
 * and orders after the real ones, and their own footnotes, renumbered after the real
 * 66 (report k's footnote n is n + 66·(k−1)) and appended to footnotes.yaml. The copies
 * leave out the charts and the table of targets, which a chart may stand in once only.
 */
import { readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';

export const FOOTNOTES_PER_REPORT = 66;

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u;
const DATA_COMPONENT = /^<(?:DataChart|IndicatorTable)\b[^>]*\/>\s*$/u;

/** One chapter file of report `k` (2…): new order and slug, footnotes renumbered, no data components. */
export function chapterCopy(text: string, k: number, chapterCount: number): string {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('a chapter without frontmatter');
  const shift = FOOTNOTES_PER_REPORT * (k - 1);
  const front = m[1]
    .replace(/^order: (\d+)$/mu, (_, n: string) => `order: ${Number(n) + chapterCount * (k - 1)}`)
    .replace(/^slug: (.+)$/mu, (_, slug: string) => `slug: bao-cao-${k}/${slug.trim()}`);
  const body = m[2]
    .split('\n')
    .filter((line) => !DATA_COMPONENT.test(line))
    .join('\n')
    .replace(/<Fn\s+n=\{\s*(\d+)\s*\}\s*\/>/gu, (_, n: string) => `<Fn n={${Number(n) + shift}} />`);
  return `---\n${front}\n---\n${body}`;
}

/** Makes the content under `root` (a copy of the project) `reports` times as large. */
export function multiplyContent(root: string, reports = 10): { chapters: number; footnotes: number } {
  const dir = join(root, 'content/chapters');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
  const footnotesFile = join(root, 'content/footnotes.yaml');
  const entries = [...readFileSync(footnotesFile, 'utf8').matchAll(/^- n: (\d+)\n {2}text: (.*)$/gmu)].map((m) => ({ n: Number(m[1]), text: m[2] }));
  if (entries.length !== FOOTNOTES_PER_REPORT) throw new Error(`footnotes.yaml: expected ${FOOTNOTES_PER_REPORT} one-line entries, found ${entries.length}`);
  for (let k = 2; k <= reports; k++) {
    for (const f of files) writeFileSync(join(dir, `r${String(k).padStart(2, '0')}-${f}`), chapterCopy(readFileSync(join(dir, f), 'utf8'), k, files.length));
    appendFileSync(footnotesFile, entries.map((e) => `- n: ${e.n + FOOTNOTES_PER_REPORT * (k - 1)}\n  text: ${e.text}\n`).join(''));
  }
  return { chapters: files.length * reports, footnotes: FOOTNOTES_PER_REPORT * reports };
}
