import { z } from 'astro/zod';
import { partIdSchema } from './chapter';

const nameSchema = z
  .object({
    /** Full name, e.g. "Ủy ban nhân dân tỉnh Hải Dương". */
    name: z.string().min(1),
    /** Abbreviated name as the report writes it, e.g. "UBND tỉnh". */
    short: z.string().min(1),
  })
  .strict();

/**
 * Metadata of the report (content/report.yaml): only what the source states.
 * The source gives no document number and no date, so the schema has no field for
 * either, and `strict()` rejects one that is added.
 */
export const reportSchema = z
  .object({
    /** The extracted text the content was drafted from, relative to the content folder (e.g. "source/000_….txt"). */
    source: z
      .string()
      .regex(/^source\/[^/]+\.txt$/u, 'a text file in the content folder\'s source/ folder, e.g. "source/report.txt"')
      .optional(),
    /** Descriptive title of the whole report, composed of the two parts' titles. */
    title: z.string().min(1),
    /** Short title for running headers and the browser tab. */
    shortTitle: z.string().min(1),
    /** The body that issues the report. */
    issuer: nameSchema,
    /** The body the report is addressed to. */
    addressee: nameSchema,
    /** The council session the report is prepared for. */
    session: z
      .object({
        /** Session number within the term (kỳ họp thứ …). */
        number: z.number().int().positive(),
        /** The council's term, as a Roman numeral (khoá …). */
        term: z.string().regex(/^[IVXLC]+$/),
        /** The session as the report words it. */
        text: z.string().min(1),
      })
      .strict(),
    /** The report's two parts, in order. */
    parts: z
      .array(
        z
          .object({
            /** Part id, as chapters' `part` field names it. */
            id: partIdSchema,
            /** The part's label as printed, e.g. "PHẦN THỨ NHẤT". */
            label: z.string().min(1),
            /** The part's title as printed. */
            title: z.string().min(1),
          })
          .strict(),
      )
      .length(2),
    /**
     * An appendix that the report refers to but the source does not hold ("Phụ lục số 01"):
     * the site says that it is absent and never makes up its content. Left out when the
     * report's appendices are all in the source.
     */
    absentAppendix: z
      .object({
        /** Its name as the report gives it, written to start a sentence ("Phụ lục số 01"). */
        name: z.string().min(1),
        /** What it holds, as a noun phrase in the report's terms ("các chỉ tiêu"). */
        about: z.string().min(1),
        /** The report's words that refer to it, verbatim: they must stand in a chapter ("chi tiết tại phụ lục số 01 kèm theo"). */
        quote: z.string().min(1),
      })
      .strict()
      .optional(),
    /** The "Nơi nhận" block: who receives a copy. */
    recipients: z
      .object({
        /** The block's label as printed ("Nơi nhận:"). */
        label: z.string().min(1),
        /** Each recipient line, word for word, without the leading "- ". */
        items: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    /** The signature block, line by line as printed. */
    signature: z
      .object({
        /** "TM." line: on behalf of which body the report is signed. */
        onBehalfOf: z.string().min(1),
        /** "KT." line: the authority signed for. */
        authority: z.string().min(1),
        /** The signer's own title. */
        title: z.string().min(1),
        /** The signer's name. */
        name: z.string().min(1),
      })
      .strict(),
  })
  .strict();

export type ReportInput = z.input<typeof reportSchema>;
export type Report = z.output<typeof reportSchema>;
