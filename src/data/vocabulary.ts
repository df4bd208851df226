/**
 * The vocabulary a chapter's MDX may use, checked before anything is built: MDX is a
 * programming language, and a chapter is report text. A chapter may hold paragraphs,
 * "#" headings, footnote markers <Fn n={13} /> and, each on a line of its own, the block
 * components with literal string props (<DataChart id="…" />, <IndicatorTable />,
 * <Recipients />, <Signature />). Not allowed:
 * - import / export statements (MDX runs them as code during the build);
 * - {…} expressions, except the literal number of <Fn n={…} />;
 * - raw HTML, and components other than those;
 * - links that leave the site (only "/…" and "#…"), and bare web addresses, which
 *   Markdown turns into links;
 * - images other than files the site ships (public/).
 * Every violation has its 1-based line and column in the file and a one-line reason.
 */

export interface Violation {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column. */
  column: number;
  reason: string;
}

export interface Vocabulary {
  /** Block components and the string props each takes. */
  blocks: Record<string, readonly string[]>;
  /** Whether a site path (e.g. "/anh/so-do.png") is a file the site ships. */
  shipped: (path: string) => boolean;
}

const FN = /<Fn\s+n=\{\s*\d+\s*\}\s*\/>/gu;
const BLOCK = /^<([A-Z][A-Za-z0-9]*)((?:\s+[a-z][A-Za-z0-9]*="[^"{}<>]*")*)\s*\/>$/u;

/** Replaces a match with spaces, so that columns stay where they were. */
const blank = (s: string) => s.replace(/[^\n]/gu, ' ');

/** The vocabulary violations of a chapter body whose first line is line `firstLine` of its file. */
export function vocabularyViolations(body: string, vocabulary: Vocabulary, firstLine = 1): Violation[] {
  const violations: Violation[] = [];
  const lines = body.split('\n');
  const allowedList = ['<Fn n={…} />', ...Object.keys(vocabulary.blocks).map((b) => `<${b} />`)].join(', ');
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    const at = (index: number, reason: string) => violations.push({ line, column: index + 1, reason });
    const trimmed = raw.trim();
    if (/^(?:import|export)\b/u.test(trimmed)) {
      at(raw.indexOf(trimmed), `"${trimmed.split(/\s/u)[0]}" is not allowed in a chapter: MDX would run it as code during the build`);
      return;
    }
    // Block components, on a line of their own, with their own literal props.
    const block = BLOCK.exec(trimmed);
    if (block) {
      // Its props are checked with the data it names (src/figures/node/validate.ts).
      if (vocabulary.blocks[block[1]]) return;
    }
    // Escaped characters are text; footnote markers are allowed anywhere.
    let text = raw.replace(/\\./gu, blank).replace(FN, blank);
    for (const m of text.matchAll(/<\/?([A-Za-z][\w.:-]*)[^<>]*>?|<!--/gu)) {
      const name = m[1]?.replace(/:$/u, '');
      if (name === 'Fn') at(m.index, `malformed footnote marker ${m[0]}: write it as <Fn n={13} />, a whole number in braces`);
      else if (name && /^[A-Z]/u.test(name) && name in vocabulary.blocks) at(m.index, `<${name} /> must stand on a line of its own, with string props only`);
      else if (name && /^[A-Z]/u.test(name)) at(m.index, `unknown component <${name}>: chapters may use ${allowedList}`);
      else if (name && /^(?:https?|ftp|mailto|javascript|data)$/iu.test(name)) at(m.index, `link ${m[0]} leaves the site: chapters may link only to pages of the site ("/…" or "#…")`);
      else at(m.index, `raw HTML ${m[0].slice(0, 40)} is not allowed: write the report's text in Markdown`);
      text = text.slice(0, m.index) + blank(m[0]) + text.slice(m.index + m[0].length);
    }
    for (const m of text.matchAll(/[{}]/gu)) {
      at(m.index, m[0] === '{' ? 'an expression {…} is not allowed: only <Fn n={…} /> takes braces; write \\{ for a brace of the text' : 'a "}" without its "{": write \\} for a brace of the text');
      break;
    }
    // Images: only files the site ships.
    for (const m of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]*)/gu)) {
      const src = m[1];
      if (!src.startsWith('/') || src.startsWith('//') || !vocabulary.shipped(src.replace(/[?#].*$/u, ''))) {
        at(m.index, `image "${src}" is not a file the site ships: put it in public/ and write its path from "/"`);
      }
      text = text.slice(0, m.index) + blank(m[0]) + text.slice(m.index + m[0].length);
    }
    // Links: only into the site.
    const internal = (href: string) => (href.startsWith('/') && !href.startsWith('//')) || href.startsWith('#');
    for (const m of text.matchAll(/\]\(\s*<?([^\s>]*)/gu)) {
      const href = m[1].replace(/\)$/u, '');
      if (!internal(href)) at(m.index + 2, `link "${href}" leaves the site: chapters may link only to pages of the site ("/…" or "#…")`);
    }
    const definition = /^\s*\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)/u.exec(text);
    if (definition) {
      const start = text.indexOf(definition[1]);
      if (!internal(definition[1])) at(start, `link "${definition[1]}" leaves the site: chapters may link only to pages of the site ("/…" or "#…")`);
      text = text.slice(0, start) + blank(definition[1]) + text.slice(start + definition[1].length);
    }
    for (const m of text.matchAll(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+|\b(?:javascript|mailto|data):\S+/giu)) {
      if (text.slice(0, m.index).endsWith('](')) continue;
      at(m.index, `web address "${m[0].slice(0, 60)}" would become a link that leaves the site`);
    }
  });
  return violations.sort((a, b) => a.line - b.line || a.column - b.column);
}
