/**
 * The CSV downloads: /du-lieu/<chart id>.csv for each chart's table,
 * /du-lieu/chi-tieu-<year planned for>.csv for the indicator table and /du-lieu/so-lieu.csv for the
 * list of every figure. UTF-8 with a byte-order mark (see src/figures/csv.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getFigureData, getSitePages } from '../../data/content';
import { chartCsvRows, csvDocument, figureCsvRows, indicatorCsvRows } from '../../figures/csv';

export const getStaticPaths = (async () => {
  const [data, pages] = await Promise.all([getFigureData(), getSitePages()]);
  const names = [...data.charts.map((c) => c.id), ...(pages.targets ? [pages.targetsSlug] : []), ...(pages.figures ? ['so-lieu'] : [])];
  return names.map((name) => ({ params: { name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const [data, pages] = await Promise.all([getFigureData(), getSitePages()]);
  const name = params.name;
  const chart = data.charts.find((c) => c.id === name);
  const rows =
    name === 'so-lieu'
      ? figureCsvRows([...data.figures.values()], data.years)
      : name === pages.targetsSlug
        ? indicatorCsvRows(data.indicators, data.years)
        : chart
          ? chartCsvRows(chart)
          : null;
  if (!rows) return new Response(null, { status: 404 });
  return new Response(csvDocument(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
