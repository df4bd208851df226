/**
 * Build step (Node only): subsets each of the site's faces (../faces.ts) to the characters
 * the site can show, and writes them with their stylesheet to src/site/fonts/generated/
 * (git-ignored), which src/site/global.css imports. Runs when Astro loads its config
 * (build, dev, check, and the tests through getViteConfig); it does nothing when neither
 * the characters nor the fonts have changed.
 *
 * The characters are every character of the content folder's text files and of the
 * site's own code (comments left out), so that a character the site shows is never
 * missing from a face; tests/e2e/fonts.test.ts checks this in Chromium on every page.
 * Text is never set in capitals by CSS (text-transform), which would ask for letters the
 * text does not hold; tests/unit/fonts.test.ts checks the stylesheets for it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromBuffer } from '@capsizecss/unpack';
import subsetFont from 'subset-font';
import { FACES, fontsCss, type Face, type Metrics } from '../faces';

/** Where the generated fonts and stylesheet go. */
export const GENERATED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated');

/** Text files whose characters the site may show. */
const TEXT_FILES = new Set(['.mdx', '.md', '.yaml', '.yml', '.json', '.ts', '.astro', '.css', '.mjs']);

/** harfbuzz options: kerning kept; other layout features and hinting dropped (the text is NFC, precomposed). */
const SUBSET_OPTIONS = { targetFormat: 'woff2', keepFeatures: ['kern'], noHinting: true } as const;

/** Bumped when the output's form changes, so that a cached result is not reused. */
const FORMAT_VERSION = 1;

function filesUnder(dir: string, skip: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => TEXT_FILES.has(extname(p)) && !skip(p))
    .sort();
}

/** Code text without its comments (block comments, whole-line // comments, HTML and JSX comments). */
export function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//gu, '')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/^\s*\/\/.*$/gmu, '');
}

/**
 * Every character the site may show: those of the content folder (but its verbatim
 * source, whose text reaches the site only through the chapters), of the site's code
 * without comments, and printable ASCII; sorted, NFC, without control characters.
 */
export function siteCharacters(contentDir: string, srcDir: string): string {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  const add = (text: string) => {
    for (const ch of text.normalize('NFC')) if (!/\p{Cc}|\p{Cf}/u.test(ch)) chars.add(ch);
  };
  for (const file of filesUnder(contentDir, (p) => p.includes(`${join(contentDir, 'source')}`))) add(readFileSync(file, 'utf8'));
  for (const file of filesUnder(srcDir, (p) => p.startsWith(GENERATED_DIR))) add(withoutComments(readFileSync(file, 'utf8')));
  return [...chars].sort().join('');
}

function sourceFont(root: string, face: Face): Buffer {
  const require = createRequire(join(root, 'package.json'));
  return readFileSync(require.resolve(face.source));
}

/**
 * Writes the subset fonts and generated/fonts.css for the site at `root`, reading the
 * content folder `contentDir`; skips the work when generated/ already holds this result.
 */
export async function buildFonts(root: string, contentDir: string): Promise<{ characters: number; bytes: number; cached: boolean }> {
  const text = siteCharacters(contentDir, join(root, 'src'));
  const sources = FACES.map((face) => sourceFont(root, face));
  const key = createHash('sha256')
    .update(JSON.stringify({ FORMAT_VERSION, text, SUBSET_OPTIONS, FACES }))
    .update(Buffer.concat(sources))
    .digest('hex');
  const manifest = join(GENERATED_DIR, 'manifest.json');
  if (existsSync(manifest)) {
    const previous = JSON.parse(readFileSync(manifest, 'utf8')) as { key: string; bytes: number };
    if (previous.key === key && FACES.every((f) => existsSync(join(GENERATED_DIR, `${f.file}.woff2`)))) {
      return { characters: [...text].length, bytes: previous.bytes, cached: true };
    }
  }
  // Written to a sibling folder first and then moved into place, so that a failed run
  // never leaves a half-written set of fonts behind.
  const staging = `${GENERATED_DIR}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const metrics = new Map<Face, Metrics>();
  let bytes = 0;
  for (const [i, face] of FACES.entries()) {
    const subset = await subsetFont(sources[i], text, SUBSET_OPTIONS);
    writeFileSync(join(staging, `${face.file}.woff2`), subset);
    bytes += subset.length;
    const m = await fromBuffer(sources[i]);
    metrics.set(face, { ascent: m.ascent, descent: m.descent, lineGap: m.lineGap, unitsPerEm: m.unitsPerEm, xWidthAvg: m.xWidthAvg });
  }
  const css = fontsCss((face) => metrics.get(face)!, (face) => `./${face.file}.woff2`);
  writeFileSync(join(staging, 'fonts.css'), `/* Generated by src/site/fonts/node/subset.ts: do not edit. */\n${css}`);
  writeFileSync(join(staging, 'characters.txt'), `${text}\n`);
  writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify({ key, bytes, characters: [...text].length }, null, 2)}\n`);
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  renameSync(staging, GENERATED_DIR);
  return { characters: [...text].length, bytes, cached: false };
}
