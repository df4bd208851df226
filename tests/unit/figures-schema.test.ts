import { describe, expect, it } from 'vitest';
import { chartSchema, figureSchema } from '../../src/schemas/figure';
import { indicatorSchema } from '../../src/schemas/indicator';

/** The dotted paths of the issues a schema finds in `data`; [] when it is valid. */
const issuePaths = (schema: { safeParse: (d: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, data: unknown) =>
  schema.safeParse(data).error?.issues.map((i) => i.path.map(String).join('.')) ?? [];

const GRDP = {
  id: 'grdp-2023',
  topic: 'tong-quan',
  label: 'Quy mô GRDP',
  value: 184123,
  unit: 'tỷ đồng',
  text: '184 nghìn 123 tỷ đồng',
  quote: 'ước đạt 184 nghìn 123 tỷ đồng',
  source: { chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-d1' },
  estimated: true,
};

describe('figureSchema', () => {
  it('accepts a figure with its value, unit, words, quote and paragraph source', () => {
    expect(figureSchema.parse(GRDP)).toEqual(GRDP);
  });

  it('accepts a footnote as the source, qualifiers, a ratio, and defaults estimated to false', () => {
    const parsed = figureSchema.parse({ ...GRDP, value: 13, outOf: 15, unit: 'chỉ tiêu', text: '13/15 chỉ tiêu', quote: 'có 13/15 chỉ tiêu', source: { footnote: 1 }, estimated: undefined });
    expect(parsed.estimated).toBe(false);
    expect(figureSchema.safeParse({ ...GRDP, value: 9, unit: '%', text: 'tăng trên 9%', quote: '(KH năm tăng trên 9%)', comparator: 'above', direction: 'increase' }).success).toBe(true);
  });

  it('rejects words that are not in the quote', () => {
    expect(issuePaths(figureSchema, { ...GRDP, text: '184.123 tỷ đồng' })).toEqual(['text']);
  });

  it('rejects a part larger than its whole, and a negative or missing value', () => {
    expect(issuePaths(figureSchema, { ...GRDP, value: 16, outOf: 15 })).toEqual(['outOf']);
    expect(issuePaths(figureSchema, { ...GRDP, value: -1 })).toEqual(['value']);
    expect(issuePaths(figureSchema, { ...GRDP, value: undefined })).toEqual(['value']);
  });

  it('rejects an unknown topic, comparator or direction, an id that is not lowercase words, and an unknown field', () => {
    expect(issuePaths(figureSchema, { ...GRDP, topic: 'khac' })).toEqual(['topic']);
    expect(issuePaths(figureSchema, { ...GRDP, comparator: 'below' })).toEqual(['comparator']);
    expect(issuePaths(figureSchema, { ...GRDP, direction: 'up' })).toEqual(['direction']);
    expect(issuePaths(figureSchema, { ...GRDP, id: 'GRDP 2023' })).toEqual(['id']);
    expect(issuePaths(figureSchema, { ...GRDP, year: 2023 })).toEqual(['']);
  });

  it('rejects a source that is neither a chapter paragraph nor a footnote numbered from 1', () => {
    expect(issuePaths(figureSchema, { ...GRDP, source: { chapter: '02-i-1-linh-vuc-kinh-te' } }).length).toBeGreaterThan(0);
    expect(issuePaths(figureSchema, { ...GRDP, source: { footnote: 0 } }).length).toBeGreaterThan(0);
    expect(issuePaths(figureSchema, { ...GRDP, source: { chapter: 'kinh-te', paragraph: 'p1-i-1-d1' } }).length).toBeGreaterThan(0);
  });
});

const BARS = {
  id: 'xuat-nhap-khau-2023',
  kind: 'figures',
  title: 'Kim ngạch xuất khẩu và nhập khẩu',
  axis: 'triệu USD',
  categoryHeader: 'Kim ngạch',
  categories: ['Xuất khẩu', 'Nhập khẩu'],
  series: [
    { label: 'Tổng kim ngạch', values: ['xuat-khau-2023', 'nhap-khau-2023'] },
    { label: 'So với năm trước', plot: false, values: ['xuat-khau-giam-2023', null] },
  ],
};

describe('chartSchema', () => {
  it('accepts a chart of figures, defaulting plot to true and totals to none', () => {
    const parsed = chartSchema.parse(BARS);
    expect(parsed.kind === 'figures' && parsed.series.map((s) => s.plot)).toEqual([true, false]);
    expect(parsed.kind === 'figures' && parsed.totals).toEqual([]);
  });

  it('accepts the whole of a ratio as a cell, a total row and a reference line', () => {
    const chart = {
      ...BARS,
      series: [{ label: 'Số chỉ tiêu', values: [{ figure: 'a', field: 'outOf' }, 'b'] }],
      totals: [{ label: 'Cả năm', values: ['c'] }],
      reference: { value: 100, label: 'Dự toán (100%)' },
    };
    expect(chartSchema.safeParse(chart).success).toBe(true);
  });

  it('accepts a chart of indicators', () => {
    expect(chartSchema.safeParse({ id: 'chi-tieu-2024-y-te', kind: 'indicators', title: 'Giường bệnh và bác sĩ', axis: 'số', indicators: ['giuong-benh-bac-si'] }).success).toBe(true);
  });

  it('rejects a series with a value too few or too many for the categories', () => {
    expect(issuePaths(chartSchema, { ...BARS, series: [{ label: 'x', values: ['a'] }] })).toEqual(['series']);
    expect(issuePaths(chartSchema, { ...BARS, series: [{ label: 'x', values: ['a', 'b', 'c'] }] })).toEqual(['series']);
  });

  it('rejects a total row that does not match the series, and a chart with no plotted series', () => {
    expect(issuePaths(chartSchema, { ...BARS, totals: [{ label: 'Tổng', values: ['a'] }] })).toEqual(['totals']);
    expect(issuePaths(chartSchema, { ...BARS, series: [{ label: 'x', plot: false, values: ['a', 'b'] }] })).toEqual(['series']);
  });

  it('rejects an unknown kind, a field of the other kind, and a cell that names a field other than outOf', () => {
    expect(chartSchema.safeParse({ ...BARS, kind: 'pie' }).success).toBe(false);
    expect(chartSchema.safeParse({ ...BARS, indicators: ['x'] }).success).toBe(false);
    expect(chartSchema.safeParse({ ...BARS, series: [{ label: 'x', values: [{ figure: 'a', field: 'value' }, null] }] }).success).toBe(false);
  });
});

const TARGET = {
  id: 'do-thi-hoa',
  group: 'kinh-te',
  number: 7,
  name: 'Tỷ lệ đô thị hóa',
  parts: [{ unit: '%', target: 'kh2024-do-thi-hoa', result: 'do-thi-hoa-2023' }],
};

describe('indicatorSchema', () => {
  it('accepts an indicator with one part and no 2023 plan, defaulting related to none', () => {
    expect(indicatorSchema.parse(TARGET)).toEqual({ ...TARGET, related: [] });
  });

  it('accepts an indicator whose target has several labelled parts, each with or without a 2023 result', () => {
    const schools = {
      ...TARGET,
      id: 'truong-chuan-quoc-gia',
      group: 'xa-hoi',
      number: 4,
      name: 'Tỷ lệ trường học các cấp đạt chuẩn quốc gia',
      parts: ['Mầm non', 'Tiểu học', 'THCS', 'THPT'].map((label) => ({ label, unit: '%', target: `kh2024-${label.length}` })),
    };
    expect(indicatorSchema.safeParse(schools).success).toBe(true);
  });

  it('rejects several parts without labels, and a label on a single part', () => {
    const part = TARGET.parts[0];
    expect(issuePaths(indicatorSchema, { ...TARGET, parts: [part, part] })).toEqual(['parts']);
    expect(issuePaths(indicatorSchema, { ...TARGET, parts: [{ ...part, label: 'Một' }] })).toEqual(['parts.0.label']);
  });

  it('rejects an indicator without a 2024 target, without parts, or in an unknown group', () => {
    expect(issuePaths(indicatorSchema, { ...TARGET, parts: [{ unit: '%' }] })).toEqual(['parts.0.target']);
    expect(issuePaths(indicatorSchema, { ...TARGET, parts: [] })).toEqual(['parts']);
    expect(issuePaths(indicatorSchema, { ...TARGET, group: 'van-hoa' })).toEqual(['group']);
  });

  it('rejects a number that is not a positive integer and a short note', () => {
    expect(issuePaths(indicatorSchema, { ...TARGET, number: 0 })).toEqual(['number']);
    expect(issuePaths(indicatorSchema, { ...TARGET, number: 1.5 })).toEqual(['number']);
    expect(issuePaths(indicatorSchema, { ...TARGET, note: 'ngắn' })).toEqual(['note']);
  });
});
