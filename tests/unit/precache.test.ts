/** The service worker's precache list and build id (src/offline/node/precache.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildId, fillWorker, HASHED_FILES, urlOfFile } from '../../src/offline/node/precache';
import { webAppManifest, ICON_SIZES } from '../../src/offline/app';
import { content } from '../support/content';
import { ROOT } from '../support/site';

const TEMPLATE = readFileSync(join(ROOT, 'src/offline/worker/sw.js'), 'utf8');

describe('precache', () => {
  it('serves pages at their folder URL and other files at their path', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('phan-thu-nhat/mo-dau/index.html')).toBe('/phan-thu-nhat/mo-dau/');
    expect(urlOfFile('404.html')).toBe('/404.html');
    expect(urlOfFile('pagefind/pagefind-entry.json')).toBe('/pagefind/pagefind-entry.json');
  });

  it('needs no revision for files named by their content', () => {
    expect(HASHED_FILES.test('_astro/boot.BCY25ek8.js')).toBe(true);
    expect(HASHED_FILES.test('pagefind/fragment/vi_1a2b.pf_fragment')).toBe(true);
    expect(HASHED_FILES.test('pagefind/pagefind-entry.json')).toBe(false);
    expect(HASHED_FILES.test('index.html')).toBe(false);
  });

  it('gives a new build id when any file changes, the same for the same files in any order', () => {
    const a = [
      { url: '/', revision: '1' },
      { url: '/a/', revision: '2' },
    ];
    expect(buildId(a)).toBe(buildId([...a].reverse()));
    expect(buildId(a)).not.toBe(buildId([{ url: '/', revision: '1' }, { url: '/a/', revision: '3' }]));
  });

  it('fills the worker with the list and the id, and refuses a template without their places', () => {
    const entries = [{ url: '/', revision: 'abc' }];
    const sw = fillWorker(TEMPLATE, entries);
    expect(sw).toContain(`const BUILD = "${buildId(entries)}";`);
    expect(sw).toContain('const MANIFEST = [{"url":"/","revision":"abc"}];');
    expect(sw).not.toContain('__WB_MANIFEST');
    expect(() => fillWorker('self.skipWaiting()', entries)).toThrow('lacks self.__WB_MANIFEST or __BUILD_ID__');
  });
});

describe('web app manifest', () => {
  it('is Vietnamese, standalone, with a theme colour and 192 and 512 px icons', () => {
    const report = content().report;
    const m = webAppManifest(report);
    expect(m).toMatchObject({ lang: 'vi', display: 'standalone', start_url: '/', scope: '/', name: report.shortTitle });
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/u);
    expect(ICON_SIZES).toEqual([192, 512]);
    expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});
