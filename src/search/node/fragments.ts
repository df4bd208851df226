/**
 * Build-time (Node): gathers Pagefind's fragments (one gzip file per record under
 * pagefind/fragment/) into one file, /search-data/fragments.json, keyed by record id,
 * which a warm session downloads once instead of a fragment per result shown
 * (src/search/client/engine.ts). Pagefind stays the index; this is its text, once more.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DATA_DIR, FRAGMENTS_FILE, type FragmentStore } from '../types';

/** Pagefind's signature at the start of a decompressed file. */
const SIGNATURE = 'pagefind_dcd';

function fail(file: string, field: string, message: string): never {
  throw new Error(`search fragments: ${file}: ${field}: ${message}`);
}

/** One fragment file's record, checked. */
export function readFragment(file: string, bytes: Buffer): FragmentStore[string] {
  let raw: Buffer;
  try {
    raw = bytes.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? bytes : gunzipSync(bytes);
  } catch (error) {
    fail(file, 'gzip', String(error));
  }
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) fail(file, 'signature', `does not start with "${SIGNATURE}"`);
  let json: unknown;
  try {
    json = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8'));
  } catch (error) {
    fail(file, 'JSON', String(error));
  }
  const f = json as { url?: unknown; content?: unknown; meta?: Record<string, unknown> };
  if (typeof f.url !== 'string') fail(file, 'url', 'missing');
  if (typeof f.content !== 'string') fail(file, 'content', 'missing');
  const where = f.meta?.w;
  const n = f.meta?.n ?? '';
  if (typeof where !== 'string' || !where) fail(file, 'meta.w', 'missing: a result must say what it is');
  if (typeof n !== 'string') fail(file, 'meta.n', 'not text');
  return [f.url, f.content, where, n];
}

/** Writes dist/search-data/fragments.json from the fragments under `bundle` (dist/pagefind); returns how many records. */
export function writeFragmentStore(dist: string, bundle: string): number {
  const dir = join(bundle, 'fragment');
  const store: FragmentStore = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.pf_fragment')) continue;
    store[name.slice(0, -'.pf_fragment'.length)] = readFragment(join(dir, name), readFileSync(join(dir, name)));
  }
  const out = join(dist, DATA_DIR);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, FRAGMENTS_FILE), JSON.stringify(store));
  return Object.keys(store).length;
}
