/**
 * Reads the chapters' MDX as text: blocks (headings, paragraphs, block components),
 * footnote references, and the plain words a reader sees. The chapters use a small,
 * fixed subset of MDX: blocks separated by blank lines, "#" headings, paragraphs on
 * one line, inline <Fn n={…} /> markers, and block components on their own line.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'component'; name: string; line: number; props?: Record<string, string> };

/** A footnote marker found in a chapter. */
export interface FnRef {
  /** The footnote number the marker names. */
  n: number;
  /** 1-based line of the MDX body where it stands. */
  line: number;
}

/** A footnote marker as chapters write it, <Fn n={13} />: the number is group 1. The one definition. */
const FN_MARKER = String.raw`<Fn\s+n=\{\s*(\d+)\s*\}\s*\/>`;

/** A new regex matching footnote markers, with `flags` ("gu" to find them all); `anchored` matches only at the start. */
export function footnoteMarker(flags = 'gu', anchored = false): RegExp {
  return new RegExp(anchored ? `^${FN_MARKER}` : FN_MARKER, flags);
}

const FN_TAG = footnoteMarker('gu');
/** A capitalised self-closing tag, with string props only (e.g. <DataChart id="x" />). */
const COMPONENT_LINE = /^<([A-Z][A-Za-z0-9]*)((?:\s+[a-z][A-Za-z0-9]*="[^"{}<>]*")*)\s*\/>$/u;
const COMPONENT_PROP = /([a-z][A-Za-z0-9]*)="([^"]*)"/gu;

/** Splits an MDX body into blocks. */
export function mdxBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  const lines = body.split('\n');
  let start = -1;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    const text = buffer.join(' ').trim();
    const line = start + 1;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(text);
    const component = COMPONENT_LINE.exec(text);
    if (heading) blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2], line });
    else if (component) {
      const props = Object.fromEntries([...component[2].matchAll(COMPONENT_PROP)].map((m) => [m[1], m[2]]));
      blocks.push({ kind: 'component', name: component[1], line, ...(component[2] ? { props } : {}) });
    } else blocks.push({ kind: 'paragraph', text, line });
    buffer = [];
  };
  lines.forEach((raw, i) => {
    const l = raw.trim();
    if (l === '') return flush();
    if (buffer.length === 0) start = i;
    buffer.push(l);
  });
  flush();
  return blocks;
}

/** Every <Fn n={…} /> in an MDX body, in order, with its line. */
export function footnoteRefs(body: string): FnRef[] {
  const refs: FnRef[] = [];
  body.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(FN_TAG)) refs.push({ n: Number(m[1]), line: i + 1 });
  });
  return refs;
}

/** Removes Markdown escapes ("\-", "\.") from inline text. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/gu, '$1');
}

/** The words a reader sees in inline MDX text: escapes removed, footnote markers dropped. */
export function inlinePlainText(text: string): string {
  return unescapeMarkdown(text.replace(FN_TAG, ''));
}

const SENTINEL = '\u0000';

/** Tokens of inline MDX text with the footnote markers removed, and where each marker stood. */
export function tokensWithMarkers(text: string) {
  const marked = unescapeMarkdown(text.replace(FN_TAG, (_, n) => `${SENTINEL}${n}${SENTINEL}`));
  const tokens: string[] = [];
  const markers: { n: number; token: number; word: string }[] = [];
  for (const raw of marked.split(/\s+/u).filter(Boolean)) {
    const found = [...raw.matchAll(/\u0000(\d+)\u0000/gu)];
    const word = raw.replace(/\u0000\d+\u0000/gu, '');
    if (word === '' && found.length > 0) {
      // A marker standing alone: it belongs to the previous word.
      for (const m of found) markers.push({ n: Number(m[1]), token: tokens.length - 1, word: tokens[tokens.length - 1] ?? '' });
      continue;
    }
    tokens.push(word);
    for (const m of found) markers.push({ n: Number(m[1]), token: tokens.length - 1, word });
  }
  return { tokens, markers };
}
