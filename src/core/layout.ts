/**
 * The layout of a report's extracted text (the conventions of content/source/), read into
 * pages, body lines and footnotes, with the page and line of everything. Pure functions:
 * the importer (src/import/) drafts a content folder from the result.
 *
 * Conventions:
 * - a line that starts with a space begins a new PDF page (except inside the closing
 *   "Nơi nhận" block, where a leading space is a wrap of the two-column layout);
 * - a page may end with a footnote block: the last run of lines after a blank line that
 *   contains a line "N- text", N being the next footnote number; lines of that block
 *   before "N- " continue the previous footnote, which ran over the page break;
 * - footnotes are numbered once for the whole report, from any first number;
 * - markers are the footnote's number glued to the word before them ("hoạch1").
 */

/** A problem in the text that stops the import: it names the page and the line. */
export class LayoutError extends Error {
  readonly page: number;
  readonly line: number;
  readonly reason: string;
  constructor(page: number, line: number, reason: string) {
    super(`page ${page}, line ${line}: ${reason}`);
    this.page = page;
    this.line = line;
    this.reason = reason;
    this.name = 'LayoutError';
  }
}

export interface SourceLine {
  /** 1-based line number in the source file. */
  line: number;
  /** 1-based PDF page. */
  page: number;
  /** The line without its leading page-break space and without trailing spaces. */
  text: string;
  /** True for the first line of a page (after the first page). */
  pageStart: boolean;
}

export interface LaidOutFootnote {
  n: number;
  text: string;
  page: number;
  line: number;
  /** True when the footnote's text runs over onto the next page. */
  continued: boolean;
}

export interface Layout {
  pages: number;
  body: SourceLine[];
  footnotes: LaidOutFootnote[];
}

/** The line of the closing block that lists who receives the report. */
export const RECIPIENTS_LABEL = /^Nơi nhận\s*:?/u;
const FOOTNOTE_START = /^(\d{1,3})-\s+(?=\S)/u;

/** Reads pages, body lines and footnotes from the extracted text. */
export function layOut(text: string): Layout {
  const raw = text.replace(/\r\n?/gu, '\n').split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const pages: SourceLine[][] = [];
  let inClosing = false;
  raw.forEach((l, i) => {
    const trimmed = l.trim();
    const newPage = pages.length === 0 || (l.startsWith(' ') && !inClosing);
    if (newPage) pages.push([]);
    if (RECIPIENTS_LABEL.test(trimmed)) inClosing = true;
    pages[pages.length - 1].push({ line: i + 1, page: pages.length, text: trimmed, pageStart: newPage && pages.length > 1 });
  });

  const body: SourceLine[] = [];
  const footnotes: LaidOutFootnote[] = [];
  let next: number | undefined;
  for (const page of pages) {
    let lastBlank = -1;
    page.forEach((l, i) => {
      if (l.text === '') lastBlank = i;
    });
    const tail = page.slice(lastBlank + 1);
    const startsAt = (n: number | undefined) =>
      tail.findIndex((l) => {
        const m = FOOTNOTE_START.exec(l.text);
        return m !== null && (n === undefined ? true : Number(m[1]) === n);
      });
    let first = lastBlank < 0 ? -1 : startsAt(next);
    // The first footnote of the report may have any number, but it must open its block.
    if (first > 0 && next === undefined) first = -1;
    if (first < 0 && lastBlank >= 0 && next !== undefined) {
      const other = tail.find((l) => FOOTNOTE_START.test(l.text));
      const m = other && FOOTNOTE_START.exec(other.text);
      if (other && m && tail.every((l) => l.text !== '') && tail.indexOf(other) === 0) {
        throw new LayoutError(
          other.page,
          other.line,
          `footnote ${m[1]} found where footnote ${next} was expected: footnotes must be numbered once, in order, for the whole report (is footnote ${next} missing?)`,
        );
      }
    }
    if (first < 0) {
      body.push(...page);
      continue;
    }
    body.push(...page.slice(0, lastBlank + 1));
    let current = footnotes[footnotes.length - 1];
    if (first > 0 && !current) throw new LayoutError(tail[0].page, tail[0].line, 'footnote text before the first footnote');
    if (first > 0 && current) current.continued = true;
    tail.forEach((l, i) => {
      const m = FOOTNOTE_START.exec(l.text);
      if (i >= first && m && Number(m[1]) === (next ?? Number(m[1]))) {
        current = { n: Number(m[1]), text: l.text.slice(m[0].length), page: l.page, line: l.line, continued: false };
        footnotes.push(current);
        next = current.n + 1;
      } else if (m && i >= first) {
        throw new LayoutError(l.page, l.line, `footnote ${m[1]} found where footnote ${next} was expected: footnotes must be numbered once, in order, for the whole report`);
      } else {
        current.text = `${current.text} ${l.text}`;
      }
    });
  }
  for (const f of footnotes) f.text = f.text.replace(/\s+/gu, ' ').trim();
  return { pages: pages.length, body, footnotes };
}

/** A footnote marker found in the body. */
export interface Marker {
  n: number;
  /** Index of the token that carries it. */
  token: number;
}

/** The regular expression of a marker for footnote n, glued to the word before it. */
export function markerPattern(n: number): RegExp {
  return new RegExp(`^(.*[^\\d\\s/.,:-])${n}([.,;:)”"’]*)$`, 'u');
}

/**
 * Finds the markers of footnotes first..last in order, each in the first token after the
 * previous marker that ends in its number. Returns the token index of each; a footnote
 * whose marker is not found is reported with `missing`.
 */
export function findMarkers(tokens: readonly string[], numbers: readonly number[]): { markers: Marker[]; missing?: number; from: number } {
  const markers: Marker[] = [];
  let from = 0;
  for (const n of numbers) {
    const re = markerPattern(n);
    let found = -1;
    for (let i = from; i < tokens.length; i++) {
      if (re.test(tokens[i])) {
        found = i;
        break;
      }
    }
    if (found < 0) return { markers, missing: n, from };
    markers.push({ n, token: found });
    from = found + 1;
  }
  return { markers, from };
}
