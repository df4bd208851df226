/**
 * /print-pages.css: the page furniture of the printed pages (src/print/print.ts), for every
 * named page of the site, linked with media="print" by <PrintPageRules>.
 */
import type { APIRoute } from 'astro';
import { getChapters, getReport } from '../data/content';
import { pageRules, sitePrintPages } from '../print/print';
import { t } from '../i18n/vi';

export const GET: APIRoute = async () => {
  const [report, chapters] = await Promise.all([getReport(), getChapters()]);
  const css = pageRules({
    shortTitle: report.shortTitle,
    pageNumber: t('print.pageNumber', { page: '{page}', pages: '{pages}' }),
    pages: sitePrintPages(chapters.map((c) => c.data), report.parts, t('print.contents')),
  });
  return new Response(`${css}\n`, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
