/**
 * This edition: importing content/source/ again reproduces the chapters and the footnotes
 * the site publishes, except the lines an editor added by hand (<DataChart>, <IndicatorTable>).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runImport } from '../support/import';

const CONTENT = join(ROOT, 'content');
const source = readdirSync(join(CONTENT, 'source')).find((f) => f.endsWith('.txt'))!;
const run = runImport(join(CONTENT, 'source', source));
afterAll(() => run.dispose());

/** A chapter without the editor's own component lines (and the blank line before each). */
const withoutEditorLines = (mdx: string) => mdx.replace(/\n\n<(?:DataChart|IndicatorTable)\b[^\n]*\/>(?=\n)/gu, '');

describe(`npm run import -- content/source/${source}`, () => {
  it('succeeds', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  const chapters = readdirSync(join(CONTENT, 'chapters')).filter((f) => f.endsWith('.mdx')).sort();

  it('writes the same chapter files', () => {
    expect(readdirSync(join(run.out, 'chapters')).sort()).toEqual(chapters);
  });

  it.each(chapters)('reproduces chapters/%s but for the editor\'s component lines', (file) => {
    const published = readFileSync(join(CONTENT, 'chapters', file), 'utf8');
    const imported = readFileSync(join(run.out, 'chapters', file), 'utf8');
    expect(imported).toBe(withoutEditorLines(published));
  });

  it('reproduces footnotes.yaml byte for byte', () => {
    expect(readFileSync(join(run.out, 'footnotes.yaml'), 'utf8')).toBe(readFileSync(join(CONTENT, 'footnotes.yaml'), 'utf8'));
  });

  it('finds the two extraction artifacts content/corrections.yaml repairs', () => {
    const pairs = (text: string) => [...text.matchAll(/source: "?([^"\n]+)"?\n\s+content: "?([^"\n]+)"?/gu)].map((m) => [m[1], m[2]]).sort();
    expect(pairs(readFileSync(join(run.out, 'corrections.yaml'), 'utf8'))).toEqual(pairs(readFileSync(join(CONTENT, 'corrections.yaml'), 'utf8')));
  });
});
