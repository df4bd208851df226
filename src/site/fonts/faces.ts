/**
 * The site's own typefaces: every piece of text renders in one of these faces, on every
 * machine, whatever fonts it has installed. The build subsets each face to the characters
 * the site uses (node/subset.ts) and writes one woff2 file per face.
 *
 * A page loads at most these two files (≤ 30 KB together, a budget tested in
 * tests/e2e/fonts.test.ts): Noto Serif, regular and bold, for the report's text and for
 * the site's own interface (header, buttons, labels) alike. `--font-ui` names the same
 * stack as `--font-text`: a third face (Noto Sans cost 8.8 KB gzip on every page) would
 * not fit a text chapter's 50 KB budget (tests/e2e/budgets.test.ts). Italic has no face of
 * its own and is synthesised by the browser.
 *
 * Until a face has loaded, the browser draws the text in a local fallback whose metrics
 * are adjusted (size-adjust, ascent-override, …) to the face's, so that the swap moves
 * nothing. The fallbacks are the fonts a machine is likely to have: DejaVu (Debian's
 * default), Liberation (metric-compatible with Times New Roman) and Times New Roman itself.
 */

/** Font metrics in font units, as @capsizecss/unpack reads them from a font file. */
export interface Metrics {
  /** Ascender, font units. */
  ascent: number;
  /** Descender, font units (negative). */
  descent: number;
  /** Line gap, font units. */
  lineGap: number;
  /** Units per em. */
  unitsPerEm: number;
  /** Average width of a lowercase letter, weighted by letter frequency, font units. */
  xWidthAvg: number;
}

/** A local font that stands in for a face until it has loaded. */
export interface LocalFallback {
  /** The font's full name, as `local()` matches it (e.g. "DejaVu Serif Bold"). */
  localName: string;
  /** Its metrics, read once from the font file (DejaVu 2.37; Liberation 2 shares Times New Roman's and Arial's). */
  metrics: Metrics;
}

export interface Face {
  /** The CSS font-family name the site uses. */
  family: 'Noto Serif';
  /** The CSS custom property that holds this family's stack. */
  cssVariable: '--font-text';
  /** CSS font-weight of this face. */
  weight: 400 | 700;
  /** Base name of the woff2 file the build writes (Vite adds a content hash). */
  file: string;
  /** The full TrueType font it is subset from: a path inside node_modules. */
  source: string;
  /** Local fonts to draw with until the face has loaded, first found wins. */
  fallbacks: LocalFallback[];
  /** The generic family that ends the stack. */
  generic: 'serif';
}

const DEJAVU_SERIF: Metrics = { ascent: 1901, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1058 };
const DEJAVU_SERIF_BOLD: Metrics = { ascent: 1923, descent: -483, lineGap: 0, unitsPerEm: 2048, xWidthAvg: 1168 };
const TIMES: Metrics = { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 832 };
const TIMES_BOLD: Metrics = { ascent: 1825, descent: -443, lineGap: 87, unitsPerEm: 2048, xWidthAvg: 886 };

export const FACES: readonly Face[] = [
  {
    family: 'Noto Serif',
    cssVariable: '--font-text',
    weight: 400,
    file: 'noto-serif-400',
    source: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
    fallbacks: [
      { localName: 'DejaVu Serif', metrics: DEJAVU_SERIF },
      { localName: 'Liberation Serif', metrics: TIMES },
      { localName: 'Times New Roman', metrics: TIMES },
    ],
    generic: 'serif',
  },
  {
    family: 'Noto Serif',
    cssVariable: '--font-text',
    weight: 700,
    file: 'noto-serif-700',
    source: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
    fallbacks: [
      { localName: 'DejaVu Serif Bold', metrics: DEJAVU_SERIF_BOLD },
      { localName: 'Liberation Serif Bold', metrics: TIMES_BOLD },
      { localName: 'Times New Roman Bold', metrics: TIMES_BOLD },
    ],
    generic: 'serif',
  },
];

/** The family names of the site's own faces: the only fonts a page may render text in. */
export const SITE_FAMILIES: readonly string[] = [...new Set(FACES.map((f) => f.family))];

/** Name of the fallback family that stands in for `family` with local font number `i` (1-based). */
export function fallbackFamily(family: string, i: number): string {
  return `${family} fallback ${i}`;
}

const pct = (x: number) => `${Number.parseFloat((x * 100).toFixed(4))}%`;

/**
 * The @font-face rule of a local fallback, its metrics overridden so that it takes the
 * space `metrics` would (the method of Capsize's createFontStack, as Astro's Fonts API uses).
 */
export function fallbackFontFace(family: string, weight: number, metrics: Metrics, fallback: LocalFallback): string {
  const fb = fallback.metrics;
  const sizeAdjust = metrics.xWidthAvg / metrics.unitsPerEm / (fb.xWidthAvg / fb.unitsPerEm);
  const em = metrics.unitsPerEm * sizeAdjust;
  return [
    `@font-face{font-family:'${family}'`,
    `src:local('${fallback.localName}')`,
    `font-weight:${weight}`,
    `size-adjust:${pct(sizeAdjust)}`,
    `ascent-override:${pct(metrics.ascent / em)}`,
    `descent-override:${pct(Math.abs(metrics.descent) / em)}`,
    `line-gap-override:${pct(metrics.lineGap / em)}}`,
  ].join(';');
}

/** The @font-face rule of a face, its file given by a URL relative to the stylesheet. */
export function fontFace(face: Face, url: string): string {
  return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:swap;src:url('${url}') format('woff2')}`;
}

/** The stylesheet: each face, its fallbacks, and a custom property with the whole stack (`--font-text`, and `--font-ui` for the interface). */
export function fontsCss(metricsOf: (face: Face) => Metrics, urlOf: (face: Face) => string): string {
  const rules: string[] = [];
  const stacks = new Map<Face['cssVariable'], string[]>();
  for (const face of FACES) {
    rules.push(fontFace(face, urlOf(face)));
    face.fallbacks.forEach((fallback, i) => {
      const name = fallbackFamily(face.family, i + 1);
      rules.push(fallbackFontFace(name, face.weight, metricsOf(face), fallback));
      const stack = stacks.get(face.cssVariable) ?? [`'${face.family}'`];
      if (!stack.includes(`'${name}'`)) stack.push(`'${name}'`);
      stacks.set(face.cssVariable, stack);
    });
  }
  const generic = new Map(FACES.map((f) => [f.cssVariable, f.generic]));
  const vars = [...stacks].map(([v, stack]) => `${v}:${[...stack, generic.get(v)].join(',')}`);
  // The interface is set in the text's family (see above).
  vars.push('--font-ui:var(--font-text)');
  return `${rules.join('\n')}\n:root{${vars.join(';')}}\n`;
}
