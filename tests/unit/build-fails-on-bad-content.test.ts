/**
 * The one slow test: a real `astro build` of a copy of the project, with a footnote marker
 * that names a footnote which does not exist, must fail and name the file and the footnote.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/chapters';

const CHAPTER = 'content/chapters/04-i-3-linh-vuc-noi-chinh.mdx';
const PROJECT_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'public'];

/** Runs a command; gives its exit status and everything it printed, whether it succeeds or fails. */
function run(cwd: string, args: string[]): { status: number; output: string } {
  try {
    const stdout = execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    return { status: 0, output: stdout };
  } catch (error) {
    const e = error as { status: number | null; stdout?: string; stderr?: string };
    return { status: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('astro build', () => {
  const project = mkdtempSync(join(tmpdir(), 'report-build-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('fails, naming the chapter file and the footnote, when a chapter references footnote 67', { timeout: 300_000 }, () => {
    for (const entry of PROJECT_FILES) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    const path = join(project, CHAPTER);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(/(\S)(\s*)$/u, '$1<Fn n={67} />$2');
    expect(after).not.toBe(before);
    writeFileSync(path, after);

    const { status, output } = run(project, ['node_modules/astro/bin/astro.mjs', 'build']);

    expect(status).not.toBe(0);
    expect(output).toContain(CHAPTER);
    expect(output).toContain('footnote 67 does not exist in content/footnotes.yaml');
    expect(existsSync(join(project, 'dist', 'index.html'))).toBe(false);
  });
});
