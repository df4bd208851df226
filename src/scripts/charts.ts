/**
 * Enhances each chart figure (src/components/figures/DataChart.astro): shows the chart
 * with a button to switch to its table and back, and draws it with Chart.js once it
 * comes near the viewport. Chart.js is fetched then, by a dynamic import, so a page
 * downloads it only when a reader scrolls towards a chart. Without this script, or
 * before it runs, the figure shows its table; in print, the table always shows.
 */
import type { ChartPayload } from '../lib/figures';

type View = 'chart' | 'table';

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function setView(figure: HTMLElement, view: View) {
  figure.dataset.view = view;
  const button = figure.querySelector<HTMLButtonElement>('.chart-toggle');
  if (button) button.textContent = view === 'chart' ? (button.dataset.showTable ?? '') : (button.dataset.showChart ?? '');
  // The table stays readable by assistive technology in chart view, but is not a tab stop
  // while it is off screen.
  const region = figure.querySelector<HTMLElement>('.chart-table');
  if (region) {
    if (view === 'table') region.setAttribute('tabindex', '0');
    else region.removeAttribute('tabindex');
  }
}

async function draw(figure: HTMLElement) {
  if (figure.dataset.state) return;
  figure.dataset.state = 'loading';
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas');
  const data = figure.dataset.chart;
  if (!canvas || !data) return;
  try {
    const { drawChart } = await import('../lib/figures-chartjs');
    drawChart(canvas, JSON.parse(data) as ChartPayload, {
      reducedMotion: reducedMotion(),
      onDrawn: () => {
        figure.dataset.state = 'drawn';
      },
    });
  } catch (error) {
    // The table still holds every number: show it instead of an empty chart.
    figure.dataset.state = 'failed';
    setView(figure, 'table');
    figure.querySelector('.chart-controls')?.setAttribute('hidden', '');
    throw error;
  }
}

export function initCharts() {
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')];
  if (figures.length === 0) return;
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              void draw(entry.target as HTMLElement);
            }
          },
          { rootMargin: '300px 0px' },
        )
      : null;
  for (const figure of figures) {
    if (figure.dataset.enhanced) continue;
    figure.dataset.enhanced = 'true';
    setView(figure, 'chart');
    figure.querySelector('.chart-controls')?.removeAttribute('hidden');
    figure.querySelector<HTMLButtonElement>('.chart-toggle')?.addEventListener('click', () => {
      setView(figure, figure.dataset.view === 'chart' ? 'table' : 'chart');
    });
    if (observer) observer.observe(figure);
    else void draw(figure);
  }
}
