/**
 * Checks of the data files beyond their schemas: each figure's quote stands word for
 * word where its source says, its text states its value, and every id a chart or an
 * indicator names exists. Used by validate-content.ts (the build) and the unit tests.
 */
import type { ChartSpec, Figure, FigureRef } from '../schemas/figure';
import type { Indicator } from '../schemas/indicator';
import { INDICATOR_GROUPS } from '../schemas/indicator';
import { RESERVED_CSV_NAMES, type SourceIndex } from './figures';
import { parseReportNumber } from './parse';

/** A problem with one field of one entry. */
export interface FieldProblem {
  /** The entry's id. */
  id: string;
  /** The field, e.g. "quote" or "series[1].values[2]". */
  field: string;
  message: string;
}

/** Words by which the report marks a number as an estimate. */
const ESTIMATE = /(?<!\p{L})(?:ước|dự kiến|sơ bộ)(?!\p{L})/iu;

/** Occurrences of `needle` in `hay`. */
function count(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** The text the source names: a paragraph's plain text, or a footnote's text; null if there is none. */
export function sourceText(figure: Figure, index: SourceIndex): string | null {
  const s = figure.source;
  if ('footnote' in s) return index.footnotes.get(s.footnote) ?? null;
  return index.paragraphs.get(s.chapter)?.get(s.paragraph) ?? null;
}

/**
 * The provenance of one figure: its quote stands word for word at its source, its text
 * stands once in the quote and parses to its value, unit and qualifiers, and it is marked
 * as an estimate exactly when the quote says so.
 */
export function checkProvenance(figure: Figure, index: SourceIndex): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ id: figure.id, field, message });
  const s = figure.source;
  const where = 'footnote' in s ? `footnote ${s.footnote}` : `paragraph ${s.paragraph} of ${s.chapter}`;
  const text = sourceText(figure, index);
  if (text === null) {
    if ('footnote' in s) add('source.footnote', `there is no footnote ${s.footnote}`);
    else if (!index.chapters.has(s.chapter)) add('source.chapter', `there is no chapter ${s.chapter}`);
    else add('source.paragraph', `chapter ${s.chapter} has no paragraph with id "${s.paragraph}"`);
    return problems;
  }
  if (!text.includes(figure.quote)) add('quote', `"${figure.quote}" does not stand word for word in ${where}`);
  const inQuote = count(figure.quote, figure.text);
  if (inQuote !== 1) add('text', `"${figure.text}" stands ${inQuote} times in the quote, not once`);
  try {
    const parsed = parseReportNumber(figure.text);
    const expected = { value: figure.value, unit: figure.unit, comparator: figure.comparator, direction: figure.direction, outOf: figure.outOf };
    for (const key of ['value', 'unit', 'comparator', 'direction', 'outOf'] as const) {
      if (parsed[key] !== expected[key]) {
        add(key, `"${figure.text}" gives ${key} ${JSON.stringify(parsed[key])}, not ${JSON.stringify(expected[key])}`);
      }
    }
  } catch (error) {
    add('text', (error as Error).message);
  }
  const says = ESTIMATE.test(figure.quote);
  if (says !== figure.estimated) {
    add('estimated', says ? 'the quote gives the number as an estimate: set estimated: true' : 'the quote does not say "ước", "dự kiến" or "sơ bộ"');
  }
  return problems;
}

function refId(ref: FigureRef): string {
  return typeof ref === 'string' ? ref : ref.figure;
}

/** Cross-references: every figure a chart or an indicator names exists, ids are unique, CSV names do not clash. */
export function checkReferences(figures: Figure[], charts: ChartSpec[], indicators: Indicator[]) {
  const problems = { figures: [] as FieldProblem[], charts: [] as FieldProblem[], indicators: [] as FieldProblem[] };
  const byId = new Map(figures.map((f) => [f.id, f]));
  const indicatorIds = new Set(indicators.map((i) => i.id));
  const needFigure = (list: FieldProblem[], id: string, field: string, ref: FigureRef) => {
    const figure = byId.get(refId(ref));
    if (!figure) list.push({ id, field, message: `there is no figure "${refId(ref)}" in content/figures/figures.yaml` });
    else if (typeof ref !== 'string' && figure.outOf === undefined) list.push({ id, field, message: `figure "${ref.figure}" has no outOf` });
  };
  for (const chart of charts) {
    if (RESERVED_CSV_NAMES.some((r) => (typeof r === 'string' ? r === chart.id : r.test(chart.id)))) problems.charts.push({ id: chart.id, field: 'id', message: `"${chart.id}" is the name of another download` });
    if (chart.kind === 'figures') {
      chart.series.forEach((s, j) =>
        s.values.forEach((v, i) => {
          if (v !== null) needFigure(problems.charts, chart.id, `series[${j + 1}].values[${i + 1}]`, v);
        }),
      );
      chart.totals.forEach((tot, j) =>
        tot.values.forEach((v, i) => {
          if (v !== null) needFigure(problems.charts, chart.id, `totals[${j + 1}].values[${i + 1}]`, v);
        }),
      );
    } else {
      chart.indicators.forEach((id, i) => {
        if (!indicatorIds.has(id)) problems.charts.push({ id: chart.id, field: `indicators[${i + 1}]`, message: `there is no indicator "${id}" in content/indicators.yaml` });
      });
    }
  }
  for (const ind of indicators) {
    ind.parts.forEach((p, i) => {
      for (const key of ['target', 'result', 'plan'] as const) {
        const id = p[key];
        if (id !== undefined) needFigure(problems.indicators, ind.id, `parts[${i + 1}].${key}`, id);
      }
    });
    ind.related.forEach((id, i) => needFigure(problems.indicators, ind.id, `related[${i + 1}]`, id));
  }
  const seen = new Set<string>();
  for (const ind of indicators) {
    const key = `${ind.group} ${ind.number}`;
    if (seen.has(key)) problems.indicators.push({ id: ind.id, field: 'number', message: `(${ind.number}) is used twice in group ${ind.group}` });
    seen.add(key);
  }
  for (const group of INDICATOR_GROUPS) {
    const numbers = indicators.filter((i) => i.group === group).map((i) => i.number);
    numbers.forEach((n, k) => {
      if (n !== k + 1) {
        const ind = indicators.filter((i) => i.group === group)[k];
        problems.indicators.push({ id: ind.id, field: 'number', message: `expected (${k + 1}) in group ${group}: indicators follow the report's order` });
      }
    });
  }
  return problems;
}
