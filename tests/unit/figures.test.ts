/**
 * The data set as the pages use it: the 15 targets of Phần thứ hai 2.2, the charts the
 * issue asks for, each resolved into the table it draws, and the CSV downloads.
 */
import { describe, expect, it } from 'vitest';
import { chartPayload, chartTable, DATA_PATHS, figureStylesFor, figureViews, resolveRef, sourceLink } from '../../src/figures/figures';
import { BOM, chartCsvRows, csvDocument, CSV_COLUMNS, csvHeader, figureCsvRows, indicatorCsvRows, parseCsv, toCsv } from '../../src/figures/csv';
import { formatValue } from '../../src/core/format';
import { mdxBlocks } from '../../src/core/mdx-text';
import { componentText, readReport } from '../support/faithful';
import { loadFigures, readChapterSources } from './figures-data';
import { targetsSlug } from '../../src/core/years';

/** The targets page and its CSV, named after the year planned for (report.yaml). */
const TARGETS_PAGE = DATA_PATHS.targetsPage(targetsSlug(readReport()));
const TARGETS_CSV = DATA_PATHS.indicatorsCsv(targetsSlug(readReport()));

const { figures, charts, indicators, index, data } = loadFigures();
const byId = new Map(figures.map((f) => [f.id, f]));

describe('figureStylesFor(): the figure stylesheets a chapter links', () => {
  it('links a chart’s and the indicator table’s only where the chapter shows one on a line of its own', () => {
    expect(figureStylesFor('## 1. Kinh tế\n\nĐoạn văn.\n')).toEqual({ charts: false, indicators: false });
    expect(figureStylesFor('Đoạn văn.\n\n<DataChart id="grdp" />\n')).toEqual({ charts: true, indicators: false });
    expect(figureStylesFor('<IndicatorTable />\n\nĐoạn văn nói về DataChart.\n')).toEqual({ charts: false, indicators: true });
  });
});

describe('the indicators of content/indicators.yaml', () => {
  it('are the 15 targets for 2024: 7 economic, 6 social and 2 environmental, as the report counts them', () => {
    const count = (g: string) => indicators.filter((i) => i.group === g).length;
    expect(indicators.length).toBe(byId.get('kh2024-so-chi-tieu')!.value);
    expect(count('kinh-te')).toBe(byId.get('kh2024-so-chi-tieu-kinh-te')!.value);
    expect(count('xa-hoi')).toBe(byId.get('kh2024-so-chi-tieu-xa-hoi')!.value);
    expect(count('moi-truong')).toBe(byId.get('kh2024-so-chi-tieu-moi-truong')!.value);
    expect([count('kinh-te'), count('xa-hoi'), count('moi-truong')]).toEqual([7, 6, 2]);
  });

  it('take every 2024 target from Phần thứ hai 2.2, in the paragraph of its group', () => {
    const paragraph = { 'kinh-te': 'p2-2-2-d2', 'xa-hoi': 'p2-2-2-d3', 'moi-truong': 'p2-2-2-d4' } as const;
    for (const i of indicators) {
      for (const p of i.parts) expect(byId.get(p.target)!.source, `${i.id}`).toEqual({ chapter: '09-2-muc-tieu-chi-tieu', paragraph: paragraph[i.group] });
    }
  });

  it('quote each target with the report\'s own number, "(n)", within its group', () => {
    for (const i of indicators) expect(byId.get(i.parts[0].target)!.quote.startsWith(`(${i.number}) `), i.id).toBe(true);
  });

  it('model the schools target as four parts and the hospital target as beds plus doctors', () => {
    const schools = indicators.find((i) => i.id === 'truong-chuan-quoc-gia')!;
    expect(schools.parts.map((p) => [p.label, byId.get(p.target)!.value])).toEqual([
      ['Mầm non', 70.5],
      ['Tiểu học', 96.7],
      ['THCS', 92],
      ['THPT', 75],
    ]);
    const hospital = indicators.find((i) => i.id === 'giuong-benh-bac-si')!;
    expect(hospital.parts.map((p) => [byId.get(p.target)!.value, byId.get(p.result!)!.value])).toEqual([
      [32.7, 32],
      [9.8, 9.7],
    ]);
  });

  it('give a 2023 result only where the report states one, and leave the others without', () => {
    const without = indicators.filter((i) => i.parts.some((p) => !p.result)).map((i) => i.id);
    expect(without).toEqual(['thu-ngan-sach-noi-dia', 'xa-ntm-kieu-mau', 'lao-dong-chung-chi', 'bao-hiem-y-te', 'truong-chuan-quoc-gia', 'ccn-xu-ly-nuoc-thai', 'danh-gia-tac-dong-moi-truong']);
    const planned = indicators.filter((i) => i.parts.some((p) => p.plan)).map((i) => i.id);
    expect(planned).toEqual(['tang-truong-grdp', 'von-dau-tu-grdp', 'gia-tri-thu-hoach-ha']);
  });

  it('take their 2023 results from Phần thứ nhất or its footnotes, never from the 2024 plan', () => {
    for (const i of indicators) {
      for (const p of i.parts) {
        for (const id of [p.result, p.plan].filter((x): x is string => !!x)) {
          const s = byId.get(id)!.source;
          expect('footnote' in s || s.chapter !== '09-2-muc-tieu-chi-tieu', id).toBe(true);
        }
      }
    }
  });
});

describe('the charts of content/figures/charts.yaml', () => {
  it('cover what the issue asks for', () => {
    const ids = charts.map((c) => c.id);
    for (const id of [
      'co-cau-kinh-te-2023',
      'gia-tri-san-xuat-2023',
      'tang-gia-tri-san-xuat-2023',
      'xuat-nhap-khau-2023',
      'thu-chi-ngan-sach-2023',
      'chi-ngan-sach-so-du-toan-2023',
      'von-fdi-2023',
      'chi-tieu-2023-theo-nhom',
      'chi-tieu-2024-tang-truong',
      'chi-tieu-2024-ty-le',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('each stand once in the chapters, after the paragraph that states their numbers', () => {
    const placed = readChapterSources().flatMap((c) =>
      mdxBlocks(c.body).flatMap((b) => (b.kind === 'component' && b.name === 'DataChart' ? [{ chart: b.props?.id, chapter: c.id }] : [])),
    );
    expect(placed.map((p) => p.chart).sort()).toEqual(charts.map((c) => c.id).sort());
    expect(placed.find((p) => p.chart === 'chi-tieu-2023-theo-nhom')?.chapter).toBe('01-mo-dau');
    expect(placed.find((p) => p.chart === 'von-fdi-2023')?.chapter).toBe('02-i-1-linh-vuc-kinh-te');
    expect(placed.find((p) => p.chart === 'chi-tieu-2024-ty-le')?.chapter).toBe('09-2-muc-tieu-chi-tieu');
  });

  it('add no words to the chapters: the faithfulness test counts none for them', () => {
    const report = readReport();
    expect(componentText('DataChart', report)).toBe('');
    expect(componentText('IndicatorTable', report)).toBe('');
  });

  it('are listed in the order they stand in the report', () => {
    expect(data.charts.map((c) => c.id).slice(0, 3)).toEqual(['chi-tieu-2023-theo-nhom', 'co-cau-kinh-te-2023', 'gia-tri-san-xuat-2023']);
    expect(data.charts.every((c) => c.placement)).toBe(true);
  });
});

describe('chartTable and chartPayload', () => {
  const views = figureViews(figures, index);
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const YEARS = data.years;
  const spec = (id: string) => charts.find((c) => c.id === id)!;

  it('resolve a chart of figures into rows of formatted cells, and draw the plotted series only', () => {
    const table = chartTable(spec('xuat-nhap-khau-2023'), views, byIndicator, YEARS);
    expect(table.rows.map((r) => [r.label, ...r.cells.map((c) => c?.display)])).toEqual([
      ['Xuất khẩu', formatValue(byId.get('xuat-khau-2023')!), 'giảm 6,3%'],
      ['Nhập khẩu', formatValue(byId.get('nhap-khau-2023')!), 'giảm 6,8%'],
    ]);
    const payload = chartPayload(table);
    expect(payload.series).toEqual([{ label: 'Tổng kim ngạch', style: 0, values: [9801, 7837], labels: [table.rows[0].cells[0]!.display, table.rows[1].cells[0]!.display] }]);
  });

  it('leave a cell the report does not state empty, and use the whole of a ratio where the chart asks for it', () => {
    const table = chartTable(spec('chi-tieu-2023-theo-nhom'), views, byIndicator, YEARS);
    expect(table.rows.map((r) => r.cells.map((c) => c?.value ?? null))).toEqual([
      [6, 4, 1],
      [7, 3, 3],
      [2, null, 2],
    ]);
    expect(table.totals.map((r) => r.cells.map((c) => c?.value ?? null))).toEqual([[15, 7, 6]]);
  });

  it('put each indicator part in a row, with the 2023 plan, the 2023 result and the 2024 target as columns', () => {
    const table = chartTable(spec('chi-tieu-2024-ty-le'), views, byIndicator, YEARS);
    expect(table.columns.map((c) => [c.label, c.style])).toEqual([
      ['Kế hoạch năm 2023', 2],
      ['Thực hiện năm 2023', 0],
      ['Kế hoạch năm 2024', 1],
    ]);
    expect(table.rows.map((r) => r.cells.map((c) => c?.value ?? null))).toEqual([
      [33, 33.1, 35],
      [null, 40.7, 42],
      [null, 45, 46.5],
      [null, 1.37, 1.2],
    ]);
    const health = chartTable(spec('chi-tieu-2024-y-te'), views, byIndicator, YEARS);
    expect(health.columns.map((c) => c.label)).toEqual(['Thực hiện năm 2023', 'Kế hoạch năm 2024']);
  });

  it('list the sources of a chart once each, with links to the paragraph or the footnote', () => {
    const table = chartTable(spec('chi-tieu-2023-theo-nhom'), views, byIndicator, YEARS);
    expect(table.sources).toEqual([
      { href: '/phan-thu-nhat/mo-dau/#fn-1', label: 'Chú thích 1' },
      { href: '/phan-thu-nhat/mo-dau/#p1-d2', label: 'Mở đầu, đoạn 2' },
    ]);
  });

  it('throw, naming it, on a figure or an indicator that does not exist', () => {
    expect(() => resolveRef('khong-co', views)).toThrow('unknown figure "khong-co"');
    expect(() => resolveRef({ figure: 'grdp-2023', field: 'outOf' }, views)).toThrow('figure "grdp-2023" has no outOf');
    expect(() => chartTable({ id: 'x', kind: 'indicators', title: 'x x x', axis: '%', indicators: ['khong-co'] }, views, byIndicator, YEARS)).toThrow('unknown indicator "khong-co"');
  });
});

describe('sourceLink', () => {
  it('links a paragraph to its permalink and names its place in the report', () => {
    expect(sourceLink({ chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-4-d1' }, index)).toEqual({
      href: '/phan-thu-nhat/i-1-linh-vuc-kinh-te/#p1-i-1-4-d1',
      label: 'I.1. Lĩnh vực kinh tế, mục 1.4, đoạn 1',
    });
    expect(sourceLink({ chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-6-2' }, index).label).toBe('I.1. Lĩnh vực kinh tế, mục 1.6.2');
    expect(sourceLink({ chapter: '09-2-muc-tieu-chi-tieu', paragraph: 'p2-2-2-d3' }, index).label).toBe('2. Mục tiêu và các chỉ tiêu chủ yếu, mục 2.2, đoạn 3');
  });

  it('links a footnote to its entry in the list of the chapter that carries its marker', () => {
    expect(sourceLink({ footnote: 33 }, index)).toEqual({ href: '/phan-thu-nhat/i-2-linh-vuc-xa-hoi/#fn-33', label: 'Chú thích 33' });
  });

  it('throws on a paragraph or a chapter that does not exist', () => {
    expect(() => sourceLink({ chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-d9' }, index)).toThrow('chapter 02-i-1-linh-vuc-kinh-te has no paragraph p1-i-1-d9');
    expect(() => sourceLink({ chapter: '12-khong-co', paragraph: 'p1-d1' }, index)).toThrow('there is no chapter 12-khong-co');
  });
});

describe('the CSV downloads', () => {
  it('start with a byte-order mark and a Vietnamese header, and end lines with CRLF', () => {
    const csv = csvDocument([]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}${csvHeader().join(',')}\r\n`);
    expect(csvHeader()).toEqual(['Bảng', 'Nhóm', 'Hàng', 'Cột', 'Mã số liệu', 'Giá trị', 'Đơn vị', 'Nguyên văn', 'Trích dẫn', 'Nguồn', 'Ghi chú']);
  });

  it('quote fields with commas, quotes or line breaks, and parse back to the same fields', () => {
    const rows = [
      ['a', 'Nông, lâm, thủy sản', 'Hội nghị "Gặp gỡ Hàn Quốc"', 'hai\ndòng', ''],
      ['8.16', ' lề ', '', 'x', 'y'],
    ];
    const csv = toCsv(rows);
    expect(csv).toContain('"Nông, lâm, thủy sản","Hội nghị ""Gặp gỡ Hàn Quốc""","hai\ndòng"');
    expect(parseCsv(csv)).toEqual(rows);
  });

  it('refuses CSV with an unclosed quote', () => {
    expect(() => parseCsv('a,"b\r\n')).toThrow('CSV: a quoted field is not closed');
  });

  it('give one row per stated number of a chart, with its value in plain digits, and none for a number not stated', () => {
    const chart = data.charts.find((c) => c.id === 'chi-tieu-2023-theo-nhom')!;
    const rows = chartCsvRows(chart);
    expect(rows.length).toBe(8 + 3);
    expect(rows.find((r) => r.row === 'Môi trường' && r.column === 'Vượt kế hoạch')).toBeUndefined();
    const fdi = chartCsvRows(data.charts.find((c) => c.id === 'von-fdi-2023')!).find((r) => r.id === 'fdi-2023')!;
    expect(fdi).toEqual({
      table: 'Vốn đầu tư nước ngoài đăng ký năm 2023, theo hình thức',
      group: '',
      row: 'Tổng vốn đăng ký',
      column: 'Vốn đăng ký',
      id: 'fdi-2023',
      value: '1136',
      unit: 'triệu USD',
      text: '1 tỷ 136 triệu USD',
      quote: byId.get('fdi-2023')!.quote,
      source: '/phan-thu-nhat/i-1-linh-vuc-kinh-te/#p1-i-1-5-2-d1',
      note: '',
    });
  });

  it('give each indicator\'s stated numbers, and say where the report gives no 2023 result', () => {
    const rows = indicatorCsvRows(data.indicators, data.years);
    const bhyt = rows.filter((r) => r.row.startsWith('(3) Tỷ lệ bao phủ bảo hiểm y tế'));
    expect(bhyt.map((r) => [r.column, r.value, r.note])).toEqual([
      ['Thực hiện năm 2023', '', 'báo cáo không nêu số liệu năm 2023'],
      ['Kế hoạch năm 2024', '93.8', ''],
    ]);
  });

  it('list every figure once in the list of figures, parsed back to the same values', () => {
    const parsed = parseCsv(csvDocument(figureCsvRows([...data.figures.values()], data.years)));
    const [header, ...rows] = parsed;
    expect(header).toEqual(csvHeader());
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows.map((r) => r[col('id')]).sort()).toEqual(figures.map((f) => f.id).sort());
    for (const r of rows) expect(Number(r[col('value')]), r[col('id')]).toBe(byId.get(r[col('id')])!.value);
  });

  it('are served at their paths', () => {
    expect(DATA_PATHS.chartCsv('co-cau-kinh-te-2023')).toBe('/du-lieu/co-cau-kinh-te-2023.csv');
    expect([DATA_PATHS.json, DATA_PATHS.figuresCsv, TARGETS_CSV]).toEqual(['/du-lieu/du-lieu.json', '/du-lieu/so-lieu.csv', '/du-lieu/chi-tieu-2024.csv']);
  });
});
