/**
 * "Xem trước bản in" (/ban-in/…): lays the page's printable content out on A4 pages with
 * Paged.js, the same pages that the build prints to PDF (src/print/node/pdf.ts) and that
 * the browser prints from here.
 *
 * The content waits in <template data-paged-content>; the pages are drawn into
 * [data-paged-target]. Paged.js is given the page's stylesheets (all of them but those
 * marked data-pagedjs-ignore: the preview's toolbar; see src/print/css.ts for why they
 * are read here), applies their print rules, and lays out footnotes (`float: footnote`),
 * running headers and page numbers. When it is done,
 * <html> gets data-paged="<page count>" (the PDF maker waits for it) and the status line
 * says how many pages there are; on failure, data-paged="error" and the status says so.
 */
import { Previewer } from 'pagedjs';
import { adoptPagedStyles } from './adopted-styles';
import { dropRangeMediaRules } from '../css';

let started = false;

/**
 * The page's styles for Paged.js, in document order, each as { url: css text }; their
 * elements are removed (Paged.js puts its processed version of them in the page).
 */
async function takeStyles(): Promise<Record<string, string>[]> {
  const elements = [...document.querySelectorAll<HTMLLinkElement | HTMLStyleElement>("link[rel='stylesheet']:not([data-pagedjs-ignore]), style:not([data-pagedjs-ignore])")];
  const styles = await Promise.all(
    elements.map(async (element) => {
      if (element instanceof HTMLLinkElement) {
        const response = await fetch(element.href);
        if (!response.ok) throw new Error(`paged preview: ${element.href} answered ${response.status}`);
        return { [element.href]: dropRangeMediaRules(await response.text()) };
      }
      return { [location.href]: dropRangeMediaRules(element.textContent ?? '') };
    }),
  );
  for (const element of elements) element.remove();
  return styles;
}

export async function layOutPages(): Promise<void> {
  if (started) return;
  started = true;
  const root = document.documentElement;
  const template = document.querySelector<HTMLTemplateElement>('template[data-paged-content]');
  const target = document.querySelector<HTMLElement>('[data-paged-target]');
  const status = document.querySelector<HTMLElement>('[data-paged-status]');
  const printButton = document.querySelector<HTMLButtonElement>('button[data-paged-print]');
  if (!template || !target) {
    root.dataset.paged = 'error';
    throw new Error('paged preview: the page has no <template data-paged-content> or [data-paged-target]');
  }
  try {
    // Measure with the real fonts, or the pages would break at other places than in print.
    await document.fonts.ready;
    await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
    target.replaceChildren();
    // Laid out unseen, then shown whole: no reader, and no assistive technology, meets half-made pages.
    target.style.visibility = 'hidden';
    adoptPagedStyles();
    const flow = await new Previewer().preview(template.content, await takeStyles(), target);
    const pages = flow.total as number;
    // Paged.js leaves an empty link before each footnote (its own "footnote call", whose number the
    // report's marker replaces): a link with no text and nowhere useful to go. Made plain elements.
    for (const call of target.querySelectorAll('a[data-footnote-call]')) call.removeAttribute('href');
    target.style.removeProperty('visibility');
    if (status) status.textContent = (status.dataset.done ?? '').replace('{pages}', String(pages));
    if (printButton) {
      printButton.addEventListener('click', () => window.print());
      printButton.hidden = false;
    }
    root.dataset.paged = String(pages);
  } catch (error) {
    if (status) status.textContent = status.dataset.failed ?? '';
    root.dataset.paged = 'error';
    throw error;
  }
}
