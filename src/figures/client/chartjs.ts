/**
 * The part of the charts that needs Chart.js: loaded by src/figures/client/charts.ts with a
 * dynamic import, only when a chart comes near the viewport. Imports only the pieces a
 * horizontal bar chart uses, so that the rest of Chart.js is left out of the bundle.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { buildChartConfig, NARROW_QUERY, type SeriesStyle } from '../chart-config';
import type { ChartPayload } from '../figures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** A light tint of a colour over white, for the background of a patterned fill. */
function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * alpha);
  return `rgb(${mix((n >> 16) & 255)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

/** The fill of a series: solid colour, or diagonal stripes or dots of the colour on a light tint. */
export function makeFill(style: SeriesStyle, ratio = window.devicePixelRatio || 1): string | CanvasPattern {
  if (style.pattern === 'solid') return style.color;
  const size = Math.round(10 * ratio);
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
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

/** Draws a chart on a canvas; `onDrawn` is called once it is fully drawn. */
export function drawChart(canvas: HTMLCanvasElement, payload: ChartPayload, options: { reducedMotion: boolean; onDrawn: () => void }): Chart {
  const narrow = window.matchMedia(NARROW_QUERY).matches;
  const fontSize = Number.parseFloat(getComputedStyle(canvas).fontSize) || 16;
  const config = buildChartConfig(payload, {
    ...options,
    fill: (s) => makeFill(s),
    fontSize: narrow ? 12 : Math.min(15, Math.max(12, Math.round(fontSize * 0.85))),
    narrow,
  });
  return new Chart(canvas, config as never);
}
