/**
 * A copy of the project in a temporary folder, for the builds that must not touch the
 * working tree (the reproducible-build test, the scale check of the bench): the files a
 * build reads are copied, so that edits made meanwhile do not change the result, and
 * node_modules/ is a real folder of links to the project's packages, so that Astro's
 * and Vite's caches (node_modules/.astro, .vite) stay inside the copy.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What `astro build` reads, besides node_modules/. */
export const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'public'];

export interface ProjectCopy {
  root: string;
  remove: () => void;
}

/** Copies the project into a new temporary folder whose name starts with `prefix`. */
export function copyProject(prefix: string, from = PROJECT_ROOT): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of PROJECT_FILES) cpSync(join(from, entry), join(root, entry), { recursive: true });
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(from, 'node_modules'))) {
    // Caches stay out: the copy makes its own.
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(from, 'node_modules', entry), join(modules, entry), 'dir');
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface BuildResult {
  status: number;
  output: string;
  /** Wall time of the whole `astro build`, in milliseconds. */
  ms: number;
}

/**
 * This process's environment without what Vitest adds (NODE_ENV=test, MODE, DEV, PROD, VITEST*…):
 * inherited, those make Astro build as if for tests, without import.meta.env.PROD, so
 * without the pages' Content-Security-Policy <meta>.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(?:VITEST|VITE_|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/u.test(k)));
  return { ...env, NODE_ENV: 'production' };
}

/** Runs `astro build` in `root` (writing to `outDir`, absolute or relative to root) with this Node; never throws. */
export function astroBuild(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env } },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ status, output: `${stdout}${stderr}`, ms: performance.now() - started });
      },
    );
  });
}
