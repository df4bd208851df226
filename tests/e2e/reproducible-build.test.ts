/**
 * Builds of the same sources give the same site, byte for byte: the same files, each
 * with the same bytes (the pages, the hashed assets, the downloads, Pagefind's index).
 * The project is copied first (tests/support/project-copy.ts), so that edits made in the
 * working tree meanwhile cannot make the builds differ. It is built twice in one copy,
 * each time into its own folder (the second with Astro's cache from the first), and once
 * in a second copy, at another path, so that no absolute path leaks into the output.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyProject, type BuildResult, type ProjectCopy } from '../support/project-copy';

/** Every file under `dir`, by path relative to it ("/"-separated), with its SHA-256. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((file) => [relative(dir, file).split(sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The files of two builds that differ: missing from one, or with other bytes. */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.flatMap((name) => {
    if (!a.has(name)) return [`only in the second build: ${name}`];
    if (!b.has(name)) return [`only in the first build: ${name}`];
    return a.get(name) === b.get(name) ? [] : [`different bytes: ${name}`];
  });
}

describe('differences', () => {
  it('finds none between equal fingerprints, and names each file added, removed or changed', () => {
    const a = new Map([['index.html', '1'], ['a.css', '2'], ['b.js', '3']]);
    expect(differences(a, new Map(a))).toEqual([]);
    expect(differences(a, new Map([['index.html', '1'], ['a.css', '9'], ['c.js', '3']]))).toEqual([
      'different bytes: a.css',
      'only in the first build: b.js',
      'only in the second build: c.js',
    ]);
  });
});

describe('builds of the same sources', () => {
  let copies: ProjectCopy[] = [];
  const builds: { name: string; dir: string; result: BuildResult }[] = [];

  beforeAll(async () => {
    copies = [copyProject('report-reproducible-'), copyProject('report-reproducible-elsewhere-')];
    const [here, elsewhere] = copies.map((c) => c.root);
    for (const [name, root, out] of [
      ['the first build', here, 'dist-1'],
      ['a second build in the same copy', here, 'dist-2'],
      ['a build in a copy at another path', elsewhere, 'dist-3'],
    ] as const) {
      builds.push({ name, dir: join(root, out), result: await astroBuild(root, out) });
    }
  }, 600_000);
  afterAll(() => copies.forEach((c) => c.remove()));

  it('all succeed', () => {
    for (const b of builds) expect(b.result.status, `${b.name}:\n${b.result.output.slice(-4000)}`).toBe(0);
  });

  it('write the same files as the first build, each with the same bytes, the search index included', () => {
    const [reference, ...others] = builds.map((b) => ({ name: b.name, files: fingerprint(b.dir) }));
    expect(reference.files.size).toBeGreaterThan(50);
    expect([...reference.files.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    for (const other of others) expect(differences(reference.files, other.files), other.name).toEqual([]);
  });
});
