/**
 * The chart worker: the only code that holds Chart.js. The page's script
 * (./charts.ts) starts it once a chart is wanted and hands it each chart's canvas
 * (an OffscreenCanvas) with the numbers read from the figure's table; the worker sets the
 * labels in the site's own font and draws there, off the page's main thread, so that
 * neither evaluating Chart.js nor drawing blocks the reader. Pointer events are
 * forwarded from the page, so that tooltips work as before. Imports only the pieces a
 * horizontal bar chart uses. Messages: ./chart-messages.ts.
 */
/// <reference lib="webworker" />
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartEvent } from 'chart.js';
import { buildChartConfig, type SeriesStyle } from '../chart-config';
import { FACES } from '../../site/fonts/faces';
import { FONT_URLS } from '../../site/fonts/urls';
import type { FromWorker, ToWorker } from './chart-messages';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const scope = self as unknown as DedicatedWorkerGlobalScope & { fonts: FontFaceSet };
const charts = new Map<string, Chart>();
let fonts: Promise<unknown> | undefined;

/** The labels' font: the site's own face (src/site/fonts/faces.ts), as a CSS stack. */
const FAMILY = `'${FACES[0].family}', ${FACES[0].generic}`;

/**
 * Adds the site's faces to the worker's font set (once): canvas text in a worker sees
 * only the fonts of its own scope, not the page's. Files the page has loaded already come
 * from the cache. If one fails, the labels fall back to the generic family.
 */
function loadFonts(): Promise<unknown> {
  return Promise.allSettled(
    FACES.map(async (f) => {
      const url = FONT_URLS.find((u) => u.includes(`/${f.file}.`));
      if (!url) throw new Error(`chart worker: no font file for ${f.file}`);
      const face = new FontFace(f.family, `url(${JSON.stringify(url)})`, { weight: String(f.weight) });
      scope.fonts.add(face);
      return face.load();
    }),
  );
}

/** A light tint of a colour over white, for the background of a patterned fill. */
function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * alpha);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

/** The fill of a series: solid colour, or diagonal stripes or dots of the colour on a light tint. */
export function makeFill(style: SeriesStyle, ratio: number): string | CanvasPattern {
  if (style.pattern === 'solid') return style.color;
  const size = Math.round(10 * ratio);
  const tile = new OffscreenCanvas(size, size);
  const ctx = tile.getContext('2d');
  if (!ctx) return style.color;
  ctx.fillStyle = tint(style.color, 0.18);
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = ctx.strokeStyle = style.color;
  if (style.pattern === 'diagonal') {
    ctx.lineWidth = 2.5 * ratio;
    ctx.beginPath();
    for (const offset of [-size, 0, size]) {
      ctx.moveTo(offset, size);
      ctx.lineTo(offset + size, 0);
    }
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, 2.2 * ratio, 0, Math.PI * 2);
    ctx.fill();
  }
  return ctx.createPattern(tile, 'repeat') ?? style.color;
}

const post = (message: FromWorker) => scope.postMessage(message);

/**
 * Runs `then` once what was drawn on the OffscreenCanvas has been committed to the page's
 * canvas: a worker's canvas commits its frame when the worker's animation frame comes, so a
 * "drawn" sent at once could reach the page before the chart shows.
 */
function afterCommit(then: () => void) {
  if (typeof scope.requestAnimationFrame === 'function') scope.requestAnimationFrame(() => then());
  else setTimeout(then, 0);
}

async function handle(message: ToWorker) {
  if (message.type === 'draw') {
    const { id, canvas, payload, width, height, ratio } = message;
    fonts ??= loadFonts();
    await fonts;
    // Chart.js reads the canvas's size as its size in CSS pixels, then scales it by the ratio.
    canvas.width = Math.max(1, Math.round(width));
    canvas.height = Math.max(1, Math.round(height));
    const config = buildChartConfig(payload, {
      // Drawn at once: in a worker Chart.js does not animate (its BasicPlatform).
      reducedMotion: true,
      fill: (style) => makeFill(style, ratio),
      fontSize: message.fontSize,
      fontFamily: FAMILY,
      narrow: message.narrow,
      onDrawn: () => afterCommit(() => post({ type: 'drawn', id })),
    });
    config.options = { ...config.options, responsive: false, devicePixelRatio: ratio };
    charts.set(id, new Chart(canvas as unknown as HTMLCanvasElement, config as never));
  } else if (message.type === 'resize') {
    charts.get(message.id)?.resize(Math.max(1, Math.round(message.width)), Math.max(1, Math.round(message.height)));
  } else {
    const chart = charts.get(message.id);
    const event = { type: message.event, native: { type: message.event }, x: message.x, y: message.y } as unknown as ChartEvent;
    (chart as unknown as { _eventHandler?: (e: ChartEvent) => void } | undefined)?._eventHandler?.(event);
  }
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    if ('id' in event.data) post({ type: 'failed', id: event.data.id, message: String(error) });
  });
});
