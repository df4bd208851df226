/**
 * Builds the Chart.js configuration of a chart from its payload (src/figures/figures.ts):
 * horizontal bars, vi-VN numbers on the axis and in the tooltips, each series told
 * apart by colour and by fill pattern, every bar labelled with its value as the table
 * shows it, no animation when the reader prefers reduced motion. Pure: the browser
 * passes in how to make a fill pattern; the unit tests pass a stub.
 */
import type { Chart, ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import type { ChartPayload } from './figures';
import { formatTick } from '../core/format';

/** A series' look: a colour with at least 3:1 contrast on white, and a fill pattern. */
export interface SeriesStyle {
  color: string;
  pattern: 'solid' | 'diagonal' | 'dots';
}

/**
 * The series styles, by style index. Colours: 9.6:1, 9.3:1 and 6.5:1 against white;
 * patterns tell them apart without colour.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: '#1a4480', pattern: 'solid' },
  { color: '#8b1a1a', pattern: 'diagonal' },
  { color: '#1d6b47', pattern: 'dots' },
];

/** Text and grid colours: the site's text colour (17:1 on white) and a light rule. */
export const TEXT_COLOR = '#1b1b1b';
export const MUTED_COLOR = '#4a4f57';
export const GRID_COLOR = '#d6d3cc';
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** What the builder needs from its surroundings. */
export interface ChartEnv {
  /** Whether the reader prefers reduced motion: then nothing is animated. */
  reducedMotion: boolean;
  /** Makes the fill of a series style: a CanvasPattern in the browser. */
  fill: (style: SeriesStyle) => string | CanvasPattern;
  /** Called once the chart is fully drawn (after its animation, if any). */
  onDrawn?: () => void;
  /** Font size of labels and ticks, in CSS pixels. */
  fontSize?: number;
  /** Whether the chart is narrow (a phone): category labels then wrap shorter. */
  narrow?: boolean;
  /** The font family of labels and ticks: the site's own face, loaded where the chart is drawn; FONT_FAMILY if unset. */
  fontFamily?: string;
}

/** Characters per line of a category label, on a wide and on a narrow chart. */
export const LABEL_CHARS = { wide: 22, narrow: 13 } as const;

/** The narrow layout applies below this viewport width (the same as the CSS of DataChart.astro). */
export const NARROW_QUERY = '(max-width: 40rem)';

/** The style of a style index (cycling when there are more series than styles). */
export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length];
}

/** Splits a category label into lines of at most about `max` characters, at spaces. */
export function wrapLabel(text: string, max = 22): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

/** The height, in CSS pixels, a chart needs for its bars, labels, legend and axis. */
export function chartHeight(payload: ChartPayload, narrow = false): number {
  const series = payload.series.length;
  const chars = narrow ? LABEL_CHARS.narrow : LABEL_CHARS.wide;
  const perRow = Math.max(series * 24 + 16, Math.max(...payload.categories.map((c) => wrapLabel(c, chars).length)) * 16 + 12);
  const legend = series > 1 || payload.reference ? 36 : 0;
  return payload.categories.length * perRow + legend + 56;
}

/** Options of the two plugins below, as the configuration carries them. */
interface LabelOptions {
  /** For each series, the label of each bar; null where the report states no number. */
  labels: (string | null)[][];
  notStated: string;
  font: string;
}

/**
 * Writes each bar's value at its end, as the table shows it ("tăng 4,1%"), and
 * "không nêu" where the report states no number; makes room for the labels on the right.
 */
export const directLabels: Plugin<'bar', LabelOptions> = {
  id: 'directLabels',
  beforeLayout(chart, _args, opts) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = opts.font;
    const widest = Math.max(0, ...opts.labels.flat().map((l) => ctx.measureText(l ?? opts.notStated).width));
    ctx.restore();
    const layout = (chart.options.layout ??= {});
    layout.padding = { top: 4, bottom: 0, left: 0, right: Math.ceil(widest) + 10 };
  },
  afterDatasetsDraw(chart, _args, opts) {
    const ctx = chart.ctx;
    const x0 = chart.scales.x.getPixelForValue(0);
    ctx.save();
    ctx.font = opts.font;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    chart.data.datasets.forEach((_ds, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        if (!Number.isFinite(y)) return;
        const label = opts.labels[i]?.[j];
        const at = (label == null || !Number.isFinite(x) ? x0 : x) + 6;
        // A white halo keeps the label readable where it crosses a grid or reference line.
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 4;
        ctx.lineJoin = 'round';
        ctx.strokeText(label ?? opts.notStated, at, y);
        ctx.fillStyle = label == null ? MUTED_COLOR : TEXT_COLOR;
        ctx.fillText(label ?? opts.notStated, at, y);
      });
    });
    ctx.restore();
  },
};

interface ReferenceOptions {
  /** Where the line stands on the value axis; null for none. */
  value: number | null;
}

/** Draws a dashed line across the bars at a reference value (e.g. 100% of the estimate); the legend names it. */
export const referenceLine: Plugin<'bar', ReferenceOptions> = {
  id: 'referenceLine',
  afterDatasetsDraw(chart, _args, opts) {
    if (opts.value === null || opts.value === undefined) return;
    const { top, bottom } = chart.chartArea;
    const x = chart.scales.x.getPixelForValue(opts.value);
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = TEXT_COLOR;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.restore();
  },
};

/** Calls `onDrawn` after the first complete render when nothing is animated. */
function drawnSignal(env: ChartEnv): Plugin<'bar'> {
  return {
    id: 'drawnSignal',
    afterRender() {
      if (env.reducedMotion) env.onDrawn?.();
    },
  };
}

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string[]>;

/** The Chart.js configuration of a chart. */
export function buildChartConfig(payload: ChartPayload, env: ChartEnv): BarConfig {
  const size = env.fontSize ?? 13;
  const family = env.fontFamily ?? FONT_FAMILY;
  const font = { family, size };
  const cssFont = `${size}px ${family}`;
  const showLegend = payload.series.length > 1 || !!payload.reference;
  const labels = payload.series.map((s) => s.labels);
  const max = Math.max(0, ...payload.series.flatMap((s) => s.values.filter((v): v is number => v !== null)), payload.reference?.value ?? 0);

  const datasets: BarConfig['data']['datasets'] = payload.series.map((s) => {
    const style = seriesStyle(s.style);
    return {
      label: s.label,
      data: s.values,
      backgroundColor: env.fill(style),
      borderColor: style.color,
      borderWidth: 2,
      borderSkipped: false,
      barPercentage: 0.9,
      categoryPercentage: 0.8,
      maxBarThickness: 28,
    };
  });
  const plugins: Plugin<'bar'>[] = [referenceLine as Plugin<'bar'>, directLabels as Plugin<'bar'>, drawnSignal(env)];

  return {
    type: 'bar',
    data: { labels: payload.categories.map((c) => wrapLabel(c, env.narrow ? LABEL_CHARS.narrow : LABEL_CHARS.wide)), datasets },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: env.reducedMotion ? false : { duration: 500, onComplete: () => env.onDrawn?.() },
      color: TEXT_COLOR,
      font,
      scales: {
        x: {
          beginAtZero: true,
          suggestedMax: max,
          border: { color: TEXT_COLOR },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, font, callback: (value) => formatTick(value) },
          title: { display: true, text: payload.axis, color: TEXT_COLOR, font },
        },
        y: {
          border: { color: TEXT_COLOR },
          grid: { display: false },
          ticks: { color: TEXT_COLOR, font, autoSkip: false },
        },
      },
      plugins: {
        legend: {
          display: showLegend,
          position: 'top',
          align: 'start',
          labels: {
            color: TEXT_COLOR,
            font,
            boxWidth: 22,
            boxHeight: 14,
            ...(payload.reference
              ? {
                  generateLabels: (chart: Chart) => {
                    const items = (chart.constructor as typeof Chart).defaults.plugins.legend.labels.generateLabels(chart);
                    return [
                      ...items,
                      {
                        text: payload.reference!.label,
                        fillStyle: 'rgba(0,0,0,0)',
                        strokeStyle: TEXT_COLOR,
                        lineWidth: 2,
                        lineDash: [6, 4],
                        fontColor: TEXT_COLOR,
                        hidden: false,
                      },
                    ];
                  },
                }
              : {}),
          },
        },
        tooltip: {
          titleFont: font,
          bodyFont: font,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => (items[0] ? payload.categories[items[0].dataIndex] : ''),
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${labels[item.datasetIndex]?.[item.dataIndex] ?? payload.notStated}`,
          },
        },
        directLabels: { labels, notStated: payload.notStated, font: cssFont },
        referenceLine: { value: payload.reference?.value ?? null },
      } as NonNullable<BarConfig['options']>['plugins'],
    },
    plugins,
  };
}
