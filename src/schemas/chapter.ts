import { z } from 'astro/zod';

/** The parts of the report a chapter can belong to. */
export const PART_IDS = ['phan-thu-nhat', 'phan-thu-hai', 'phan-ket'] as const;
export const partIdSchema = z.enum(PART_IDS);
export type PartId = z.infer<typeof partIdSchema>;

/** Frontmatter of a chapter (content/chapters/*.mdx). */
export const chapterSchema = z
  .object({
    /** Position of the chapter in reading order, 1-based, unique across chapters. */
    order: z.number().int().positive(),
    /** URL path of the chapter page, without leading or trailing slash, e.g. "phan-thu-nhat/i-1-linh-vuc-kinh-te". */
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'lowercase ASCII words joined by "-" and "/"'),
    /** The part of the report the chapter belongs to. */
    part: partIdSchema,
    /** Roman-numbered section of Phần thứ nhất that contains the chapter ("I", "II" or "III"), if any. */
    section: z.enum(['I', 'II', 'III']).optional(),
    /** The chapter's number as the site shows it in navigation, e.g. "I.1" or "3"; empty when it has none. */
    number: z.string().regex(/^(?:[IVX]+(?:\.\d+)*|\d+(?:\.\d+)*)?$/).default(''),
    /** Short title for navigation, breadcrumbs and the browser tab (site text, not report text). */
    title: z.string().trim().min(1),
    /**
     * The report's own heading lines that open the chapter, word for word, in order
     * (e.g. ["I. KẾT QUẢ PHÁT TRIỂN CÁC NGÀNH, LĨNH VỰC", "1. Lĩnh vực kinh tế"]).
     * The page shows them as its h1. Empty when the report gives the passage no heading;
     * the h1 then shows `title`.
     */
    heading: z.array(z.string().trim().min(1)).default([]),
  })
  .strict();

export type ChapterInput = z.input<typeof chapterSchema>;
export type ChapterData = z.output<typeof chapterSchema>;
