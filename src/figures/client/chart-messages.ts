/**
 * What the page (./charts.ts) and the chart worker (./chartjs.ts) say to each other. The
 * worker holds Chart.js and draws on canvases the page has handed over
 * (transferControlToOffscreen), so that neither Chart.js's evaluation nor any drawing
 * runs on the page's main thread.
 */
import type { ChartPayload } from '../figures';

/** Page → worker. */
export type ToWorker =
  | {
      type: 'draw';
      /** The figure's chart id (data-chart-id): names the chart in later messages. */
      id: string;
      canvas: OffscreenCanvas;
      payload: ChartPayload;
      /** The canvas's box, CSS pixels. */
      width: number;
      height: number;
      /** Device pixels per CSS pixel. */
      ratio: number;
      /** Label and tick size, CSS pixels. */
      fontSize: number;
      /** Whether the narrow (phone) layout applies: category labels wrap shorter. */
      narrow: boolean;
    }
  | { type: 'resize'; id: string; width: number; height: number }
  /** A pointer event on the canvas, at (x, y) CSS pixels from its top left; `event` is Chart.js's name for it. */
  | { type: 'pointer'; id: string; event: 'mousemove' | 'mouseout' | 'click'; x: number; y: number };

/** Worker → page. */
export type FromWorker = { type: 'drawn'; id: string } | { type: 'failed'; id: string; message: string };
