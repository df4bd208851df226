import { z } from 'astro/zod';
import { figureRefSchema, ID_PATTERN } from './figure';

/**
 * One number of a relation: a figure of content/figures/figures.yaml (by id), the
 * whole of a figure's ratio ({ figure, field: outOf }: "13/15 chỉ tiêu" gives 15), or
 * a constant that the relation itself states ({ constant: 100 } for "sums to 100%").
 */
export const termSchema = z.union([
  figureRefSchema,
  z
    .object({
      /** The number, in the relation's unit. */
      constant: z.number(),
      /** Why it is part of the relation, for the reader, e.g. "toàn bộ nền kinh tế" (site text). */
      label: z.string().trim().min(3),
    })
    .strict(),
]);
export type Term = z.infer<typeof termSchema>;

/**
 * How the report presents a breakdown:
 * - "whole": the parts make up the total (a structure in %, "gồm", the same count by
 *   another split): they should add up;
 * - "some": "trong đó" — the parts are some of the total, not necessarily all of it;
 * - "implied": the report does not write the relation, but its words imply it (e.g.
 *   "cây hằng năm khác" beside rice and vegetables).
 */
export const BREAKDOWNS = ['whole', 'some', 'implied'] as const;
export const breakdownSchema = z.enum(BREAKDOWNS);
export type Breakdown = z.infer<typeof breakdownSchema>;

/** How two numbers compare: greater than, at least, equal (within the tolerance). */
export const COMPARISONS = ['gt', 'ge', 'eq'] as const;
export const comparisonSchema = z.enum(COMPARISONS);
export type Comparison = z.infer<typeof comparisonSchema>;

const base = {
  /** Stable id: the relation's anchor on /doi-chieu-so-lieu/. Lowercase ASCII words joined by "-". */
  id: z.string().regex(ID_PATTERN, 'lowercase ASCII words joined by "-"'),
  /** What is checked, in a few words (site text), e.g. "Vốn FDI năm 2023: cấp mới, tăng thêm và góp vốn". */
  title: z.string().trim().min(5),
  /**
   * The unit the numbers are compared in, as the report writes units: "tỷ đồng", "%",
   * "dự án". A figure in a scaled unit ("1,8 triệu lượt khách") is converted into it.
   */
  unit: z.string().trim().min(1),
  /**
   * The units (without a scale word) that count as this unit, when the report names the
   * same thing differently, e.g. ["cụm công nghiệp", "CNN"]. Default: the unit alone.
   */
  units: z.array(z.string().trim().min(1)).min(1).optional(),
  /**
   * How far apart, in `unit`, the two sides may be and still agree: half of the last
   * digit the report rounds to (0,05 for numbers given to one decimal). 0 by default.
   */
  tolerance: z.number().nonnegative().default(0),
  /** Where the relation comes from in the report's words, or why it is checked (site text). */
  note: z.string().trim().min(10).optional(),
};

/** The parts the report gives add up to the total it gives: total = part + part + … */
export const sumCheckSchema = z
  .object({
    ...base,
    kind: z.literal('sum'),
    /** The total. */
    total: termSchema,
    /** The parts, in the report's order. One part checks that a number stated twice is the same. */
    parts: z.array(termSchema).min(1),
    /** How the report presents the parts: all of the total, some of it ("trong đó"), or by implication. */
    breakdown: breakdownSchema,
  })
  .strict();

/** One number stands in a relation to another: a result above its plan, a part within its whole. */
export const compareCheckSchema = z
  .object({
    ...base,
    kind: z.literal('compare'),
    /** The number on the left. */
    left: termSchema,
    /** How the left compares with the right: "gt" greater, "ge" at least, "eq" equal. */
    op: comparisonSchema,
    /** The number on the right. */
    right: termSchema,
  })
  .strict();

/** A percentage the report states is the ratio of two numbers it states: stated ≈ numerator ÷ denominator × 100. */
export const ratioCheckSchema = z
  .object({
    ...base,
    kind: z.literal('ratio'),
    /** The number divided. */
    numerator: termSchema,
    /** The number it is divided by, in the same unit as the numerator. */
    denominator: termSchema,
    /** The percentage the report states; `unit` is "%" and `tolerance` applies to it. */
    stated: termSchema,
    /** The unit of the numerator and the denominator, e.g. "tỷ đồng". */
    ratioOf: z.string().trim().min(1),
  })
  .strict()
  .refine((c) => c.unit === '%', { message: 'a ratio is compared in "%"', path: ['unit'] });

/** One arithmetic relation between the report's own figures (content/crosschecks.yaml). */
export const crosscheckSchema = z.discriminatedUnion('kind', [sumCheckSchema, compareCheckSchema, ratioCheckSchema]);

export type CrosscheckInput = z.input<typeof crosscheckSchema>;
export type Crosscheck = z.output<typeof crosscheckSchema>;
export type SumCheck = z.output<typeof sumCheckSchema>;
export type CompareCheck = z.output<typeof compareCheckSchema>;
export type RatioCheck = z.output<typeof ratioCheckSchema>;
