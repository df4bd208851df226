import { z } from 'astro/zod';
import { ID_PATTERN, sourceRefSchema } from './figure';

/**
 * Where the report itself spells an abbreviation out, e.g. "khu công nghiệp (KCN)": its
 * exact words, and the paragraph or footnote where they stand.
 */
export const reportExpansionSchema = z
  .object({
    /**
     * The report's exact words, as they stand at `source`: the expansion, then the
     * abbreviation in brackets, e.g. "khu công nghiệp (KCN)" or
     * "tổng sản phẩm trên địa bàn (GRDP theo giá hiện hành)".
     */
    quote: z.string().trim().min(3),
    /** Where the quote stands: a chapter paragraph by permalink id, or a footnote by number. */
    source: sourceRefSchema,
  })
  .strict();

/**
 * One abbreviation that the report uses (content/abbreviations.yaml), with its
 * Vietnamese expansion. Where the report gives the expansion itself, the entry
 * records the report's words (`report`) and `expansion` repeats them.
 */
export const abbreviationSchema = z
  .object({
    /** Stable id: the anchor of the entry on /chu-viet-tat/, e.g. "hdnd", "kh-cn". Lowercase ASCII words joined by "-". */
    id: z.string().regex(ID_PATTERN, 'lowercase ASCII words joined by "-"'),
    /**
     * The abbreviation exactly as the report writes it, capitals and joiners included:
     * "HĐND", "KH&CN", "GDNN-GDTX", "SEA Games". It is matched as a whole word.
     */
    abbr: z
      .string()
      .trim()
      .regex(/^\p{Lu}[\p{L}\p{N}&/ -]*$/u, 'starts with a capital letter; letters, digits, "&", "/", "-" and spaces only')
      .refine((s) => [...s].filter((c) => c !== c.toLowerCase()).length >= 2, 'has at least two capital letters'),
    /**
     * What it stands for, in Vietnamese, with capitals only where Vietnamese writes them
     * (names of bodies, e.g. "Hội đồng nhân dân"): "khu công nghiệp". Shown in the
     * abbreviation's tooltip (its title) and on /chu-viet-tat/.
     */
    expansion: z.string().trim().min(2),
    /** For an abbreviation of foreign words, those words, e.g. "Foreign Direct Investment" for FDI. */
    english: z.string().trim().min(2).optional(),
    /** Where the report itself spells the abbreviation out, if it does. */
    report: reportExpansionSchema.optional(),
    /** A remark for the reader, e.g. that the report writes "CNN" for cụm công nghiệp (site text). */
    note: z.string().trim().min(10).optional(),
  })
  .strict()
  .refine((a) => !a.report || a.report.quote.includes(`(${a.abbr}`), {
    message: 'the report quote must contain the abbreviation in brackets, e.g. "khu công nghiệp (KCN)"',
    path: ['report', 'quote'],
  })
  .refine((a) => !a.report || a.report.quote.toLocaleLowerCase('vi').includes(`${a.expansion.toLocaleLowerCase('vi')} (${a.abbr.toLocaleLowerCase('vi')}`), {
    message: 'where the report spells it out, the expansion must be the report\'s words just before the bracket',
    path: ['expansion'],
  });

export type AbbreviationInput = z.input<typeof abbreviationSchema>;
export type Abbreviation = z.output<typeof abbreviationSchema>;

/**
 * A word or passage in capitals of the report that is deliberately not an abbreviation to
 * explain (content/abbreviation-exclusions.yaml): a heading set in capitals, a Roman
 * numeral, the symbol of a document's number. The abbreviation test reads the report's
 * every word in capitals, and each must be listed or excluded here, with its reason.
 */
export const abbreviationExclusionSchema = z
  .object({
    /** The word or passage, exactly as the report writes it, e.g. "ĐÁNH GIÁ CHUNG", "QĐ-TTg". */
    text: z.string().trim().min(1),
    /** "token": one word in capitals; "passage": a run of text in capitals, removed before the words are read. */
    kind: z.enum(['token', 'passage']),
    /** Why it is not an abbreviation to explain, for the next editor. */
    reason: z.string().trim().min(10),
  })
  .strict();

export type Exclusion = z.output<typeof abbreviationExclusionSchema>;
