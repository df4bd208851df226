/**
 * The build without Chromium (CHROMIUM_PATH pointing nowhere): it succeeds, says in one
 * line that the PDFs were skipped and why, writes no dist/pdf/ and renders no PDF link
 * (nor the placeholders the links would have filled). Built in a copy of the project
 * (tests/support/project-copy.ts), so that the working tree's dist/ is not touched.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, type BuildResult, type ProjectCopy } from '../support/project-copy';

describe('a build on a machine without Chromium', () => {
  let copy: ProjectCopy;
  let result: BuildResult;
  let dist: string;

  beforeAll(async () => {
    copy = copyProject('report-no-chromium-');
    dist = join(copy.root, 'dist');
    result = await astroBuild(copy.root, 'dist', { CHROMIUM_PATH: join(copy.root, 'no-such-chromium') });
  }, 600_000);
  afterAll(() => copy?.remove());

  it('succeeds', () => {
    expect(result.status, result.output.slice(-4000)).toBe(0);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it('says in one line that the PDFs were skipped, and why', () => {
    const lines = result.output.split('\n').filter((l) => /PDF/u.test(l));
    expect(lines.length, lines.join('\n')).toBe(1);
    expect(lines[0]).toMatch(/PDFs skipped: no Chromium at .*no-such-chromium/u);
  });

  it('writes no PDF and renders no PDF link on any page', () => {
    expect(existsSync(join(dist, 'pdf'))).toBe(false);
    const pages = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const withLinks = pages
      .map((e) => ({ name: join(e.parentPath, e.name), html: readFileSync(join(e.parentPath, e.name), 'utf8') }))
      .filter(({ html }) => /\/pdf\/|Tải PDF|data-pdf-slot/u.test(html))
      .map(({ name }) => name);
    expect(withLinks).toEqual([]);
  });
});
