import { z } from 'astro/zod';

/** Permalink id of a section of Phần thứ nhất, mục I, e.g. "p1-i-1-1" (1.1. Nông nghiệp) or "p1-i-4". */
const resultIdSchema = z.string().regex(/^p1-i-\d+(?:-\d+)*$/u, 'must be a section id of Phần thứ nhất, mục I, like "p1-i-1-1"');
/** Permalink id of a task of Phần thứ hai, e.g. "p2-3-3-y1" (3.3, item (1)) or "p2-3-5". */
const planIdSchema = z.string().regex(/^p2-\d+(?:-\d+)*(?:-y\d+)?$/u, 'must be a task id of Phần thứ hai, like "p2-3-5" or "p2-3-3-y1"');

/**
 * One link between the two Parts (content/related.yaml): a section of the 2023 results
 * (Phần thứ nhất, mục I) and a task of the 2024 plan (Phần thứ hai) on the same field.
 * Each section shows its pairs as "Kế hoạch … cho lĩnh vực này" links, each task as
 * "Kết quả … của lĩnh vực này" links (src/reading/RelatedLinks.astro).
 */
export const relatedSchema = z
  .object({
    /** The pair's own id, unique in the file: a few lowercase words, e.g. "nong-nghiep". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lowercase words joined by "-"'),
    /** Permalink id of the Part One section (its heading, numbered item, or chapter). */
    result: resultIdSchema,
    /** Permalink id of the Part Two task (its numbered item or "(n)" item). */
    plan: planIdSchema,
    /** Why the two go together: one short sentence in the site's own words, never a quote of the report. */
    reason: z.string().min(8).max(120).regex(/[.]$/u, 'must be one sentence ending with "."'),
  })
  .strict();

export type RelatedInput = z.input<typeof relatedSchema>;
export type Related = z.output<typeof relatedSchema>;
