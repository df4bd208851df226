import { z } from 'astro/zod';

/** Lowercase ASCII words joined by "-": the form of every figure, chart and indicator id. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const idSchema = z.string().regex(ID_PATTERN, 'lowercase ASCII words joined by "-"');

/** How the report qualifies a number: "trên 9%", "9% trở lên", "khoảng 97%". */
export const COMPARATORS = ['above', 'at-least', 'about'] as const;
export const comparatorSchema = z.enum(COMPARATORS);
export type Comparator = z.infer<typeof comparatorSchema>;

/** Whether the report states the number as a rise ("tăng 4,1%") or a fall ("giảm 6,3%"). */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof directionSchema>;

/** The groups of the key figures, in the order the "Số liệu" page lists them. */
export const FIGURE_TOPICS = [
  'tong-quan',
  'nong-nghiep',
  'cong-nghiep-xay-dung',
  'dich-vu',
  'xuat-nhap-khau',
  'du-lich',
  'ngan-sach',
  'ngan-hang',
  'dau-tu',
  'doanh-nghiep',
  'xa-hoi',
  'chi-tieu-ket-qua',
  'chi-tieu-ke-hoach',
] as const;
export const figureTopicSchema = z.enum(FIGURE_TOPICS);
export type FigureTopic = z.infer<typeof figureTopicSchema>;

/**
 * Where in the report a value is stated: a paragraph of a chapter, named by its
 * permalink id, or a footnote, named by its original number.
 */
export const sourceRefSchema = z.union([
  z
    .object({
      /** The chapter file, without ".mdx", e.g. "02-i-1-linh-vuc-kinh-te". */
      chapter: z.string().regex(/^\d{2}-[a-z0-9-]+$/u, 'a chapter file name without .mdx, e.g. "02-i-1-linh-vuc-kinh-te"'),
      /** The paragraph's permalink id in that chapter, e.g. "p1-i-1-d1". */
      paragraph: z.string().regex(/^(?:p1|p2|ket)(?:-[a-z0-9]+)*$/u, 'a permalink id such as "p1-i-1-4-d1"'),
    })
    .strict(),
  z
    .object({
      /** The footnote's original number (from 1, as the report numbers them). */
      footnote: z.number().int().min(1),
    })
    .strict(),
]);
export type SourceRef = z.infer<typeof sourceRefSchema>;

/**
 * One number the report states, with its provenance: the exact words that state it
 * (`quote`) and where they stand (`source`). The number itself is read from `text`,
 * the words of the quote that give the number and its unit; a test parses `text` and
 * checks it gives `value`, `unit`, `comparator`, `direction` and `outOf`.
 */
export const figureSchema = z
  .object({
    /** Stable id, used by <Figure id="…" />, charts, indicators, the CSV and JSON downloads. */
    id: idSchema,
    /** The group the "Số liệu" page lists it under. */
    topic: figureTopicSchema,
    /** What the number measures, in a few words close to the report's own (site text). */
    label: z.string().trim().min(3),
    /** The number, in `unit`: "184 nghìn 123 tỷ đồng" is 184123 (tỷ đồng). */
    value: z.number().nonnegative(),
    /** The unit as the report gives it, e.g. "tỷ đồng", "%", "triệu USD", "giường bệnh/ 1 vạn dân". */
    unit: z.string().trim().min(1),
    /** "trên", "trở lên" or "khoảng", when the report qualifies the number so. */
    comparator: comparatorSchema.optional(),
    /** "tăng" or "giảm", when the report states the number as a change. */
    direction: directionSchema.optional(),
    /** The whole of a ratio the report writes as "13/15": 15 (and `value` is 13). */
    outOf: z.number().int().positive().optional(),
    /** The words of the quote that state the number and its unit, e.g. "184 nghìn 123 tỷ đồng". */
    text: z.string().trim().min(1),
    /** The exact words of the report that state the number, as they stand at `source`. */
    quote: z.string().trim().min(1),
    /** Where the quote stands. */
    source: sourceRefSchema,
    /** Whether the report gives the number as an estimate ("ước", "dự kiến", "sơ bộ"). */
    estimated: z.boolean().default(false),
    /** Its place among the few figures shown at a glance atop the figures page (1 first); absent for the rest. */
    glance: z.number().int().positive().optional(),
  })
  .strict()
  .refine((f) => f.quote.includes(f.text), { message: 'text must be words of the quote', path: ['text'] })
  .refine((f) => f.outOf === undefined || f.value <= f.outOf, { message: 'value must not exceed outOf', path: ['outOf'] });

export type FigureInput = z.input<typeof figureSchema>;
export type Figure = z.output<typeof figureSchema>;

/**
 * A reference from a chart cell to a figure: its id, or {figure, field: outOf} for the
 * whole of a ratio ("04/06 chỉ tiêu" gives 6).
 */
export const figureRefSchema = z.union([
  idSchema,
  z
    .object({
      /** The figure's id. */
      figure: idSchema,
      /** Which number of the figure: "outOf" is the whole of a ratio. */
      field: z.literal('outOf'),
    })
    .strict(),
]);
export type FigureRef = z.infer<typeof figureRefSchema>;

/** One series of a chart: a column of its table and, when plotted, a set of bars. */
export const chartSeriesSchema = z
  .object({
    /** The column header and legend entry, e.g. "Kim ngạch". */
    label: z.string().trim().min(1),
    /** One figure per category, in order; null where the report states no number. */
    values: z.array(figureRefSchema.nullable()).min(1),
    /** Whether the series is drawn; false keeps it in the table only (e.g. a change beside an amount). */
    plot: z.boolean().default(true),
  })
  .strict();

/** A row of a chart's table below the categories, e.g. a total; one figure or null per series. */
export const chartTotalSchema = z
  .object({
    /** The row header, e.g. "Tổng vốn đăng ký". */
    label: z.string().trim().min(1),
    /** One figure per series, in order; null where there is none. */
    values: z.array(figureRefSchema.nullable()).min(1),
  })
  .strict();

/** Chart kinds: bars of figures, or the 2024 targets beside their 2023 plan and result. */
const chartBase = {
  /** Stable id: the figure's anchor ("bieu-do-<id>"), its CSV (/du-lieu/<id>.csv) and <Chart id="…" />. */
  id: idSchema,
  /** The chart's title: its figcaption and its table's caption (site text). */
  title: z.string().trim().min(3),
  /** Title of the value axis, e.g. "tỷ đồng" or "%" (site text). */
  axis: z.string().trim().min(1),
  /** A dashed reference line across the bars, e.g. 100 for "bằng dự toán". */
  reference: z
    .object({
      /** Where the line stands on the value axis. */
      value: z.number(),
      /** Its legend text, e.g. "Dự toán (100%)". */
      label: z.string().trim().min(1),
    })
    .strict()
    .optional(),
};

export const figureChartSchema = z
  .object({
    ...chartBase,
    /** Bars of figures, categories down the side and series side by side. */
    kind: z.literal('figures'),
    /** Header of the table's first column, e.g. "Ngành". */
    categoryHeader: z.string().trim().min(1),
    /** The categories (table rows, bar groups), in order. */
    categories: z.array(z.string().trim().min(1)).min(1),
    /** The series (table columns), at least one of them plotted. */
    series: z.array(chartSeriesSchema).min(1),
    /** Rows under the categories, such as a total. */
    totals: z.array(chartTotalSchema).default([]),
  })
  .strict()
  .refine((c) => c.series.every((s) => s.values.length === c.categories.length), {
    message: 'every series needs one value (or null) per category',
    path: ['series'],
  })
  .refine((c) => c.totals.every((t) => t.values.length === c.series.length), {
    message: 'every total row needs one value (or null) per series',
    path: ['totals'],
  })
  .refine((c) => c.series.some((s) => s.plot), { message: 'at least one series must be plotted', path: ['series'] });

export const indicatorChartSchema = z
  .object({
    ...chartBase,
    /** The 2024 targets of some indicators, beside the 2023 plan and result where the report gives them. */
    kind: z.literal('indicators'),
    /** The indicators, by id, in order; each of their parts is one category. */
    indicators: z.array(idSchema).min(1),
  })
  .strict();

/** A chart of content/figures/charts.yaml. */
export const chartSchema = z.discriminatedUnion('kind', [figureChartSchema, indicatorChartSchema]);

export type ChartInput = z.input<typeof chartSchema>;
export type ChartSpec = z.output<typeof chartSchema>;
export type FigureChartSpec = z.output<typeof figureChartSchema>;
export type IndicatorChartSpec = z.output<typeof indicatorChartSchema>;
