import { z } from 'astro/zod';

/** Highest footnote number in the report; footnotes are numbered 1..FOOTNOTE_COUNT across the whole report. */
export const FOOTNOTE_COUNT = 66;

/** One footnote of the report, as content/footnotes.yaml stores it. */
export const footnoteSchema = z
  .object({
    /** The footnote's original, global number in the report (1–66). */
    n: z.number().int().min(1).max(FOOTNOTE_COUNT),
    /** The footnote's text, word for word as in the report, without the "N- " prefix. Plain text, one line. */
    text: z
      .string()
      .trim()
      .min(1)
      .refine((s) => !/\n/.test(s), 'must be one line: join wrapped lines with one space'),
  })
  .strict();

export type FootnoteInput = z.input<typeof footnoteSchema>;
export type Footnote = z.output<typeof footnoteSchema>;
