import { z } from 'astro/zod';
import { ID_PATTERN } from './figure';

/** The three groups of the main targets, in the report's order (Phần thứ hai, 2.2). */
export const INDICATOR_GROUPS = ['kinh-te', 'xa-hoi', 'moi-truong'] as const;
export const indicatorGroupSchema = z.enum(INDICATOR_GROUPS);
export type IndicatorGroup = z.infer<typeof indicatorGroupSchema>;

const figureId = z.string().regex(ID_PATTERN, 'a figure id of content/figures/figures.yaml');

/**
 * One measured part of an indicator. Most indicators have one part; "trường học các
 * cấp đạt chuẩn quốc gia" has four (Mầm non, Tiểu học, THCS, THPT) and the hospital
 * indicator two (giường bệnh, bác sĩ). Values are figures of content/figures/figures.yaml,
 * so that each carries its quote and source.
 */
export const indicatorPartSchema = z
  .object({
    /** The part's name as the report gives it ("Mầm non"); absent when the indicator has one part. */
    label: z.string().trim().min(1).optional(),
    /** The unit of the target, as the report gives it, e.g. "%" or "giường/ 01 vạn dân". */
    unit: z.string().trim().min(1),
    /** The target for the year planned for (Part Two; report.yaml gives the year): a figure id. */
    target: figureId,
    /** The result of the year reported on (Part One), where the report states one: a figure id; absent otherwise. */
    result: figureId.optional(),
    /** The plan of the year reported on, where the report states one: a figure id; absent otherwise. */
    plan: figureId.optional(),
  })
  .strict();

/** One of the main targets of the year planned for (content/indicators.yaml). */
export const indicatorSchema = z
  .object({
    /** Stable id, lowercase ASCII words joined by "-". */
    id: z.string().regex(ID_PATTERN, 'lowercase ASCII words joined by "-"'),
    /** Kinh tế, xã hội or môi trường. */
    group: indicatorGroupSchema,
    /** Its number within the group, as the report numbers it: (1), (2), … */
    number: z.number().int().min(1),
    /** The indicator's name, in the report's words without the target (site text). */
    name: z.string().trim().min(3),
    /** Its parts: one, or several when the target has several numbers. */
    parts: z.array(indicatorPartSchema).min(1),
    /** A caution for the reader, e.g. when the 2023 figure is not measured as the target is (site text). */
    note: z.string().trim().min(10).optional(),
    /** Other figures the report states on the subject, shown beside the indicator, never as its result. */
    related: z.array(figureId).default([]),
  })
  .strict()
  .refine((i) => i.parts.length === 1 || i.parts.every((p) => p.label), {
    message: 'each part needs a label when there are several',
    path: ['parts'],
  })
  .refine((i) => i.parts.length > 1 || !i.parts[0]?.label, { message: 'a single part takes no label', path: ['parts', 0, 'label'] });

export type IndicatorPartInput = z.input<typeof indicatorPartSchema>;
export type IndicatorPart = z.output<typeof indicatorPartSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
