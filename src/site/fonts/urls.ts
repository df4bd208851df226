/**
 * The URLs of the site's subset fonts (./generated/, written by ./node/subset.ts before the
 * build), for the layouts to preload: every page sets text in each of the faces.
 */
export const FONT_URLS: string[] = Object.values(import.meta.glob<string>('./generated/*.woff2', { query: '?url', import: 'default', eager: true }));
