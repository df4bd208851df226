import type { PartId } from '../schemas/chapter';

/** The report's numbering at the start of a heading or paragraph. */
export type Numbering =
  | { kind: 'roman'; label: string; value: string }
  | { kind: 'decimal'; label: string; path: number[] }
  | { kind: 'paren'; label: string; value: number };

/** Reads the numbering that opens a text: "II. …", "1.5.1. …", "(3) …"; null when there is none. */
export function parseNumbering(text: string): Numbering | null {
  const t = text.trimStart();
  let m = /^([IVX]+)\.(?=\s)/u.exec(t);
  if (m) return { kind: 'roman', label: m[0], value: m[1] };
  m = /^(\d{1,2}(?:\.\d{1,2})*)\.(?=\s)/u.exec(t);
  if (m) return { kind: 'decimal', label: m[0], path: m[1].split('.').map(Number) };
  m = /^\((\d{1,2})\)(?=\s)/u.exec(t);
  if (m) return { kind: 'paren', label: m[0], value: Number(m[1]) };
  return null;
}

/** Short id prefix of each part: "p1", "p2", and "ket" for the closing. */
export function partPrefix(part: PartId): string {
  return { 'phan-thu-nhat': 'p1', 'phan-thu-hai': 'p2', 'phan-ket': 'ket' }[part];
}

/**
 * Hands out stable, human-readable ids from the report's numbering, in reading order:
 * Phần thứ nhất › I › 1.5.1 is "p1-i-1-5-1", Phần thứ nhất › II › 2.3 is "p1-ii-2-3",
 * item (2) under Phần thứ hai › 3.4 is "p2-3-4-y2", and the k-th unnumbered paragraph
 * after a numbered item is "<item id>-d<k>". An id handed out twice is an error.
 */
export class IdAssigner {
  private scope: string;
  private anchor: string;
  private decimalAnchor: string;
  private paragraphs = 0;
  private readonly used = new Set<string>();

  constructor(part: PartId, section?: string) {
    this.scope = [partPrefix(part), section?.toLowerCase()].filter(Boolean).join('-');
    this.anchor = this.scope;
    this.decimalAnchor = this.scope;
  }

  /** Id of the latest numbered heading or item: the chapter's root before any. */
  get current(): string {
    return this.anchor;
  }

  private enter(n: Numbering | null): boolean {
    if (!n) return false;
    if (n.kind === 'roman') {
      this.scope = `${this.scope.split('-')[0]}-${n.value.toLowerCase()}`;
      this.anchor = this.decimalAnchor = this.scope;
    } else if (n.kind === 'decimal') {
      this.anchor = this.decimalAnchor = `${this.scope}-${n.path.join('-')}`;
    } else {
      this.anchor = `${this.decimalAnchor}-y${n.value}`;
    }
    return true;
  }

  private claim(id: string): string {
    if (this.used.has(id)) throw new Error(`duplicate permalink id "${id}"`);
    this.used.add(id);
    return id;
  }

  /**
   * Id of the chapter's own heading lines (its h1): the numbering of each line is entered
   * in turn, e.g. ["I. KẾT QUẢ …", "1. Lĩnh vực kinh tế"] gives "p1-i-1"; without any
   * numbering it is the part's id ("p1", "p2", "ket").
   */
  root(lines: string[]): string {
    for (const line of lines) this.enter(parseNumbering(line));
    this.paragraphs = 0;
    return this.claim(this.anchor);
  }

  /** Id of a heading: its numbering's id, or the next "<current>-d<k>" when it has none. */
  heading(text: string): string {
    const numbered = this.enter(parseNumbering(text));
    this.paragraphs = 0;
    return this.claim(numbered ? this.anchor : `${this.anchor}-d${++this.paragraphs}`);
  }

  /** Id of a paragraph: its numbering's id when it opens with one, else "<current>-d<k>". */
  paragraph(text: string): string {
    if (this.enter(parseNumbering(text))) {
      this.paragraphs = 0;
      return this.claim(this.anchor);
    }
    this.paragraphs += 1;
    return this.claim(`${this.anchor}-d${this.paragraphs}`);
  }
}
