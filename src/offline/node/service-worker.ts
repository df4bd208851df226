/**
 * Writes dist/sw.js once the build and the search index are written (this integration is
 * listed after search-index in astro.config.mjs): workbox-build's getManifest() lists every
 * file of dist/ with a revision (its content's hash), and src/offline/worker/sw.js is
 * filled with that list and the build's id (src/offline/node/precache.ts). Logs the precache's
 * count and total size; fails the build on any warning (e.g. a file too large to precache),
 * so that the offline copy is never partial.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getManifest } from 'workbox-build';
import { HASHED_FILES, NOT_PRECACHED, fillWorker, urlOfFile, type PrecacheEntry } from './precache';

const TEMPLATE = fileURLToPath(new URL('../worker/sw.js', import.meta.url));
/** Larger than any file of the site (Pagefind's wasm is the largest, about 60 KB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface PrecacheSummary {
  count: number;
  /** Total bytes of the precached files, uncompressed. */
  size: number;
  entries: PrecacheEntry[];
}

export async function writeServiceWorker(dist: string, template = readFileSync(TEMPLATE, 'utf8')): Promise<PrecacheSummary> {
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: dist,
    globPatterns: ['**/*'],
    globIgnores: NOT_PRECACHED,
    dontCacheBustURLsMatching: HASHED_FILES,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  const entries = manifestEntries.map((e) => ({ url: urlOfFile(e.url), revision: e.revision ?? null }));
  writeFileSync(join(dist, 'sw.js'), fillWorker(template, entries));
  return { count, size, entries };
}

/** The Astro integration. */
export default function serviceWorker(): AstroIntegration {
  return {
    name: 'report-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const summary = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js precaches ${summary.count} files, ${(summary.size / 1024).toFixed(0)} KiB in all`);
      },
    },
  };
}
