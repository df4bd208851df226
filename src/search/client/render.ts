/**
 * DOM helpers shared by the search page and the header's box. Everything from a query
 * or a record goes in as text (textContent, append(string)), never as HTML. The words
 * come from the caller (t() on the search page; the header box reads them from its
 * data-t-* attributes, rendered with t()), so that this module carries no strings.
 */
import type { Segment } from '../highlight';
import type { Shown } from './engine';

/** Fills "{name}" placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** "Chú thích 13 · I.1" (from `footnoteTemplate`) or "I.1 › 1.6.1". */
export function label(shown: Pick<Shown, 'kind' | 'n' | 'where'>, footnoteTemplate: string): string {
  return shown.kind === 'footnote' ? fill(footnoteTemplate, { n: shown.n ?? '', where: shown.where }) : shown.where;
}

/** The segments as text and <mark> elements. */
export function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.mark) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      parent.append(mark);
    } else parent.append(s.text);
  }
}

export interface FailureWords {
  lead: string;
  footnotes: string;
  contents: string;
}

/** What to read when the index cannot load: the footnote index and the contents, which need no search. */
export function loadFailure(words: FailureWords): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-error';
  const footnotes = document.createElement('a');
  footnotes.href = '/chu-thich/';
  footnotes.textContent = words.footnotes;
  const contents = document.createElement('a');
  contents.href = '/#muc-luc';
  contents.textContent = words.contents;
  p.append(`${words.lead} `, footnotes, ', ', contents, '.');
  return p;
}
