/**
 * Reads the text extracted from the report's PDF (content/source/) and separates
 * what the PDF's layout mixed together: body text, footnote blocks and the
 * footnote markers glued to words.
 *
 * Layout rules of the extracted text (see README, "The source"):
 * - a line that starts with a space begins a new PDF page;
 * - each page may end with a footnote block: the last run of lines after a blank
 *   line that contains a line "N- text", N being the next footnote number;
 *   lines of that block before "N- " continue the previous footnote, which had
 *   run over the page break (footnotes 9 and 36);
 * - markers are the footnote's number glued to the word it follows ("hoạch1").
 *
 * Pure functions only: the faithfulness tests and the content checks use them.
 */

/** One footnote as the source gives it. */
export interface SourceFootnote {
  /** Global footnote number, from 1 for the whole report. */
  n: number;
  /** Footnote text, line wraps joined with one space, without the "N- " prefix. */
  text: string;
  /** 1-based line numbers in the source file that hold the footnote. */
  lines: number[];
}

/** One footnote marker in the body text. */
export interface SourceMarker {
  /** Footnote number the marker refers to. */
  n: number;
  /** Index of the body token (whitespace-separated word) that carries the marker. */
  token: number;
  /** That token with the marker digits removed, e.g. "hoạch" for "hoạch1". */
  word: string;
}

export interface ParsedSource {
  /** Body lines in reading order (page breaks and footnote blocks removed), trimmed, blank lines kept. */
  bodyLines: string[];
  /** 1-based source line number of each entry of bodyLines. */
  bodyLineNumbers: number[];
  /** Body words in reading order, footnote markers removed. */
  bodyTokens: string[];
  footnotes: SourceFootnote[];
  markers: SourceMarker[];
}

const FOOTNOTE_START = /^(\d{1,3})- /;
const RECIPIENTS_LABEL = /^Nơi nhận\s*:?/u;

/** Splits text into whitespace-separated tokens. */
export function tokenize(text: string): string[] {
  return text.split(/\s+/u).filter((t) => t.length > 0);
}

/** Groups source lines (1-based numbers) into PDF pages. */
function pages(lines: string[]): number[][] {
  const result: number[][] = [];
  lines.forEach((line, i) => {
    if (line.startsWith(' ') || result.length === 0) result.push([]);
    result[result.length - 1].push(i + 1);
  });
  return result;
}

export function parseSource(text: string): ParsedSource {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not open an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const line = (n: number) => lines[n - 1].trim();
  const body: number[] = [];
  const footnotes: SourceFootnote[] = [];
  let next = 1;

  for (const page of pages(lines)) {
    // The footnote block is the last blank-delimited run of the page that holds "next- ".
    let lastBlank = -1;
    page.forEach((n, i) => {
      if (line(n) === '') lastBlank = i;
    });
    const tail = page.slice(lastBlank + 1);
    const startsNext = tail.findIndex((n) => FOOTNOTE_START.exec(line(n))?.[1] === String(next));
    if (lastBlank < 0 || startsNext < 0) {
      body.push(...page);
      continue;
    }
    body.push(...page.slice(0, lastBlank + 1));
    let current: SourceFootnote | undefined = footnotes[footnotes.length - 1];
    if (startsNext > 0 && !current) {
      throw new Error(`source: line ${tail[0]}: footnote text before footnote 1`);
    }
    tail.forEach((n, i) => {
      const m = FOOTNOTE_START.exec(line(n));
      if (i >= startsNext && m && Number(m[1]) === next) {
        current = { n: next, text: line(n).slice(m[0].length), lines: [n] };
        footnotes.push(current);
        next += 1;
      } else if (current) {
        current.text = `${current.text} ${line(n)}`.trim();
        current.lines.push(n);
      }
    });
  }

  for (const fn of footnotes) fn.text = fn.text.replace(/\s+/gu, ' ').trim();
  const { bodyLines, bodyLineNumbers } = readingOrder(body, line);
  const rawTokens = tokenize(bodyLines.join('\n'));
  const { tokens, markers } = findMarkers(rawTokens, footnotes.length);
  return { bodyLines, bodyLineNumbers, bodyTokens: tokens, footnotes, markers };
}

/**
 * The body lines in reading order. The closing "Nơi nhận" block may be set in two columns,
 * side by side (recipients left, signature right, separated by a run of spaces): the left
 * column is read first, then the right, as the site shows them (<Recipients />, <Signature />).
 */
function readingOrder(body: number[], line: (n: number) => string) {
  const at = body.findIndex((n) => RECIPIENTS_LABEL.test(line(n)));
  const split = (n: number) => line(n).split(/\s{3,}|\t+/u).filter(Boolean);
  if (at < 0 || !body.slice(at).some((n) => split(n).length > 1)) return { bodyLines: body.map(line), bodyLineNumbers: body };
  const left: [string, number][] = [];
  const right: [string, number][] = [];
  for (const n of body.slice(at)) {
    const [l, ...r] = split(n);
    left.push([l ?? '', n]);
    if (r.length) right.push([r.join(' '), n]);
  }
  const all: [string, number][] = [...body.slice(0, at).map((n): [string, number] => [line(n), n]), ...left, ...right];
  return { bodyLines: all.map(([l]) => l), bodyLineNumbers: all.map(([, n]) => n) };
}

/**
 * Finds footnote markers 1..count in order: the first token after the previous
 * marker that ends in the number, glued to a character that is not a digit,
 * optionally followed by closing punctuation.
 */
export function findMarkers(rawTokens: string[], count: number) {
  const tokens = [...rawTokens];
  const markers: SourceMarker[] = [];
  let from = 0;
  for (let n = 1; n <= count; n++) {
    const re = new RegExp(`^(.*[^\\d\\s/.,:-])${n}([.,;:)]*)$`, 'u');
    let found = -1;
    for (let i = from; i < tokens.length; i++) {
      const m = re.exec(tokens[i]);
      if (m) {
        tokens[i] = m[1] + m[2];
        found = i;
        break;
      }
    }
    if (found < 0) throw new Error(`source: no marker for footnote ${n} after token ${from}`);
    markers.push({ n, token: found, word: tokens[found] });
    from = found + 1;
  }
  return { tokens, markers };
}
