/**
 * Enhances each chart figure (src/figures/DataChart.astro) and draws it with
 * Chart.js only when it is wanted: once the figure is actually in the viewport, or when
 * the reader chooses its chart view with its button. Until then nothing of Chart.js is
 * fetched, and the figure shows its table, in a box that already holds the chart's space,
 * so nothing moves when the chart appears. The chart's numbers are read from the table
 * itself (one copy of the data in the page). Charts are drawn one per task, so that no
 * drawing blocks the page for long. If Chart.js cannot be fetched or fails, the table
 * stays, the button goes, and nothing is thrown. Without this script the figure shows its
 * table; in print, the table always shows.
 */
import type { ChartPayload } from '../figures';

type View = 'chart' | 'table';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function setView(figure: HTMLElement, view: View) {
  figure.dataset.view = view;
  const button = figure.querySelector<HTMLButtonElement>('.chart-toggle');
  if (button) button.textContent = view === 'chart' ? (button.dataset.showTable ?? '') : (button.dataset.showChart ?? '');
  // The table stays readable by assistive technology in chart view, but is not a tab stop
  // while it is unseen.
  const region = figure.querySelector<HTMLElement>('.chart-table');
  if (region) {
    if (view === 'table') region.setAttribute('tabindex', '0');
    else region.removeAttribute('tabindex');
  }
}

/** The chart's data, read from its table: rows are categories, plotted columns (th[data-style]) are series. */
export function payloadFromFigure(figure: HTMLElement): ChartPayload {
  const table = figure.querySelector('table');
  if (!table) throw new Error(`chart ${figure.id}: no table`);
  const heads = [...table.querySelectorAll<HTMLElement>('thead th')].slice(1);
  const rows = [...table.querySelectorAll('tbody tr')];
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
  const series = heads.flatMap((th, j) => {
    if (th.dataset.style === undefined) return [];
    const cells = rows.map((tr) => tr.querySelectorAll<HTMLElement>('td')[j]);
    return [
      {
        label: text(th),
        style: Number(th.dataset.style),
        values: cells.map((td) => (td?.dataset.value === undefined ? null : Number(td.dataset.value))),
        labels: cells.map((td) => (td?.dataset.value === undefined ? null : text(td))),
      },
    ];
  });
  const { axis = '', refValue, refLabel, notStated = '' } = figure.dataset;
  return {
    id: figure.dataset.chartId ?? '',
    title: text(figure.querySelector('.chart-title')),
    axis,
    categories: rows.map((tr) => text(tr.querySelector('th'))),
    series,
    ...(refValue !== undefined && refLabel !== undefined ? { reference: { value: Number(refValue), label: refLabel } } : {}),
    notStated,
  };
}

/** Lets the browser paint and handle input before the next piece of work. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the next frame has been rendered (style and layout included). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let chartjs: Promise<typeof import('./chartjs')> | undefined;
/** Drawing one chart at a time, each in a task of its own. */
let queue: Promise<void> = Promise.resolve();

function fail(figure: HTMLElement) {
  // The table still holds every number: it stays, and the button that offers the chart goes.
  figure.dataset.state = 'failed';
  setView(figure, 'table');
  figure.querySelector('.chart-controls')?.setAttribute('hidden', '');
}

function draw(figure: HTMLElement, show: boolean): Promise<void> {
  if (figure.dataset.state) {
    if (show && figure.dataset.state !== 'failed') setView(figure, 'chart');
    return queue;
  }
  figure.dataset.state = 'loading';
  queue = queue.then(async () => {
    const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
    if (!canvas) return fail(figure);
    try {
      chartjs ??= import('./chartjs');
      const { drawChart } = await chartjs;
      await nextTask();
      const payload = payloadFromFigure(figure);
      setView(figure, 'chart');
      // Let the browser lay out the chart's box in its own rendering step, so that Chart.js,
      // measuring the box, finds the layout done instead of forcing it inside this task.
      await nextFrame();
      drawChart(canvas, payload, {
        reducedMotion: reducedMotion(),
        onDrawn: () => {
          figure.dataset.state = 'drawn';
        },
      });
      await nextTask();
    } catch {
      chartjs = undefined;
      fail(figure);
    }
  });
  return queue;
}

export function initCharts() {
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart-id]')];
  if (figures.length === 0) return;
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer?.unobserve(entry.target);
            void draw(entry.target as HTMLElement, true);
          }
        })
      : null;
  for (const figure of figures) {
    if (figure.dataset.enhanced) continue;
    figure.dataset.enhanced = 'true';
    setView(figure, 'table');
    figure.querySelector('.chart-controls')?.removeAttribute('hidden');
    figure.querySelector<HTMLButtonElement>('.chart-toggle')?.addEventListener('click', () => {
      if (figure.dataset.view === 'chart') setView(figure, 'table');
      else {
        observer?.unobserve(figure);
        void draw(figure, true);
      }
    });
    if (observer) observer.observe(figure);
    else void draw(figure, true);
  }
}
