import type { ChapterData } from '../schemas/chapter';
import { parseNumbering } from './ids';

/** The chapter's name as contents lists show it: its own numbered heading line, else its title. */
export function chapterName(data: ChapterData): string {
  const main = data.heading[data.heading.length - 1];
  return main && parseNumbering(main) ? main : data.title;
}

/** The chapter's label for navigation: "I.1. Lĩnh vực kinh tế", or the title alone. */
export function chapterNavLabel(data: ChapterData): string {
  return data.number ? `${data.number}. ${data.title}` : data.title;
}

/** A plain-text summary: the first `max` characters of the text, cut at a word boundary. */
export function summary(text: string, max = 155): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
