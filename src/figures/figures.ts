/**
 * The figures, charts and indicators as the pages, the downloads and the tests use them:
 * each figure with its formatted value and a link to the sentence or footnote that
 * states it; each chart resolved into the table it draws. Pure functions: the content
 * comes in as arguments (from src/data/content.ts in Astro, from the files in tests).
 */
import { t } from '../i18n/vi';
import type { ChapterData } from '../schemas/chapter';
import type { ChartSpec, Figure, FigureRef, FigureTopic, SourceRef } from '../schemas/figure';
import type { Indicator, IndicatorGroup } from '../schemas/indicator';
import { chapterNavLabel } from '../core/chapter-labels';
import { formatQuantity, formatValue } from '../core/format';
import { inlinePlainText, mdxBlocks } from '../core/mdx-text';
import { chapterOutline } from '../core/outline';
import { chapterPath } from '../core/slug';
import { footnoteRefs } from '../core/mdx-text';
import type { ReportYears } from '../core/years';

/** Paths of the data files in content/ (the build reads the content folder's through src/data/paths.ts). */
export const FIGURE_FILES = {
  figures: 'content/figures/figures.yaml',
  charts: 'content/figures/charts.yaml',
  indicators: 'content/indicators.yaml',
} as const;

/** Block components a chapter may use for the data, on a line of their own. */
export const FIGURE_COMPONENTS = ['DataChart', 'IndicatorTable'] as const;

/** Which figure stylesheets a chapter needs (<FigureStyles {...figureStylesFor(body)} />): a chart's, the indicator table's. */
export function figureStylesFor(body: string): { charts: boolean; indicators: boolean } {
  const used = new Set(mdxBlocks(body).flatMap((b) => (b.kind === 'component' ? [b.name] : [])));
  return { charts: used.has('DataChart'), indicators: used.has('IndicatorTable') };
}

/**
 * URL paths of the pages and downloads. The targets page and its CSV are named after the
 * year planned for (targetsSlug() of src/core/years.ts, from report.yaml): "chi-tieu-2024".
 */
export const DATA_PATHS = {
  figuresPage: '/so-lieu/',
  targetsPage: (slug: string) => chapterPath(slug),
  json: '/du-lieu/du-lieu.json',
  figuresCsv: '/du-lieu/so-lieu.csv',
  indicatorsCsv: (slug: string) => `/du-lieu/${slug}.csv`,
  chartCsv: (id: string) => `/du-lieu/${id}.csv`,
} as const;

/** Names a chart id may not take, because its CSV would clash with another download. */
export const RESERVED_CSV_NAMES = ['so-lieu', /^chi-tieu-\d{4}$/u];

/** DOM id of a chart's <figure>. */
export const chartAnchor = (id: string) => `bieu-do-${id}`;

/** A chapter as the source links need it. */
export interface ChapterSource {
  /** The chapter file name without ".mdx" (the collection entry's id). */
  id: string;
  data: ChapterData;
  body: string;
}

/** Everything needed to check and link a figure's source. */
export interface SourceIndex {
  /** For each chapter id: its paragraphs' plain text by permalink id (headings included). */
  paragraphs: Map<string, Map<string, string>>;
  chapters: Map<string, ChapterSource>;
  /** For each footnote number: its text. */
  footnotes: Map<number, string>;
  /** For each footnote number: the chapter whose text carries its marker. */
  footnoteChapter: Map<number, string>;
}

/** A chapter's blocks' plain text (what a reader sees) by permalink id, in reading order. */
export function paragraphTexts(data: ChapterData, body: string): Map<string, string> {
  const { ids } = chapterOutline(data, body);
  const blocks = mdxBlocks(body).filter((b) => b.kind !== 'component');
  const texts = new Map<string, string>();
  blocks.forEach((b, i) => texts.set(ids[i + 1], inlinePlainText(b.text)));
  return texts;
}

/** Builds the index from the chapters and the footnotes. */
export function sourceIndex(chapters: ChapterSource[], footnotes: { n: number; text: string }[]): SourceIndex {
  const footnoteChapter = new Map<number, string>();
  for (const c of chapters) {
    for (const ref of footnoteRefs(c.body)) footnoteChapter.set(ref.n, c.id);
  }
  return {
    paragraphs: new Map(chapters.map((c) => [c.id, paragraphTexts(c.data, c.body)])),
    chapters: new Map(chapters.map((c) => [c.id, c])),
    footnotes: new Map(footnotes.map((f) => [f.n, f.text])),
    footnoteChapter,
  };
}

/** Where a source is on the site, and how to name it. */
export interface SourceLink {
  /** URL path with hash: the paragraph, or the footnote in its chapter's list. */
  href: string;
  /** E.g. "I.1. Lĩnh vực kinh tế, mục 1.4, đoạn 1" or "Chú thích 33". */
  label: string;
}

/** The link to a figure's source; throws, naming it, when the source does not exist. */
export function sourceLink(source: SourceRef, index: SourceIndex): SourceLink {
  if ('footnote' in source) {
    const chapter = index.chapters.get(index.footnoteChapter.get(source.footnote) ?? '');
    if (!chapter) throw new Error(`footnote ${source.footnote} is in no chapter`);
    return { href: chapterPath(chapter.data.slug, `fn-${source.footnote}`), label: t('source.footnote', { n: source.footnote }) };
  }
  const chapter = index.chapters.get(source.chapter);
  if (!chapter) throw new Error(`there is no chapter ${source.chapter}`);
  if (!index.paragraphs.get(source.chapter)?.has(source.paragraph)) {
    throw new Error(`chapter ${source.chapter} has no paragraph ${source.paragraph}`);
  }
  const outline = chapterOutline(chapter.data, chapter.body);
  const d = /^(.*)-d(\d+)$/u.exec(source.paragraph);
  const anchor = d ? d[1] : source.paragraph;
  const item = outline.items.find((i) => i.id === anchor);
  let label = chapterNavLabel(chapter.data);
  if (item?.label) label = t('source.item', { chapter: label, item: item.label.replace(/\.$/u, '') });
  if (d && (item || anchor === outline.rootId)) label = t('source.paragraph', { place: label, n: d[2] });
  return { href: chapterPath(chapter.data.slug, source.paragraph), label };
}

/** A figure as pages and downloads show it. */
export interface FigureView extends Figure {
  /** The value for a reader, vi-VN: "184.123 tỷ đồng", "tăng 4,1%". */
  display: string;
  /** Its source on the site. */
  link: SourceLink;
}

/** Every figure with its display and link, by id. */
export function figureViews(figures: Figure[], index: SourceIndex): Map<string, FigureView> {
  return new Map(figures.map((f) => [f.id, { ...f, display: formatValue(f), link: sourceLink(f.source, index) }]));
}

/** One cell of a chart's table. */
export interface Cell {
  figure: FigureView;
  /** Which number of the figure: its value, or the whole of its ratio. */
  field: 'value' | 'outOf';
  /** The number drawn and listed. */
  value: number;
  /** The number as the table shows it. */
  display: string;
}

/** Resolves a chart cell's reference; throws naming an unknown figure. */
export function resolveRef(ref: FigureRef | null, figures: Map<string, FigureView>): Cell | null {
  if (ref === null) return null;
  const id = typeof ref === 'string' ? ref : ref.figure;
  const figure = figures.get(id);
  if (!figure) throw new Error(`unknown figure "${id}"`);
  if (typeof ref === 'string') return { figure, field: 'value', value: figure.value, display: figure.display };
  if (figure.outOf === undefined) throw new Error(`figure "${id}" has no outOf`);
  return { figure, field: 'outOf', value: figure.outOf, display: formatQuantity(figure.outOf, figure.unit) };
}

/** A chart resolved into its table. */
export interface ChartTable {
  id: string;
  title: string;
  axis: string;
  categoryHeader: string;
  /** The columns after the category: each series, whether it is drawn, and its style (see chart-config.ts). */
  columns: { label: string; plot: boolean; style: number }[];
  rows: { label: string; cells: (Cell | null)[] }[];
  totals: { label: string; cells: (Cell | null)[] }[];
  reference?: { value: number; label: string };
  /** The distinct sources of its figures, in order of first use. */
  sources: SourceLink[];
}

/** The columns of an indicator chart or table: the plan and result of the year reported on, the target of the year planned for. */
export const INDICATOR_COLUMNS = ['plan', 'result', 'target'] as const;

/** The style of each indicator column, the same in every chart: the result solid, the target hatched. */
export const INDICATOR_STYLES = { result: 0, target: 1, plan: 2 } as const;

/** The label of an indicator column, with the report's years (report.yaml): "Kế hoạch năm 2024". */
export function indicatorColumnLabel(column: (typeof INDICATOR_COLUMNS)[number], years: ReportYears): string {
  return t(`indicators.col.${column}`, { ...years });
}

/** Resolves a chart into its table. */
export function chartTable(spec: ChartSpec, figures: Map<string, FigureView>, indicators: Map<string, Indicator>, years: ReportYears): ChartTable {
  let columns: ChartTable['columns'];
  let rows: ChartTable['rows'];
  let totals: ChartTable['totals'] = [];
  let categoryHeader: string;
  if (spec.kind === 'figures') {
    categoryHeader = spec.categoryHeader;
    columns = spec.series.map((s, j) => ({ label: s.label, plot: s.plot, style: j }));
    rows = spec.categories.map((label, i) => ({ label, cells: spec.series.map((s) => resolveRef(s.values[i], figures)) }));
    totals = spec.totals.map((tot) => ({ label: tot.label, cells: tot.values.map((v) => resolveRef(v, figures)) }));
  } else {
    categoryHeader = t('indicators.col.indicator');
    const parts = spec.indicators.flatMap((id) => {
      const indicator = indicators.get(id);
      if (!indicator) throw new Error(`unknown indicator "${id}"`);
      return indicator.parts.map((p) => ({ label: p.label ?? indicator.name, part: p }));
    });
    const used = INDICATOR_COLUMNS.filter((c) => parts.some(({ part }) => part[c]));
    columns = used.map((c) => ({ label: indicatorColumnLabel(c, years), plot: true, style: INDICATOR_STYLES[c] }));
    rows = parts.map(({ label, part }) => ({ label, cells: used.map((c) => resolveRef(part[c] ?? null, figures)) }));
  }
  const sources: SourceLink[] = [];
  for (const cell of [...rows, ...totals].flatMap((r) => r.cells)) {
    if (cell && !sources.some((s) => s.href === cell.figure.link.href)) sources.push(cell.figure.link);
  }
  return { id: spec.id, title: spec.title, axis: spec.axis, categoryHeader, columns, rows, totals, reference: spec.reference, sources };
}

/** What the chart script needs to draw a chart: the plotted series only, numbers and labels. */
export interface ChartPayload {
  id: string;
  title: string;
  axis: string;
  categories: string[];
  /** The drawn series: label, style, numbers and their labels as the table shows them (null: not stated). */
  series: { label: string; style: number; values: (number | null)[]; labels: (string | null)[] }[];
  reference?: { value: number; label: string };
  /** What a bar label says where the report states no number ("không nêu"). */
  notStated: string;
}

/** The chart script's data for a chart table. */
export function chartPayload(table: ChartTable): ChartPayload {
  const series = table.columns.flatMap((col, j) =>
    col.plot
      ? [
          {
            label: col.label,
            style: col.style,
            values: table.rows.map((r) => r.cells[j]?.value ?? null),
            labels: table.rows.map((r) => r.cells[j]?.display ?? null),
          },
        ]
      : [],
  );
  return {
    id: table.id,
    title: table.title,
    axis: table.axis,
    categories: table.rows.map((r) => r.label),
    series,
    ...(table.reference ? { reference: table.reference } : {}),
    notStated: t('chart.notStated'),
  };
}

/** An indicator with its figures resolved. */
export interface IndicatorView {
  indicator: Indicator;
  parts: {
    label?: string;
    unit: string;
    target: FigureView;
    result?: FigureView;
    plan?: FigureView;
  }[];
  related: FigureView[];
}

/** Resolves an indicator's figure ids; throws naming an unknown one. */
export function indicatorView(indicator: Indicator, figures: Map<string, FigureView>): IndicatorView {
  const get = (id: string) => {
    const f = figures.get(id);
    if (!f) throw new Error(`indicator "${indicator.id}": unknown figure "${id}"`);
    return f;
  };
  const opt = (id?: string) => (id ? get(id) : undefined);
  return {
    indicator,
    parts: indicator.parts.map((p) => ({
      label: p.label,
      unit: p.unit,
      target: get(p.target),
      result: opt(p.result),
      plan: opt(p.plan),
    })),
    related: indicator.related.map(get),
  };
}

/** The indicator groups' headings. */
export function groupLabel(group: IndicatorGroup): string {
  return t(`indicators.group.${group}`);
}

/** A figure topic's heading. */
export function topicLabel(topic: FigureTopic, years: ReportYears): string {
  return t(`figures.topic.${topic}`, { ...years });
}

/** Where a chart stands in the report: the chapter whose MDX places it. */
export interface ChartPlacement {
  chapterId: string;
  /** The chapter page with the chart's anchor. */
  href: string;
  /** The chapter's navigation label, e.g. "I.1. Lĩnh vực kinh tế". */
  chapter: string;
}

/** A chart ready to render: its table, its drawing data, and where it stands in the report. */
export interface ChartView extends ChartTable {
  payload: ChartPayload;
  placement?: ChartPlacement;
}

/** Everything the pages, components and downloads use. */
export interface FigureData {
  /** Every figure by id, in the order the report states them. */
  figures: Map<string, FigureView>;
  /** The charts, in the order they stand in the report. */
  charts: ChartView[];
  /** The indicators, by group then number. */
  indicators: IndicatorView[];
  /** The report's years (report.yaml), for the labels that name them. */
  years: ReportYears;
}

/**
 * Where a figure stands in the report, as a sort key: its chapter, its paragraph (for a
 * footnote, the paragraph with the marker, the footnote coming after it), and its place
 * in that text. The collections do not keep the files' order, so lists use this one.
 */
export function readingKey(figure: Figure, index: SourceIndex): number[] {
  const s = figure.source;
  const chapterId = 'footnote' in s ? index.footnoteChapter.get(s.footnote) : s.chapter;
  const chapter = chapterId ? index.chapters.get(chapterId) : undefined;
  if (!chapter) return [Infinity];
  const text = 'footnote' in s ? (index.footnotes.get(s.footnote) ?? '') : (index.paragraphs.get(chapter.id)?.get(s.paragraph) ?? '');
  const at = Math.max(0, text.indexOf(figure.quote)) + Math.max(0, figure.quote.indexOf(figure.text));
  if ('footnote' in s) {
    const blocks = mdxBlocks(chapter.body).filter((b) => b.kind !== 'component');
    const marker = new RegExp(`<Fn\\s+n=\\{\\s*${s.footnote}\\s*\\}`, 'u');
    const k = blocks.findIndex((b) => marker.test(b.text));
    return [chapter.data.order, k, 1, s.footnote, at];
  }
  const k = [...(index.paragraphs.get(chapter.id)?.keys() ?? [])].indexOf(s.paragraph);
  return [chapter.data.order, k, 0, 0, at];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/** The figures in the order the report states them. */
export function inReadingOrder(figures: Figure[], index: SourceIndex): Figure[] {
  const keyed = figures.map((f) => ({ f, key: readingKey(f, index) }));
  return keyed.sort((a, b) => compareKeys(a.key, b.key) || a.f.id.localeCompare(b.f.id)).map((k) => k.f);
}

/** Resolves the whole data set. */
export function figureData(figures: Figure[], charts: ChartSpec[], indicators: Indicator[], index: SourceIndex, years: ReportYears): FigureData {
  const views = figureViews(inReadingOrder(figures, index), index);
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const placements = new Map<string, ChartPlacement & { at: number }>();
  const ordered = [...index.chapters.values()].sort((a, b) => a.data.order - b.data.order);
  ordered.forEach((c, ci) => {
    mdxBlocks(c.body).forEach((b, bi) => {
      if (b.kind === 'component' && b.name === 'DataChart' && b.props?.id) {
        placements.set(b.props.id, { chapterId: c.id, href: chapterPath(c.data.slug, chartAnchor(b.props.id)), chapter: chapterNavLabel(c.data), at: ci * 10_000 + bi });
      }
    });
  });
  const chartViews = charts
    .map((spec) => {
      const table = chartTable(spec, views, byIndicator, years);
      const placed = placements.get(spec.id);
      return { ...table, payload: chartPayload(table), placement: placed && { chapterId: placed.chapterId, href: placed.href, chapter: placed.chapter }, at: placed?.at ?? Infinity };
    })
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...chart }) => chart);
  const groupOrder = (g: IndicatorGroup) => ['kinh-te', 'xa-hoi', 'moi-truong'].indexOf(g);
  const indicatorViews = [...indicators]
    .sort((a, b) => groupOrder(a.group) - groupOrder(b.group) || a.number - b.number)
    .map((i) => indicatorView(i, views));
  return { figures: views, charts: chartViews, indicators: indicatorViews, years };
}
