/**
 * CSS for Paged.js 0.4, whose parser (css-tree 1.x) predates media range syntax: given
 * `@media (width<=40rem){…}`, as Vite's minifier writes `max-width`, its print-media
 * handler throws. Paged.js keeps only `print` and `all` media rules anyway (it drops
 * the others), so such rules are removed before it reads the styles.
 */

/** Index just past the block that opens at `open` (a "{"), skipping strings and comments. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      const close = css.indexOf(c, i + 1);
      i = close < 0 ? css.length : close;
    } else if (c === '/' && css[i + 1] === '*') {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? css.length : close + 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`CSS: the block at ${open} is not closed`);
}

/** The CSS without its `@media` rules whose condition uses range syntax (`<`, `>`, `=`) and does not name print. */
export function dropRangeMediaRules(css: string): string {
  let out = '';
  let from = 0;
  const at = /@media\s*([^{;]*)\{/giu;
  for (let m = at.exec(css); m; m = at.exec(css)) {
    const condition = m[1];
    if (!/[<>=]/u.test(condition) || /\bprint\b/iu.test(condition)) continue;
    const open = m.index + m[0].length - 1;
    const end = blockEnd(css, open);
    out += css.slice(from, m.index);
    from = end;
    at.lastIndex = end;
  }
  return out + css.slice(from);
}
