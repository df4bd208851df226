/**
 * Runs the import command (`npm run import -- SOURCE --out DIR`) the way a publisher does,
 * as a child process, into a fresh temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The flags `npm run import` gives Node (package.json): run the site's TypeScript modules as they are. */
export const IMPORT_NODE_FLAGS = ['--experimental-transform-types', '--no-warnings', '--import', join(ROOT, 'src/import/resolve-ts.mjs')];
export const MINI_SOURCE = join(ROOT, 'tests/fixtures/mini-report/source.txt');

export interface ImportRun {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
  /** Removes the temporary folder. */
  dispose: () => void;
}

/** Imports `source` into a new temporary folder (the folder itself does not exist before). */
export function runImport(source: string, ...extra: string[]): ImportRun {
  const parent = mkdtempSync(join(tmpdir(), 'report-import-'));
  const out = join(parent, 'content');
  const r = spawnSync(process.execPath, [...IMPORT_NODE_FLAGS, join(ROOT, 'src/import/cli.ts'), source, '--out', out, ...extra], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}
