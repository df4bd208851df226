import { z } from 'astro/zod';

/** One place where the site's text deliberately differs from the source text (content/corrections.yaml). */
export const correctionSchema = z
  .object({
    /** Stable identifier of the correction, lowercase words joined by "-". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Chapter file (without .mdx) where the corrected text stands. */
    chapter: z.string().min(1),
    /** The source's text at that place, exactly as the extracted source has it (line breaks as one space). */
    source: z.string().min(1),
    /** The text as the site gives it. */
    content: z.string().min(1),
    /** Why it differs: which extraction artifact it repairs. */
    reason: z.string().min(10),
  })
  .strict();

export type CorrectionInput = z.input<typeof correctionSchema>;
export type Correction = z.output<typeof correctionSchema>;
