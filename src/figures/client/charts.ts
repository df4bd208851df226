/**
 * Enhances each chart figure (src/figures/DataChart.astro) and draws it with
 * Chart.js only when it is wanted: once the figure is actually in the viewport, or when
 * the reader chooses its chart view with its button. Until then nothing of Chart.js is
 * fetched, and the figure shows its table, in a box that already holds the chart's space,
 * so nothing moves when the chart appears. The chart's numbers are read from the table
 * itself (one copy of the data in the page). Chart.js lives in a worker (./chartjs.ts):
 * the canvas is handed over (transferControlToOffscreen) and drawn there, so that
 * neither Chart.js's evaluation nor the drawing runs on the page's main thread. If the
 * worker cannot be fetched or fails, or the browser has no OffscreenCanvas, the table
 * stays, the button goes, and nothing is thrown. Without this script the figure shows its
 * table; in print, the table always shows.
 */
import type { ChartPayload } from '../figures';
import type { FromWorker, ToWorker } from './chart-messages';

type View = 'chart' | 'table';

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

/** Resolves after the next frame has been rendered (style and layout included). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The chart worker (./chartjs.ts, which holds Chart.js), started with the first chart wanted. */
let worker: Worker | undefined;
/** The figures handed to the worker, by chart id. */
const handed = new Map<string, HTMLElement>();

function fail(figure: HTMLElement) {
  // The table still holds every number: it stays, and the button that offers the chart goes.
  figure.dataset.state = 'failed';
  setView(figure, 'table');
  figure.querySelector('.chart-controls')?.setAttribute('hidden', '');
}

function startWorker(): Worker {
  const started = new Worker(new URL('./chartjs.ts', import.meta.url), { type: 'module', name: 'chartjs' });
  started.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const figure = handed.get(event.data.id);
    if (!figure) return;
    if (event.data.type === 'drawn') figure.dataset.state = 'drawn';
    else fail(figure);
  });
  // The worker's code could not be fetched or failed to start: every chart keeps its table.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    for (const figure of handed.values()) if (figure.dataset.state !== 'drawn') fail(figure);
    worker = undefined;
  });
  return started;
}

/** Forwards the pointer over a canvas to the worker, for Chart.js's tooltips. */
function forwardPointer(canvas: HTMLCanvasElement, id: string) {
  const send = (event: 'mousemove' | 'mouseout' | 'click') => (e: PointerEvent) =>
    worker?.postMessage({ type: 'pointer', id, event, x: e.offsetX, y: e.offsetY } satisfies ToWorker);
  canvas.addEventListener('pointermove', send('mousemove'), { passive: true });
  canvas.addEventListener('pointerleave', send('mouseout'), { passive: true });
  canvas.addEventListener('pointerdown', send('click'), { passive: true });
}

async function draw(figure: HTMLElement, show: boolean): Promise<void> {
  if (figure.dataset.state) {
    if (show && figure.dataset.state !== 'failed') setView(figure, 'chart');
    return;
  }
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
  const id = figure.dataset.chartId ?? '';
  // Without OffscreenCanvas (old browsers) the table is the figure.
  if (!canvas || !('transferControlToOffscreen' in canvas) || typeof Worker === 'undefined') return fail(figure);
  figure.dataset.state = 'loading';
  try {
    worker ??= startWorker();
    const payload = payloadFromFigure(figure);
    setView(figure, 'chart');
    // Measure the chart's box once the browser has laid it out in its own rendering step.
    await nextFrame();
    const box = canvas.getBoundingClientRect();
    // The narrow layout (NARROW_QUERY of ../chart-config.ts) is the one whose spacer shows: read
    // from the CSS rather than importing the config module, with its strings and formatters.
    const narrowSpace = figure.querySelector('.chart-space-narrow');
    const narrow = narrowSpace !== null && getComputedStyle(narrowSpace).display !== 'none';
    const offscreen = canvas.transferControlToOffscreen();
    handed.set(id, figure);
    const message: ToWorker = {
      type: 'draw',
      id,
      canvas: offscreen,
      payload,
      width: box.width,
      height: box.height,
      ratio: window.devicePixelRatio || 1,
      fontSize: narrow ? 12 : Math.min(15, Math.max(12, Math.round((Number.parseFloat(getComputedStyle(canvas).fontSize) || 16) * 0.85))),
      narrow,
    };
    worker.postMessage(message, [offscreen]);
    forwardPointer(canvas, id);
    resizes?.observe(canvas);
  } catch {
    fail(figure);
  }
}

/** Tells the worker when a drawn chart's box changes size (the window turned, resized). */
const resizes =
  'ResizeObserver' in window
    ? new ResizeObserver((entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).closest<HTMLElement>('figure.chart')?.dataset.chartId;
          const { width, height } = entry.contentRect;
          if (id && width > 0 && height > 0) worker?.postMessage({ type: 'resize', id, width, height } satisfies ToWorker);
        }
      })
    : undefined;

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
