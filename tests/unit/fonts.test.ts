/**
 * The site's fonts (src/site/fonts/): which characters the subsets keep, the fallback
 * metrics, and the stylesheet rule that keeps text within those characters.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACES, fallbackFontFace, fontsCss, SITE_FAMILIES, type Metrics } from '../../src/site/fonts/faces';
import { siteCharacters, withoutComments } from '../../src/site/fonts/node/subset';

const NOTO: Metrics = { ascent: 1069, descent: -293, lineGap: 0, unitsPerEm: 1000, xWidthAvg: 536 };

describe('the characters the fonts are subset to', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
  mkdirSync(join(dir, 'content', 'source'), { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'content', 'report.yaml'), 'title: Báo cáo ỹ\n');
  writeFileSync(join(dir, 'content', 'source', 'x.txt'), 'Ж only in the verbatim source\n');
  writeFileSync(join(dir, 'content', 'chapter.mdx'), 'Đầu tư – 13,5%\n');
  writeFileSync(join(dir, 'src', 'a.ts'), "/* ← in a comment */\n// → in a comment\nexport const s = 'Ơ';\n");
  writeFileSync(join(dir, 'src', 'b.astro'), '<!-- ≥ in a comment --><p>Ư</p>\n');
  const chars = siteCharacters(join(dir, 'content'), join(dir, 'src'));

  it("hold every character of the content and of the site's code, and printable ASCII", () => {
    for (const ch of 'Báo cáo ỹĐầu tư–13,5%ƠƯ') expect(chars).toContain(ch);
    for (let c = 0x20; c < 0x7f; c++) expect(chars).toContain(String.fromCharCode(c));
  });

  it("leave out the verbatim source's own characters, comments and control characters", () => {
    for (const ch of ['Ж', '←', '→', '≥', '\n']) expect(chars).not.toContain(ch);
  });

  it('are sorted and each given once', () => {
    expect([...chars]).toEqual([...new Set(chars)].sort());
  });
});

describe('withoutComments', () => {
  it('drops block, whole-line and HTML comments, and keeps code and strings', () => {
    expect(withoutComments("a /* x */ b\n  // y\nc = 'd'; <!-- z --> e")).toBe("a  b\n\nc = 'd';  e");
  });
});

describe('the fallback faces', () => {
  it('are scaled to the face they stand in for: a font with the same metrics is left as it is', () => {
    const css = fallbackFontFace('F fallback 1', 400, NOTO, { localName: 'Same', metrics: NOTO });
    expect(css).toContain("src:local('Same')");
    expect(css).toContain('size-adjust:100%');
    expect(css).toContain('ascent-override:106.9%');
    expect(css).toContain('descent-override:29.3%');
  });

  it('are enlarged when the local font is narrower', () => {
    const narrow = { ...NOTO, xWidthAvg: 268 };
    expect(fallbackFontFace('F', 400, NOTO, { localName: 'Narrow', metrics: narrow })).toContain('size-adjust:200%');
  });
});

describe('the stylesheet', () => {
  const css = fontsCss(() => NOTO, (face) => `./${face.file}.woff2`);

  it('declares each face once, in woff2 only, and a stack per family that ends in a generic family', () => {
    for (const face of FACES) expect(css).toContain(`src:url('./${face.file}.woff2') format('woff2')`);
    expect(css.match(/format\('(\w+)'\)/gu)?.every((f) => f === "format('woff2')")).toBe(true);
    expect(css).toMatch(/--font-text:'Noto Serif','Noto Serif fallback 1',[^;]*,serif[;}]/u);
    expect(css).toMatch(/--font-ui:var\(--font-text\)[;}]/u);
    expect(SITE_FAMILIES).toEqual(['Noto Serif']);
  });
});

describe("the site's styles", () => {
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ['.css', '.astro'].includes(extname(e.name)) && !e.parentPath.includes('generated'))
    .map((e) => join(e.parentPath, e.name));

  it.each(files)('%s sets no text in capitals by CSS, which would need letters the font subsets do not keep', (file) => {
    expect(withoutComments(readFileSync(file, 'utf8'))).not.toMatch(/text-transform:\s*(?:uppercase|capitalize|lowercase)/u);
  });
});
