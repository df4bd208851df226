/**
 * DOM helpers shared by the search page and the header's box. Everything from a query
 * or a record goes in as text (textContent, append(string)), never as HTML.
 */
import { t } from '../../i18n/vi';
import type { Segment } from '../highlight';
import type { Shown } from './engine';

/** "Chú thích 13 · I.1" or "I.1 › 1.6.1". */
export function label(shown: Pick<Shown, 'kind' | 'n' | 'where'>): string {
  return shown.kind === 'footnote' ? t('search.result.footnote', { n: shown.n ?? '', where: shown.where }) : shown.where;
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

/** What to read when the index cannot load: the footnote index and the contents, which need no search. */
export function loadFailure(): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-error';
  const footnotes = document.createElement('a');
  footnotes.href = '/chu-thich/';
  footnotes.textContent = t('search.error.footnotes');
  const contents = document.createElement('a');
  contents.href = '/#muc-luc';
  contents.textContent = t('search.error.contents');
  p.append(`${t('search.error.lead')} `, footnotes, ', ', contents, '.');
  return p;
}
