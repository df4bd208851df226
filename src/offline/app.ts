/**
 * The installable web app: its manifest (served at /manifest.webmanifest, see
 * src/pages/manifest.webmanifest.ts) and its icons (src/pages/icons/[file].ts), in Vietnamese.
 */
import { t } from '../i18n/vi';
import type { Report } from '../schemas/report';

/** The browser's toolbar and the installed app's title bar: the site's accent colour. */
export const THEME_COLOR = '#8b1a1a';
/** The splash screen's background: the site's light page colour. */
export const BACKGROUND_COLOR = '#fdfcf9';
/** The icon sizes generated at build, in px. */
export const ICON_SIZES = [192, 512] as const;

/**
 * The browser tab's icon: a PNG of this many px, drawn at build from public/favicon.svg
 * (src/pages/icons/[file].ts). Not the SVG itself: Chromium fetches and decodes the page's
 * icon again at every change of its URL (the search page keeps its URL in step with the
 * query), and an SVG icon is a document of its own: about 100 ms of the main thread at 4×
 * CPU throttle, where a PNG takes a few.
 */
export const FAVICON_SIZE = 32;
/** Where the tab's icon is served. */
export const FAVICON_PATH = `/icons/favicon-${FAVICON_SIZE}.png`;
/** The artwork the tab's icon is drawn from, relative to the project's root. */
export const FAVICON_SOURCE = 'public/favicon.svg';

/** The icon's artwork, drawn at any size: the favicon's page with lines, full bleed. */
export function iconSvg(size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" fill="${THEME_COLOR}"/><path d="M10 9h12v2.5H10zm0 5.25h12v2.5H10zM10 19.5h8v2.5h-8z" fill="#fff"/></svg>`;
}

export interface WebAppManifest {
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr';
  start_url: string;
  scope: string;
  display: 'standalone';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }[];
}

/** The web app manifest for the report. */
export function webAppManifest(report: Report): WebAppManifest {
  return {
    name: report.shortTitle,
    short_name: t('offline.appShortName'),
    description: report.title,
    lang: 'vi',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: ICON_SIZES.flatMap((size) => [
      { src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' as const, purpose: 'any' as const },
      { src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' as const, purpose: 'maskable' as const },
    ]),
  };
}
