import type { Chart, TooltipItem } from 'chart.js';
import { describe, expect, it, vi as spy } from 'vitest';
import { buildChartConfig, chartHeight, directLabels, GRID_COLOR, LABEL_CHARS, seriesStyle, SERIES_STYLES, TEXT_COLOR, wrapLabel, type SeriesStyle } from '../../src/figures/chart-config';
import type { ChartPayload } from '../../src/figures/figures';

const PAYLOAD: ChartPayload = {
  id: 'xuat-nhap-khau-2023',
  title: 'Kim ngạch xuất khẩu và nhập khẩu năm 2023',
  axis: 'triệu USD',
  categories: ['Xuất khẩu', 'Nhập khẩu'],
  series: [{ label: 'Tổng kim ngạch', style: 0, values: [9801, 7837], labels: ['9.801 triệu USD', '7.837 triệu USD'] }],
  notStated: 'không nêu',
};

const TWO: ChartPayload = {
  id: 'chi-tieu',
  title: 'Chỉ tiêu',
  axis: '%',
  categories: ['Tỷ lệ vốn đầu tư phát triển trên địa bàn so với GRDP', 'Tỷ lệ đô thị hóa'],
  series: [
    { label: 'Kế hoạch năm 2023', style: 2, values: [33, null], labels: ['33%', null] },
    { label: 'Thực hiện năm 2023', style: 0, values: [33.1, 40.7], labels: ['33,1%', '40,7%'] },
  ],
  notStated: 'không nêu',
};

/** A stand-in for the pattern maker: names the style, so that tests see which fill each series got. */
const fill = (s: SeriesStyle) => `${s.pattern}:${s.color}`;

/** Relative luminance and contrast ratio (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('buildChartConfig', () => {
  it('makes a horizontal bar chart of the payload, sized by its container', () => {
    const config = buildChartConfig(PAYLOAD, { reducedMotion: false, fill });
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.maintainAspectRatio).toBe(false);
    expect(config.data.labels).toEqual([['Xuất khẩu'], ['Nhập khẩu']]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([['Tổng kim ngạch', [9801, 7837]]]);
  });

  it('gives each series the fill and border of its style, so that series differ by pattern as well as colour', () => {
    const config = buildChartConfig(TWO, { reducedMotion: false, fill });
    expect(config.data.datasets.map((d) => [d.backgroundColor, d.borderColor, d.borderWidth])).toEqual([
      ['dots:#1d6b47', '#1d6b47', 2],
      ['solid:#1a4480', '#1a4480', 2],
    ]);
  });

  it('keeps null where the report states no number, so that no bar is drawn there', () => {
    expect(buildChartConfig(TWO, { reducedMotion: true, fill }).data.datasets[0].data).toEqual([33, null]);
  });

  it('does not animate when the reader prefers reduced motion, and reports the chart drawn after its first render', () => {
    const onDrawn = spy.fn();
    const config = buildChartConfig(PAYLOAD, { reducedMotion: true, fill, onDrawn });
    expect(config.options?.animation).toBe(false);
    const signal = config.plugins?.find((p) => p.id === 'drawnSignal');
    signal?.afterRender?.({} as Chart<'bar'>, {} as never, {} as never);
    expect(onDrawn).toHaveBeenCalledTimes(1);
  });

  it('animates otherwise, and reports the chart drawn when the animation completes', () => {
    const onDrawn = spy.fn();
    const config = buildChartConfig(PAYLOAD, { reducedMotion: false, fill, onDrawn });
    const animation = config.options?.animation as { duration: number; onComplete: () => void };
    expect(animation.duration).toBeGreaterThan(0);
    config.plugins?.find((p) => p.id === 'drawnSignal')?.afterRender?.({} as Chart<'bar'>, {} as never, {} as never);
    expect(onDrawn).not.toHaveBeenCalled();
    animation.onComplete();
    expect(onDrawn).toHaveBeenCalledTimes(1);
  });

  it('writes the value axis\' ticks vi-VN style and titles it with the unit', () => {
    const x = buildChartConfig(PAYLOAD, { reducedMotion: true, fill }).options?.scales?.x as {
      ticks: { callback: (v: number | string) => string };
      title: { text: string };
      beginAtZero: boolean;
    };
    expect(x.ticks.callback(10000)).toBe('10.000');
    expect(x.ticks.callback(2.5)).toBe('2,5');
    expect(x.title.text).toBe('triệu USD');
    expect(x.beginAtZero).toBe(true);
  });

  it('shows in tooltips the series and the value as the table shows it, "không nêu" where there is none', () => {
    const callbacks = buildChartConfig(TWO, { reducedMotion: true, fill }).options?.plugins?.tooltip?.callbacks as {
      title: (items: TooltipItem<'bar'>[]) => string;
      label: (item: TooltipItem<'bar'>) => string;
    };
    const item = (datasetIndex: number, dataIndex: number) => ({ datasetIndex, dataIndex, dataset: { label: TWO.series[datasetIndex].label } }) as unknown as TooltipItem<'bar'>;
    expect(callbacks.title([item(1, 0)])).toBe('Tỷ lệ vốn đầu tư phát triển trên địa bàn so với GRDP');
    expect(callbacks.label(item(1, 0))).toBe('Thực hiện năm 2023: 33,1%');
    expect(callbacks.label(item(0, 1))).toBe('Kế hoạch năm 2023: không nêu');
  });

  it('shows a legend for several series or a reference line, and none for a single series', () => {
    expect(buildChartConfig(PAYLOAD, { reducedMotion: true, fill }).options?.plugins?.legend?.display).toBe(false);
    expect(buildChartConfig(TWO, { reducedMotion: true, fill }).options?.plugins?.legend?.display).toBe(true);
    const withLine = buildChartConfig({ ...PAYLOAD, reference: { value: 100, label: 'Dự toán (100%)' } }, { reducedMotion: true, fill });
    expect(withLine.options?.plugins?.legend?.display).toBe(true);
    expect((withLine.options?.plugins as Record<string, unknown>).referenceLine).toEqual({ value: 100 });
    expect((withLine.options?.scales?.x as { suggestedMax: number }).suggestedMax).toBe(9801);
  });

  it('passes the bar labels, as the table shows them, to the direct-label plugin', () => {
    const options = buildChartConfig(TWO, { reducedMotion: true, fill }).options?.plugins as Record<string, { labels: unknown; notStated: string }>;
    expect(options.directLabels.labels).toEqual([
      ['33%', null],
      ['33,1%', '40,7%'],
    ]);
    expect(options.directLabels.notStated).toBe('không nêu');
  });

  it('wraps category labels shorter on a narrow chart', () => {
    const wide = buildChartConfig(TWO, { reducedMotion: true, fill }).data.labels as string[][];
    const narrow = buildChartConfig(TWO, { reducedMotion: true, fill, narrow: true }).data.labels as string[][];
    expect(narrow[0].length).toBeGreaterThan(wide[0].length);
    for (const line of narrow[0]) expect(line.length).toBeLessThanOrEqual(LABEL_CHARS.narrow);
  });
});

describe('directLabels', () => {
  it('makes room on the right for the widest label, "không nêu" included', () => {
    const chart = {
      ctx: { save() {}, restore() {}, font: '', measureText: (s: string) => ({ width: s.length * 7 }) },
      options: {} as { layout?: { padding?: unknown } },
    };
    directLabels.beforeLayout?.(chart as unknown as Chart<'bar'>, {} as never, { labels: [['33%', null], ['40,7%']], notStated: 'không nêu', font: '13px sans-serif' });
    expect(chart.options.layout?.padding).toEqual({ top: 4, bottom: 0, left: 0, right: 'không nêu'.length * 7 + 10 });
  });
});

describe('the series styles', () => {
  it('have colours with at least 3:1 contrast against the white of the chart, as WCAG 1.4.11 asks of graphics', () => {
    for (const s of SERIES_STYLES) expect(contrast(s.color, '#ffffff'), s.color).toBeGreaterThanOrEqual(3);
  });

  it('write text with at least 4.5:1 contrast', () => {
    expect(contrast(TEXT_COLOR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(GRID_COLOR, '#ffffff')).toBeLessThan(3);
  });

  it('differ by pattern, not only by colour', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.pattern)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.color)).size).toBe(SERIES_STYLES.length);
  });

  it('cycle when a chart has more series than styles', () => {
    expect(seriesStyle(SERIES_STYLES.length)).toEqual(SERIES_STYLES[0]);
  });
});

describe('wrapLabel', () => {
  it('splits a long label into lines at spaces, each within the limit when its words allow', () => {
    expect(wrapLabel('Tỷ lệ vốn đầu tư phát triển trên địa bàn so với GRDP', 22)).toEqual(['Tỷ lệ vốn đầu tư phát', 'triển trên địa bàn so', 'với GRDP']);
    expect(wrapLabel('Dịch vụ', 22)).toEqual(['Dịch vụ']);
  });

  it('keeps a word longer than the limit whole, and gives one empty line for an empty label', () => {
    expect(wrapLabel('a siêu-dài-một-từ b', 5)).toEqual(['a', 'siêu-dài-một-từ', 'b']);
    expect(wrapLabel('')).toEqual(['']);
  });
});

describe('chartHeight', () => {
  it('grows with the categories and the series, and is taller on a narrow chart where labels wrap more', () => {
    expect(chartHeight(TWO)).toBeGreaterThan(chartHeight({ ...TWO, series: TWO.series.slice(0, 1) }));
    expect(chartHeight({ ...PAYLOAD, categories: ['a', 'b', 'c'], series: [{ ...PAYLOAD.series[0], values: [1, 2, 3], labels: ['1', '2', '3'] }] })).toBeGreaterThan(chartHeight(PAYLOAD));
    expect(chartHeight(TWO, true)).toBeGreaterThan(chartHeight(TWO));
  });
});
