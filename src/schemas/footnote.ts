import { z } from 'astro/zod';

/** One footnote of the report, as content/footnotes.yaml stores it. */
export const footnoteSchema = z
  .object({
    /** The footnote's original number, global across the report (footnotes are numbered once, consecutively). */
    n: z.number().int().min(1),
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
