/**
 * Vitest reads content collections from .astro/data-store.json; `astro sync` writes it
 * to node_modules/.astro/. Sync first, then copy it where the collections look.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export default function setup() {
  execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'sync'], { stdio: 'pipe' });
  const from = resolve('node_modules/.astro/data-store.json');
  if (!existsSync(from)) throw new Error(`astro sync did not write ${from}`);
  mkdirSync(resolve('.astro'), { recursive: true });
  copyFileSync(from, resolve('.astro/data-store.json'));
}
