/**
 * What the end-to-end tests know about the site without a browser: the pages dist/
 * holds, the chapters and footnotes content/ defines, and the source's body words
 * with the corrections applied.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ChapterData } from '../../src/schemas/chapter';
import type { Correction } from '../../src/schemas/correction';
import { parseSource } from '../../src/core/source';
import { MISSING_PATH } from './browser';
import { content, ROOT } from './content';

export { ROOT };
/** The built site: dist/, or DIST_DIR when set (as tests/support/e2e-setup.ts serves it). */
export const DIST = resolve(ROOT, process.env.DIST_DIR ?? 'dist');
/** The extracted text the content was drafted from. */
export const SOURCE_FILE = content().sourceFile;

/** A built page: its file under dist/ and the URL path it is served at. */
export interface BuiltPage {
  file: string;
  path: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** The URL path a file of dist/ is served at: "/a/b/" for dist/a/b/index.html. */
export function urlPathOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/** Every HTML page of the build, sorted by path; 404.html included. */
export function builtPages(): BuiltPage[] {
  return htmlFiles(DIST)
    .map((file) => ({ file, path: urlPathOf(file) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** A URL path that no page has: the server answers it with dist/404.html and status 404. */
export { MISSING_PATH };

/**
 * The pages to open in a browser: every built page at its own URL, except 404.html,
 * which is reached the way a reader reaches it, through a missing URL.
 */
export function pagesToVisit(): { name: string; path: string; status: number }[] {
  return builtPages().map((p) =>
    p.path === '/404.html' ? { name: '404.html', path: MISSING_PATH, status: 404 } : { name: p.path, path: p.path, status: 200 },
  );
}

export interface ChapterInfo extends ChapterData {
  file: string;
  /** URL path of the chapter page, e.g. "/phan-thu-nhat/mo-dau/". */
  url: string;
}

/** The chapters of the content, in reading order (frontmatter `order`). */
export function chapters(): ChapterInfo[] {
  return content().chapters.map((c) => ({ ...c.data, file: c.file, url: c.url }));
}

/** The footnotes of the content: text by original number. */
export function footnotes(): Map<number, string> {
  return new Map(content().footnotes.map((f) => [f.n, f.text]));
}

/** The corrections of the content. */
export function corrections(): Correction[] {
  return content().corrections;
}

/** Splits text into words at any run of whitespace. */
export function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w.length > 0);
}

/** Start offsets of every occurrence of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * The source's body words (markers removed) after the corrections: each correction's
 * `source` must occur exactly once in the body words joined by single spaces, and is
 * replaced by its `content`.
 */
export function correctedSourceWords(): string[] {
  let text = parseSource(readFileSync(join(ROOT, SOURCE_FILE), 'utf8')).bodyTokens.join(' ');
  for (const c of corrections()) {
    const at = occurrences(text, c.source);
    if (at.length !== 1) throw new Error(`correction "${c.id}": "${c.source}" occurs ${at.length} times in the source body, not once`);
    text = text.slice(0, at[0]) + c.content + text.slice(at[0] + c.source.length);
  }
  return words(text);
}

/** A readable account of the first position where two word lists differ, or null when they are equal. */
export function firstDifference(expected: string[], actual: string[], context = 10): string | null {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] === actual[i]) continue;
    const around = (ws: string[]) =>
      `${ws.slice(Math.max(0, i - context), i).join(' ')} ⟦${ws[i] ?? '(end)'}⟧ ${ws.slice(i + 1, i + 1 + context).join(' ')}`;
    return [
      `first difference at word ${i} of ${expected.length} (source) / ${actual.length} (site):`,
      `  source: ${around(expected)}`,
      `  site:   ${around(actual)}`,
    ].join('\n');
  }
  return null;
}
