/**
 * What the service worker precaches (pure; src/offline/node/service-worker.ts runs it on
 * dist/): every built file but the worker itself, as URL paths of the site ("/a/b/" for
 * dist/a/b/index.html), with a revision that changes with the file's content; files whose
 * names carry a content hash (/_astro/, Pagefind's fragments and index chunks) need none.
 */
import { createHash } from 'node:crypto';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** URL path of a file of dist/ given relative to it ("a/b/index.html" → "/a/b/"). */
export function urlOfFile(file: string): string {
  const path = file.split('\\').join('/');
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/** Files whose names change with their content. */
export const HASHED_FILES = /^(?:_astro\/|pagefind\/(?:fragment|index)\/)/u;

/**
 * Files never precached: the worker itself, and the PDFs (about 1.4 MB, fetched only by a
 * reader who asks for one; the print previews they are made from are precached).
 */
export const NOT_PRECACHED = ['sw.js', 'pdf/*.pdf'];

/** The id of a build: a hash of its precache list, so that identical builds share it. */
export function buildId(entries: readonly PrecacheEntry[]): string {
  const hash = createHash('sha256');
  for (const e of [...entries].sort((a, b) => a.url.localeCompare(b.url))) hash.update(`${e.url} ${e.revision ?? ''}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** The worker's source with the precache list and the build id filled in. */
export function fillWorker(template: string, entries: readonly PrecacheEntry[]): string {
  if (!template.includes('self.__WB_MANIFEST') || !template.includes('__BUILD_ID__')) {
    throw new Error('service worker: src/offline/worker/sw.js lacks self.__WB_MANIFEST or __BUILD_ID__');
  }
  const sorted = [...entries].sort((a, b) => a.url.localeCompare(b.url));
  return template.replace("'__BUILD_ID__'", JSON.stringify(buildId(sorted))).replace('self.__WB_MANIFEST', JSON.stringify(sorted));
}
