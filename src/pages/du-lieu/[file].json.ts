/**
 * /du-lieu/du-lieu.json: the whole data set — every figure with its quote and source,
 * the indicators with the ids of their figures, and the charts with the ids of theirs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFigureData, getReport, getSitePages } from '../../data/content';
import { DATA_PATHS } from '../../figures/figures';
import { t } from '../../i18n/vi';

/** Built only when the content has figures/figures.yaml. */
export const getStaticPaths = (async () => ((await getSitePages()).figures ? [{ params: { file: 'du-lieu' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const [data, report] = await Promise.all([getFigureData(), getReport()]);
  const body = {
    report: { title: report.title, issuer: report.issuer.name },
    ...(report.absentAppendix ? { note: t('figuresPage.appendix', { ...data.years, ...report.absentAppendix }) } : {}),
    figures: [...data.figures.values()].map((f) => ({
      id: f.id,
      topic: f.topic,
      label: f.label,
      value: f.value,
      unit: f.unit,
      ...(f.comparator ? { comparator: f.comparator } : {}),
      ...(f.direction ? { direction: f.direction } : {}),
      ...(f.outOf !== undefined ? { outOf: f.outOf } : {}),
      estimated: f.estimated,
      text: f.text,
      quote: f.quote,
      source: { ...f.source, url: f.link.href, label: f.link.label },
      display: f.display,
    })),
    indicators: data.indicators.map(({ indicator, parts, related }) => ({
      id: indicator.id,
      group: indicator.group,
      number: indicator.number,
      name: indicator.name,
      ...(indicator.note ? { note: indicator.note } : {}),
      parts: parts.map((p) => ({
        ...(p.label ? { label: p.label } : {}),
        unit: p.unit,
        target: p.target.id,
        result: p.result?.id ?? null,
        plan: p.plan?.id ?? null,
      })),
      related: related.map((f) => f.id),
    })),
    charts: data.charts.map((c) => ({
      id: c.id,
      title: c.title,
      axis: c.axis,
      categoryHeader: c.categoryHeader,
      columns: c.columns.map((col) => ({ label: col.label, plotted: col.plot })),
      rows: [...c.rows, ...c.totals].map((r) => ({
        label: r.label,
        total: c.totals.includes(r),
        cells: r.cells.map((cell) => (cell ? { figure: cell.figure.id, field: cell.field, value: cell.value } : null)),
      })),
      csv: DATA_PATHS.chartCsv(c.id),
      ...(c.placement ? { placement: c.placement.href } : {}),
    })),
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
