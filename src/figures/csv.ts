/**
 * The CSV downloads: RFC 4180 text (comma-separated, CRLF line ends, fields quoted when
 * they need it), UTF-8 with a byte-order mark so that Excel reads the Vietnamese
 * correctly. One row per number: where it sits in the table, the number (dot decimal),
 * its unit, the report's words and quote, and its source. parseCsv() reads it back.
 */
import { t } from '../i18n/vi';
import type { ReportYears } from '../core/years';
import { groupLabel, indicatorColumnLabel, INDICATOR_COLUMNS, topicLabel, type Cell, type ChartTable, type FigureView, type IndicatorView } from './figures';

/** The byte-order mark that opens every CSV download. */
export const BOM = '\ufeff';

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['table', 'group', 'row', 'column', 'id', 'value', 'unit', 'text', 'quote', 'source', 'note'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** The header row, in Vietnamese. */
export function csvHeader(): string[] {
  return CSV_COLUMNS.map((c) => t(`csv.${c}`));
}

function field(value: string): string {
  return /[",\r\n]/u.test(value) || value !== value.trim() ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** Serialises rows (the header first) as CSV text with a BOM. */
export function toCsv(rows: string[][]): string {
  return BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV text (with or without a BOM) into rows of fields. Throws on an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else value += ch;
      i++;
      continue;
    }
    if (ch === '"' && value === '') quoted = true;
    else if (ch === ',') {
      row.push(value);
      value = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      if (ch === '\r' && src[i + 1] === '\n') i++;
    } else value += ch;
    i++;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (value !== '' || row.length > 0) {
    row.push(value);
    rows.push(row);
  }
  return rows;
}

/** The number of a value as the CSV writes it: plain digits, dot decimal ("184123", "8.16"). */
export function csvNumber(n: number): string {
  return String(n);
}

/** A CSV row for one number. */
function row(table: string, group: string, rowLabel: string, column: string, cell: Cell | null, note = ''): CsvRow {
  if (!cell) return { table, group, row: rowLabel, column, id: '', value: '', unit: '', text: '', quote: '', source: '', note };
  const f = cell.figure;
  return {
    table,
    group,
    row: rowLabel,
    column,
    id: f.id,
    value: csvNumber(cell.value),
    unit: f.unit,
    text: f.text,
    quote: f.quote,
    source: f.link.href,
    note: cell.field === 'outOf' ? t('csv.outOf', { text: f.text }) : note,
  };
}

const asCell = (figure: FigureView): Cell => ({ figure, field: 'value', value: figure.value, display: figure.display });

/** The rows of a chart's table: every stated number; a number the report does not state has no row. */
export function chartCsvRows(table: ChartTable): CsvRow[] {
  const out: CsvRow[] = [];
  for (const r of [...table.rows, ...table.totals]) {
    r.cells.forEach((cell, j) => {
      if (cell) out.push(row(table.title, '', r.label, table.columns[j].label, cell));
    });
  }
  return out;
}

/** The rows of the indicator table: each stated number, and a row for each result the report does not give. */
export function indicatorCsvRows(views: IndicatorView[], years: ReportYears): CsvRow[] {
  const out: CsvRow[] = [];
  const table = t('indicators.caption', { ...years });
  for (const v of views) {
    const group = groupLabel(v.indicator.group);
    for (const p of v.parts) {
      const label = `(${v.indicator.number}) ${v.indicator.name}${p.label ? ` – ${p.label}` : ''}`;
      for (const c of INDICATOR_COLUMNS) {
        const f = p[c];
        if (f) out.push(row(table, group, label, indicatorColumnLabel(c, years), asCell(f)));
        else if (c === 'result') out.push(row(table, group, label, indicatorColumnLabel(c, years), null, t('indicators.noResult', { ...years })));
      }
    }
  }
  return out;
}

/** The rows of the list of figures. */
export function figureCsvRows(figures: FigureView[], years: ReportYears): CsvRow[] {
  return figures.map((f) => row(t('figuresPage.list'), topicLabel(f.topic, years), f.label, t('figuresPage.col.value'), asCell(f), f.estimated ? t('figure.estimated') : ''));
}

/** A whole CSV download: header and rows. */
export function csvDocument(rows: CsvRow[]): string {
  return toCsv([csvHeader(), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))]);
}
