/**
 * Drafts a content folder from a report's extracted text: chapters split at the report's
 * own headings, footnotes, report metadata, the corrections of extraction artifacts and the
 * abbreviation candidates. Pure: src/import/ reads and writes the files.
 *
 * It never invents text: every word of the chapters and footnotes is the source's, in
 * order; the only changes are the repairs listed in corrections.yaml. Where the layout
 * leaves a choice (a paragraph break at a page break, a long section split into chapters,
 * a title shortened for navigation) it records a guess with the page and line.
 */
import { layOut, LayoutError, markerPattern, RECIPIENTS_LABEL, type LaidOutFootnote, type SourceLine } from './layout.ts';
import { sentenceCase, slugify } from './slug.ts';

export { LayoutError } from './layout.ts';

/** A choice the importer made that an editor should review. */
export interface Guess {
  page: number;
  line: number;
  message: string;
}

export interface DraftCorrection {
  id: string;
  chapter: string;
  source: string;
  content: string;
  reason: string;
  page: number;
  line: number;
}

export interface DraftChapter {
  /** File name without ".mdx". */
  file: string;
  order: number;
  slug: string;
  part: string;
  section?: string;
  number: string;
  title: string;
  heading: string[];
  /** MDX body (without frontmatter). */
  body: string;
  page: number;
  line: number;
}

export interface DraftReport {
  title: string;
  shortTitle: string;
  issuer: { name: string; short: string };
  addressee: { name: string; short: string };
  session: { number: number; term: string; text: string };
  parts: { id: string; label: string; title: string }[];
  recipients: { label: string; items: string[] };
  signature: { onBehalfOf: string; authority: string; title: string; name: string };
}

export interface AbbreviationCandidate {
  abbr: string;
  count: number;
  page: number;
  line: number;
  /** The report's own words before "(ABBR)", when it spells the abbreviation out. */
  spelledOut?: string;
}

export interface Draft {
  pages: number;
  chapters: DraftChapter[];
  footnotes: { n: number; text: string; page: number; line: number; continued: boolean }[];
  markers: number;
  report: DraftReport;
  corrections: DraftCorrection[];
  abbreviations: AbbreviationCandidate[];
  guesses: Guess[];
}

/** Names an editor chose for a chapter, kept when the same heading is imported again. */
export interface ChapterNames {
  heading: string[];
  title: string;
  slug: string;
  file: string;
}

export interface DraftOptions {
  /** Editor's names from a previous import, matched by heading. */
  names?: ChapterNames[];
  /** A Roman-numbered section longer than this many words is split into its numbered fields. */
  splitWords?: number;
}

/** Words of the site's own (not the report's) for passages the report gives no heading. */
export const OPENING_TITLE = 'Mở đầu';
export const CLOSING_TITLE = 'Phần kết';
export const CLOSING_PART = 'phan-ket';

interface Token {
  text: string;
  page: number;
  line: number;
}

type Block =
  | { kind: 'part'; label: string; title: string; page: number; line: number }
  | { kind: 'roman'; numeral: string; text: string; page: number; line: number }
  | { kind: 'numbered'; path: number[]; text: string; page: number; line: number }
  | { kind: 'paragraph'; tokens: Token[]; page: number; line: number };

const PART_LINE = /^PHẦN\s+THỨ\s+\S.*$/u;
const ROMAN_LINE = /^([IVXLC]+)\.\s+(\S.*)$/u;
const NUMBERED_LINE = /^(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$/u;
const ENDS_SENTENCE = /[.:;!?…](?:["”’)])*$/u;
const ENDS_CLAUSE = /[.:;,!?…](?:["”’)])*$/u;
const STARTS_NEW = /^[\p{Lu}\d(“"•+–-]/u;
const STARTS_LOWER = /^\p{Ll}/u;
const CONSONANT_MARK = /([b-df-hj-np-tv-zđB-DF-HJ-NP-TV-ZĐ])(\p{M}+)/u;

const isUpper = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);

/** Escapes what Markdown or MDX would read as syntax in a run of report text. */
export function escapeMdx(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~]/gu, (c) => `\\${c}`);
}

/** Escapes what would open a list or a heading at the start of a paragraph. */
function escapeStart(text: string): string {
  return text
    .replace(/^(\d+)([.)])(?=\s)/u, '$1\\$2')
    .replace(/^([-+*])(?=\s)/u, '\\$1')
    .replace(/^#/u, '\\#');
}

function tokensOf(l: SourceLine): Token[] {
  return l.text
    .split(/\s+/u)
    .filter(Boolean)
    .map((text) => ({ text, page: l.page, line: l.line }));
}

const words = (tokens: Token[]) => tokens.map((t) => t.text).join(' ');

/** Drafts the content folder's data from the extracted text. Throws LayoutError. */
export function draftReport(sourceText: string, options: DraftOptions = {}): Draft {
  const splitWords = options.splitWords ?? 4000;
  const layout = layOut(sourceText);
  const guesses: Guess[] = [];
  const guess = (at: { page: number; line: number }, message: string) => guesses.push({ page: at.page, line: at.line, message });
  const repairs: Omit<DraftCorrection, 'chapter' | 'id'>[] = [];

  const closingAt = layout.body.findIndex((l) => RECIPIENTS_LABEL.test(l.text));
  const lines = closingAt < 0 ? layout.body : layout.body.slice(0, closingAt);
  const closingLines = closingAt < 0 ? [] : layout.body.slice(closingAt);
  if (closingAt < 0) {
    const last = layout.body[layout.body.length - 1];
    throw new LayoutError(last?.page ?? 1, last?.line ?? 1, 'no "Nơi nhận:" line: the closing recipients and signature block was not found');
  }

  // Repairs inside a line: a tone mark standing on a consonant.
  const repaired = lines.map((l) => {
    let text = l.text;
    let m: RegExpExecArray | null;
    while ((m = CONSONANT_MARK.exec(text))) {
      const before = text;
      text = text.slice(0, m.index + 1) + text.slice(m.index + 1 + m[2].length);
      const ws = before.split(/\s+/u);
      const at = before.slice(0, m.index).split(/\s+/u).length - 1;
      const fixed = text.split(/\s+/u);
      repairs.push({
        source: ws.slice(Math.max(0, at - 1), at + 2).join(' '),
        content: fixed.slice(Math.max(0, at - 1), at + 2).join(' '),
        reason: `Dấu thanh kết hợp (U+${m[2].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) thừa đứng sau phụ âm "${m[1]}", do trích xuất văn bản từ PDF.`,
        page: l.page,
        line: l.line,
      });
    }
    return { ...l, text };
  });

  // Blocks: headings and paragraphs.
  const blocks: Block[] = [];
  let para: Extract<Block, { kind: 'paragraph' }> | undefined;
  let lastLine: SourceLine | undefined;
  let blank = false;
  const flush = () => {
    if (para) blocks.push(para);
    para = undefined;
  };
  const nextNonBlank = (from: number) => {
    for (let j = from; j < repaired.length; j++) if (repaired[j].text !== '') return j;
    return -1;
  };

  // A heading's last line stops short of the text's line width; a paragraph's first line fills it.
  const widths = repaired
    .filter((l, i) => l.text !== '' && (repaired[i + 1]?.text ?? '') !== '' && !repaired[i + 1]?.pageStart)
    .map((l) => [...l.text].length)
    .sort((a, b) => a - b);
  const lineWidth = widths[Math.floor(widths.length * 0.75)] ?? 80;
  const shortLine = (s: string) => [...s].length < lineWidth * 0.8;

  for (let i = 0; i < repaired.length; i++) {
    const l = repaired[i];
    if (l.text === '') {
      blank = true;
      continue;
    }
    // Part label and the part's title.
    if (PART_LINE.test(l.text) && isUpper(l.text)) {
      flush();
      const title: string[] = [];
      let j = i + 1;
      while (j < repaired.length && repaired[j].text !== '' && title.length < 3 && !ROMAN_LINE.test(repaired[j].text) && !NUMBERED_LINE.test(repaired[j].text)) {
        title.push(repaired[j].text);
        j++;
      }
      if (title.length === 0) throw new LayoutError(l.page, l.line, `"${l.text}" is not followed by the part's title`);
      blocks.push({ kind: 'part', label: l.text, title: title.join(' '), page: l.page, line: l.line });
      i = j - 1;
      blank = false;
      lastLine = repaired[j - 1];
      continue;
    }
    const roman = ROMAN_LINE.exec(l.text);
    if (roman && isUpper(roman[2])) {
      flush();
      const text = [l.text];
      let j = i + 1;
      while (j < repaired.length && repaired[j].text !== '' && isUpper(repaired[j].text) && !NUMBERED_LINE.test(repaired[j].text) && !ROMAN_LINE.test(repaired[j].text)) {
        text.push(repaired[j].text);
        j++;
      }
      blocks.push({ kind: 'roman', numeral: roman[1], text: text.join(' '), page: l.page, line: l.line });
      i = j - 1;
      blank = false;
      lastLine = repaired[j - 1];
      continue;
    }
    const numbered = NUMBERED_LINE.exec(l.text);
    if (numbered && (!para || blank || l.pageStart || ENDS_SENTENCE.test(lastLine?.text ?? ''))) {
      const text = [l.text];
      let j = i + 1;
      while (j < repaired.length && STARTS_LOWER.test(repaired[j].text) && text.length < 3) {
        text.push(repaired[j].text);
        j++;
      }
      const after = nextNonBlank(j);
      const joined = text.join(' ');
      const heading =
        text.length <= 2 &&
        joined.length <= 160 &&
        shortLine(text[text.length - 1]) &&
        !ENDS_CLAUSE.test(joined) && (after < 0 || STARTS_NEW.test(repaired[after].text) || RECIPIENTS_LABEL.test(repaired[after].text));
      if (heading) {
        flush();
        blocks.push({ kind: 'numbered', path: numbered[1].split('.').map(Number), text: joined, page: l.page, line: l.line });
        i = j - 1;
        blank = false;
        lastLine = repaired[j - 1];
        continue;
      }
    }
    // Paragraph text.
    const prev = lastLine?.text ?? '';
    if (para && (blank || l.pageStart)) {
      const breaks = ENDS_SENTENCE.test(prev) && STARTS_NEW.test(l.text);
      if (breaks) {
        if (l.pageStart && !blank) guess(l, `new paragraph at the top of page ${l.page} (the line before ends a sentence and this one starts with "${l.text.slice(0, 12)}")`);
        flush();
      } else if (!ENDS_SENTENCE.test(prev) && /^\p{Lu}/u.test(l.text)) {
        guess(l, `paragraph continued ${blank ? 'across a blank line' : `onto page ${l.page}`}: the line before ends without punctuation`);
      }
    } else if (para && NUMBERED_LINE.test(l.text) && /[.:!?](?:["”’)])*$/u.test(prev)) {
      flush();
    } else if (para && /^[-+•]\s/u.test(l.text) && ENDS_SENTENCE.test(prev)) {
      guess(l, 'new paragraph for a list item that follows a line without a blank line');
      flush();
    }
    if (!para) para = { kind: 'paragraph', tokens: [], page: l.page, line: l.line };
    const toks = tokensOf(l);
    const tail = para.tokens[para.tokens.length - 1];
    // Repair: a range of numbers broken after its hyphen ("1,5-" / "2,1%").
    if (tail && /\d-$/u.test(tail.text) && /^\d/u.test(toks[0]?.text ?? '') && lastLine && lastLine.line !== l.line) {
      const before = para.tokens.slice(-3, -1).map((t) => t.text);
      repairs.push({
        source: [...before, tail.text, toks[0].text].join(' '),
        content: [...before, tail.text + toks[0].text].join(' '),
        reason: 'Khoảng số bị ngắt dòng sau dấu gạch nối; việc nối dòng khi trích xuất chèn thêm một dấu cách.',
        page: l.page,
        line: l.line,
      });
      guess(l, `joined "${tail.text}" and "${toks[0].text}" without a space (a range of numbers broken at the line end)`);
      tail.text += toks[0].text;
      toks.shift();
    }
    para.tokens.push(...toks);
    blank = false;
    lastLine = l;
  }
  flush();

  // The closing paragraph: the last paragraph before "Nơi nhận".
  const lastPara = [...blocks].reverse().find((b) => b.kind === 'paragraph') as Extract<Block, { kind: 'paragraph' }> | undefined;
  if (!lastPara) throw new LayoutError(closingLines[0].page, closingLines[0].line, 'no text before the closing block');
  if (!/\.\/\.$/u.test(words(lastPara.tokens))) guess(lastPara, 'closing paragraph taken to be the last paragraph before "Nơi nhận:" (it does not end in "./.")');

  // Footnote markers, in order, over all headings and paragraphs.
  const flat: { block: Block; index: number; token: Token }[] = [];
  for (const b of blocks) if (b.kind === 'paragraph') b.tokens.forEach((token, index) => flat.push({ block: b, index, token }));
  const fnTag = new Map<Token, number>();
  let from = 0;
  let previous: Token | undefined;
  for (const f of layout.footnotes) {
    const re = markerPattern(f.n);
    let found = -1;
    for (let i = from; i < flat.length; i++) {
      if (re.test(flat[i].token.text)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      const after = previous ? ` after the marker of footnote ${f.n - 1} (page ${previous.page}, line ${previous.line})` : '';
      throw new LayoutError(f.page, f.line, `footnote ${f.n} has no marker in the text${after}`);
    }
    fnTag.set(flat[found].token, f.n);
    previous = flat[found].token;
    from = found + 1;
  }
  const lastN = layout.footnotes.length ? layout.footnotes[layout.footnotes.length - 1].n : 0;
  const stray = flat.slice(from).find((t) => markerPattern(lastN + 1).test(t.token.text) && /\p{L}/u.test(t.token.text));
  if (stray && layout.footnotes.length) {
    throw new LayoutError(stray.token.page, stray.token.line, `"${stray.token.text}" looks like the marker of footnote ${lastN + 1}, but there is no footnote ${lastN + 1}`);
  }

  const paragraphMdx = (tokens: Token[]) =>
    escapeStart(
      tokens
        .map((t) => {
          const n = fnTag.get(t);
          if (n === undefined) return escapeMdx(t.text);
          const m = markerPattern(n).exec(t.text)!;
          return `${escapeMdx(m[1])}<Fn n={${n}} />${escapeMdx(m[2])}`;
        })
        .join(' '),
    );

  // Parts and their sections.
  const parts: { label: string; title: string; id: string; page: number; line: number; blocks: Block[] }[] = [];
  for (const b of blocks) {
    if (b.kind === 'part') parts.push({ label: b.label, title: b.title, id: slugify(b.label), page: b.page, line: b.line, blocks: [] });
    else if (b === lastPara) continue;
    else if (parts.length === 0) throw new LayoutError(b.page, b.line, 'text before the first "PHẦN THỨ …" line');
    else parts[parts.length - 1].blocks.push(b);
  }
  if (parts.length !== 2) {
    const at = parts[2] ?? blocks[0];
    throw new LayoutError(at.page, at.line, `found ${parts.length} parts ("PHẦN THỨ …" lines); the site expects two`);
  }

  interface Plan {
    part: (typeof parts)[number];
    section?: string;
    number: string;
    heading: string[];
    base: number;
    blocks: Block[];
    at: { page: number; line: number };
    opening?: boolean;
  }
  const plans: Plan[] = [];
  const wordCount = (bs: Block[]) => bs.reduce((n, b) => n + (b.kind === 'paragraph' ? b.tokens.length : 0), 0);

  for (const part of parts) {
    const partHeading = [part.label, part.title];
    const firstSection = part.blocks.findIndex((b) => b.kind === 'roman' || (b.kind === 'numbered' && b.path.length === 1));
    const intro = firstSection < 0 ? part.blocks : part.blocks.slice(0, firstSection);
    const rest = firstSection < 0 ? [] : part.blocks.slice(firstSection);
    let pendingHeading: string[] = [];
    if (intro.length > 0) {
      plans.push({ part, number: '', heading: partHeading, base: 0, blocks: intro, at: part, opening: true });
    } else pendingHeading = partHeading;
    const hasRoman = rest.some((b) => b.kind === 'roman');
    // Group into sections at Roman headings (or at top-level numbered headings without them).
    const groups: Block[][] = [];
    for (const b of rest) {
      const opens = hasRoman ? b.kind === 'roman' : b.kind === 'numbered' && b.path.length === 1;
      if (opens || groups.length === 0) groups.push([]);
      groups[groups.length - 1].push(b);
    }
    for (const g of groups) {
      const head = g[0];
      if (head.kind === 'roman') {
        const fields = g.filter((b) => b.kind === 'numbered' && b.path.length === 1);
        const long = wordCount(g) > splitWords;
        const split = long && fields.length >= 2 && g[1] === fields[0];
        if (long && !split) guess(head, `section ${head.numeral} is long (${wordCount(g)} words) but kept as one chapter: it has no numbered fields right under its heading`);
        if (split) {
          guess(head, `section ${head.numeral} (${wordCount(g)} words) split into ${fields.length} chapters, one per numbered field`);
          let first = true;
          for (const f of fields) {
            const start = g.indexOf(f);
            const end = fields[fields.indexOf(f) + 1] ? g.indexOf(fields[fields.indexOf(f) + 1]) : g.length;
            const fh = f as Extract<Block, { kind: 'numbered' }>;
            plans.push({
              part,
              section: head.numeral,
              number: `${head.numeral}.${fh.path[0]}`,
              heading: [...pendingHeading, ...(first ? [head.text] : []), fh.text],
              base: 1,
              blocks: g.slice(start + 1, end),
              at: fh,
            });
            pendingHeading = [];
            first = false;
          }
        } else {
          plans.push({ part, section: head.numeral, number: head.numeral, heading: [...pendingHeading, head.text], base: 0, blocks: g.slice(1), at: head });
          pendingHeading = [];
        }
      } else if (head.kind === 'numbered') {
        plans.push({ part, number: head.path.join('.'), heading: [...pendingHeading, head.text], base: 1, blocks: g.slice(1), at: head });
        pendingHeading = [];
      }
    }
    if (pendingHeading.length) throw new LayoutError(part.page, part.line, `part "${part.label}" has no text`);
  }

  // Chapters: names (kept or drafted) and MDX bodies.
  const names = options.names ?? [];
  const chapters: DraftChapter[] = [];
  const usedSlugs = new Set<string>();
  const allPlans: (Plan | 'closing')[] = [...plans, 'closing'];
  allPlans.forEach((plan, i) => {
    const order = i + 1;
    const pad = String(order).padStart(2, '0');
    if (plan === 'closing') {
      const kept = names.find((n) => n.heading.length === 0);
      const body = `${paragraphMdx(lastPara.tokens)}\n\n<Recipients />\n\n<Signature />\n`;
      chapters.push({
        file: kept?.file ?? `${pad}-${CLOSING_PART}`,
        order,
        slug: kept?.slug ?? CLOSING_PART,
        part: CLOSING_PART,
        number: '',
        title: kept?.title ?? CLOSING_TITLE,
        heading: [],
        body,
        page: lastPara.page,
        line: lastPara.line,
      });
      return;
    }
    const own = plan.heading[plan.heading.length - 1];
    const kept = names.find((n) => n.heading.length === plan.heading.length && n.heading.every((h, k) => h === plan.heading[k]));
    let title: string;
    let slug: string;
    if (plan.opening) {
      title = OPENING_TITLE;
      slug = `${plan.part.id}/${slugify(OPENING_TITLE)}`;
    } else {
      const text = own.replace(/^(?:[IVXLC]+|\d+(?:\.\d+)*)\.\s+/u, '');
      title = sentenceCase(text);
      const all = slugify(title);
      const short = slugify(title, 5);
      slug = `${plan.part.id}/${slugify(plan.number.replace(/\./gu, ' '))}-${short}`;
      if (!kept && (title !== text || short !== all)) guess(plan.at, `chapter title "${title}" and address /${slug}/ drafted from the heading; shorten or correct them if needed`);
    }
    if (kept) {
      title = kept.title;
      slug = kept.slug;
    }
    while (usedSlugs.has(slug)) slug = `${slug}-${order}`;
    usedSlugs.add(slug);
    const file = kept?.file ?? `${pad}-${slug.split('/').pop()}`;
    const parts: string[] = [];
    for (const b of plan.blocks) {
      if (b.kind === 'paragraph') parts.push(paragraphMdx(b.tokens));
      else if (b.kind === 'numbered') {
        const level = Math.min(6, 1 + b.path.length - plan.base);
        if (level < 2) guess(b, `heading "${b.text}" is at the chapter's own level; shown as a sub-heading`);
        parts.push(`${'#'.repeat(Math.max(2, level))} ${escapeMdx(b.text)}`);
      } else if (b.kind === 'roman') parts.push(`## ${escapeMdx(b.text)}`);
    }
    chapters.push({
      file,
      order,
      slug,
      part: plan.part.id,
      ...(plan.section ? { section: plan.section } : {}),
      number: plan.number,
      title,
      heading: plan.heading,
      body: parts.join('\n\n') + '\n',
      page: plan.at.page,
      line: plan.at.line,
    });
  });

  // Which chapter holds each repair.
  const corrections: DraftCorrection[] = repairs.map((r, i) => {
    const holder = [...chapters].reverse().find((c) => c.page < r.page || (c.page === r.page && c.line <= r.line)) ?? chapters[0];
    const id = r.reason.startsWith('Dấu') ? `dau-thua-${i + 1}` : `ngat-dong-khoang-so-${i + 1}`;
    return { ...r, id, chapter: holder.file };
  });

  const bodyText = blocks.map((b) => (b.kind === 'paragraph' ? words(b.tokens) : '')).join(' ');
  const report = draftMetadata(parts, closingLines, bodyText, guess);
  const abbreviations = abbreviationCandidates(blocks, layout.footnotes, report.recipients.items, closingLines[0]);
  const markers = fnTag.size;
  return { pages: layout.pages, chapters, footnotes: layout.footnotes, markers, report, corrections, abbreviations, guesses };
}

/** Recipients and signature, set one after the other or side by side in two columns. */
function closingBlock(lines: SourceLine[], guess: (at: SourceLine, message: string) => void) {
  const left: SourceLine[] = [];
  const right: SourceLine[] = [];
  let twoColumns = false;
  for (const l of lines) {
    const cols = l.text.split(/\s{3,}|\t+/u).filter(Boolean);
    if (cols.length >= 2) {
      twoColumns = true;
      left.push({ ...l, text: cols[0] });
      right.push({ ...l, text: cols.slice(1).join(' ') });
    } else if (twoColumns && l.text !== '' && isUpper(l.text.replace(/[.:]/gu, '')) && !/^[-+]/u.test(l.text)) {
      right.push(l);
    } else left.push(l);
  }
  const label = left[0].text.match(RECIPIENTS_LABEL)![0].trim();
  const items: string[] = [];
  let sig: SourceLine[] = [];
  let inItems = true;
  const rest = left.slice(1);
  const itemLines: SourceLine[] = [];
  for (const l of rest) {
    if (!inItems) sig.push(l);
    else if (l.text === '' && itemLines.length > 0) inItems = false;
    else if (l.text !== '') itemLines.push(l);
  }
  for (const l of itemLines) {
    if (/^[-+•]\s*/u.test(l.text)) items.push(l.text.replace(/^[-+•]\s*/u, ''));
    else if (items.length) items[items.length - 1] = `${items[items.length - 1]} ${l.text}`;
    else throw new LayoutError(l.page, l.line, `recipient line "${l.text}" does not start with "- "`);
  }
  if (twoColumns) sig = [...right, ...sig];
  const sigLines = sig.filter((l) => l.text !== '');
  if (items.length === 0) throw new LayoutError(lines[0].page, lines[0].line, 'the "Nơi nhận:" block lists no recipient');
  if (sigLines.length < 4) {
    const at = sigLines[0] ?? lines[lines.length - 1];
    throw new LayoutError(at.page, at.line, 'the signature block needs four lines: "TM. …", "KT. …", the signer\'s title and name');
  }
  const name = sigLines[sigLines.length - 1];
  const onBehalfOf = sigLines.find((l) => /^TM\./u.test(l.text));
  const authority = sigLines.find((l) => /^(?:KT|Q|TL|TUQ)\./u.test(l.text));
  if (!onBehalfOf || !authority) {
    throw new LayoutError(sigLines[0].page, sigLines[0].line, 'the signature block has no "TM. …" line or no "KT. …" line');
  }
  const title = sigLines.filter((l) => l !== onBehalfOf && l !== authority && l !== name);
  if (title.length !== 1) guess(title[0] ?? name, `signer's title taken as "${title.map((l) => l.text).join(' ')}"`);
  return {
    recipients: { label, items: items.map((s) => s.replace(/\s+/gu, ' ').trim()) },
    signature: { onBehalfOf: onBehalfOf.text, authority: authority.text, title: title.map((l) => l.text).join(' '), name: name.text },
  };
}

function draftMetadata(
  parts: { label: string; title: string; id: string; page: number; line: number }[],
  closing: SourceLine[],
  bodyText: string,
  guess: (at: { page: number; line: number }, message: string) => void,
): DraftReport {
  const { recipients, signature } = closingBlock(closing, guess);
  const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
  const title = `Báo cáo ${lower(parts[0].title)} và ${lower(parts[1].title)}`;
  guess(parts[0], `report title composed from the two parts' titles: "${title}"`);
  const years = [...title.matchAll(/\b(\d{4})\b/gu)].map((m) => m[1]);
  const shortTitle = years.length >= 2 ? `Báo cáo KT-XH ${years[0]} và kế hoạch ${years[years.length - 1]}` : title;
  if (shortTitle !== title) guess(parts[0], `short title drafted: "${shortTitle}"`);
  const sessionLine = recipients.items.find((i) => /kỳ họp thứ\s+\d+/u.test(i)) ?? '';
  const session = /(kỳ họp thứ\s+(\d+)\s+(.*?)\s+khoá\s+([IVXLC]+))/u.exec(sessionLine);
  if (!session) {
    throw new LayoutError(closing[0].page, closing[0].line, 'no recipient names the session ("… kỳ họp thứ N … khoá …"): report.yaml needs it');
  }
  const issuerBody = signature.onBehalfOf.replace(/^TM\.\s*/u, '');
  // The place: the most frequent "tỉnh X Y" / "thành phố X Y" of the text.
  const places = new Map<string, number>();
  for (const m of bodyText.matchAll(/\b(tỉnh|thành phố)\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*)/gu)) places.set(m[0], (places.get(m[0]) ?? 0) + 1);
  const place = [...places.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const issuerName = `${sentenceCase(issuerBody)}${place ? ` ${place}` : ''}`;
  guess(closing[0], `issuer drafted from the signature block: "${issuerName}"; check the place name`);
  const addressee = /(HĐND|Hội đồng nhân dân)\s+(tỉnh|thành phố)/u.exec(session[3]);
  return {
    title,
    shortTitle,
    issuer: { name: issuerName, short: `${abbreviate(issuerBody)} ${place?.startsWith('thành phố') ? 'thành phố' : 'tỉnh'}` },
    addressee: { name: `Hội đồng nhân dân ${addressee?.[2] ?? 'tỉnh'}`, short: `HĐND ${addressee?.[2] ?? 'tỉnh'}` },
    session: { number: Number(session[2]), term: session[4], text: session[1] },
    parts: parts.map((p) => ({ id: p.id, label: p.label, title: p.title })),
    recipients,
    signature,
  };
}

/** "ỦY BAN NHÂN DÂN" → "UBND". */
function abbreviate(body: string): string {
  return body
    .split(/\s+/u)
    .map((w) => w.normalize('NFD').charAt(0).normalize('NFC').toLocaleUpperCase('vi'))
    .join('')
    .replace('Đ', 'Đ');
}

/** Words in capitals (two or more capital letters) that are not headings: abbreviation candidates. */
function abbreviationCandidates(blocks: Block[], footnotes: LaidOutFootnote[], recipients: string[], at: SourceLine): AbbreviationCandidate[] {
  const found = new Map<string, AbbreviationCandidate>();
  const texts: { text: string; page: number; line: number }[] = [];
  for (const b of blocks) if (b.kind === 'paragraph') for (const t of b.tokens) texts.push(t);
  for (const f of footnotes) for (const w of f.text.split(/\s+/u)) texts.push({ text: w, page: f.page, line: f.line });
  for (const r of recipients) for (const w of r.split(/\s+/u)) texts.push({ text: w, page: at.page, line: at.line });
  const all = texts.map((t) => t.text).join(' ');
  for (const t of texts) {
    const m = /^[("“]*(\p{Lu}[\p{Lu}&]*\p{Lu}(?:-\p{Lu}+)?)(?:\d*)[)"”.,;:]*$/u.exec(t.text);
    if (!m) continue;
    const abbr = m[1];
    if (/^[IVXLC]+$/u.test(abbr)) continue;
    const entry = found.get(abbr) ?? { abbr, count: 0, page: t.page, line: t.line };
    entry.count += 1;
    found.set(abbr, entry);
  }
  for (const entry of found.values()) {
    const spelled = new RegExp(`((?:\\p{L}+\\s){1,6})\\(${entry.abbr}\\)`, 'u').exec(all);
    if (spelled) entry.spelledOut = spelled[1].trim().replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLocaleLowerCase('vi'));
  }
  return [...found.values()].sort((a, b) => a.abbr.localeCompare(b.abbr, 'vi'));
}

export { words as tokenWords };
