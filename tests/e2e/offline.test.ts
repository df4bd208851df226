/**
 * Reading offline after one visit (issue 13): the service worker saves the whole site on
 * the first visit; with the network off (Playwright's setOffline), every page opens, a
 * search finds results, a footnote opens, and the web app manifest and icons are there.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../src/i18n/vi';
import { FAVICON_PATH } from '../../src/offline/app';
import { url, useBrowser } from '../support/e2e';
import { serve } from '../support/server';
import { DIST, MISSING_PATH, pagesToVisit } from '../support/site';

const chromium = useBrowser();
/** The paged print edition (/ban-in/…): no site header, its pages laid out by Paged.js. */
const PAGED_EDITION = /^\/ban-in\//u;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
/** Whether the service worker was registered when the page had just loaded. */
let registeredAtLoad: boolean;

beforeAll(async () => {
  context = await chromium.browser.newContext({ serviceWorkers: 'allow', viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text()}`);
  });
  // The one visit, online.
  await page.goto(url('/phan-thu-nhat/i-1-linh-vuc-kinh-te/'));
  registeredAtLoad = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined));
  await page.locator('.offline-status').getByText(t('offline.saved')).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
}, 180_000);

afterAll(async () => {
  await context?.close();
});

describe('the first visit', () => {
  it('saves the site only once the page has settled: nothing is registered when the page has just loaded', () => {
    expect(registeredAtLoad).toBe(false);
  });
});

describe('after one visit, with the network off', () => {
  it('is really offline: a file the site does not have cannot be fetched', async () => {
    const fetched = await page.evaluate(() =>
      fetch(`/not-saved-${Date.now()}.txt`).then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(fetched).toBe('failed');
  });

  it.each(pagesToVisit())('opens $name with its styles, scripts and fonts', async ({ path, status }) => {
    const failed: string[] = [];
    const onFail = (r: { url: () => string }) => failed.push(r.url());
    page.on('requestfailed', onFail);
    try {
      const response = await page.goto(url(path), { waitUntil: 'load' });
      expect(response?.fromServiceWorker(), path).toBe(true);
      if (PAGED_EDITION.test(path)) {
        // The print preview: Paged.js, from the saved copy, lays out its A4 pages.
        await page.locator('.pagedjs_page').first().waitFor({ state: 'attached', timeout: 30_000 });
        expect(await page.locator('.paged-bar h1').textContent()).not.toBe('');
      } else {
        expect(await page.locator('main h1').first().textContent()).not.toBe('');
        // Styled: the stylesheet applied (the header bar has its accent border).
        expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
      }
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(failed, `requests that failed offline on ${path}`).toEqual([]);
      if (status === 404) expect(path).toBe(MISSING_PATH);
    } finally {
      page.off('requestfailed', onFail);
    }
  });

  it('searches, typed without diacritics, in the saved index', async () => {
    await page.goto(url('/tim-kiem/?q=dau%20tu%20cong'));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached', timeout: 30_000 });
    expect(await page.locator('li.result').count()).toBeGreaterThan(0);
  });

  it('opens a footnote in place', async () => {
    await page.goto(url('/phan-thu-nhat/i-1-linh-vuc-kinh-te/'));
    await page.click('#fnref-13');
    await expect.poll(() => page.locator('#fn-pop-13').evaluate((el) => el.matches(':popover-open'))).toBe(true);
  });

  it('draws a chart, with Chart.js from the saved copy', async () => {
    await page.goto(url('/so-lieu/'));
    await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
    await page.locator('figure.chart[data-state="drawn"]').first().waitFor({ state: 'attached', timeout: 30_000 });
  });

  it('serves every CSV and JSON download, the web app manifest and its icons', async () => {
    // The downloads themselves; their precompressed twins (.br, .gz) are the server's business.
    const downloads = readdirSync(join(DIST, 'du-lieu'))
      .filter((f) => /\.(?:csv|json)$/u.test(f))
      .map((f) => `/du-lieu/${f}`);
    expect(downloads.filter((p) => p.endsWith('.csv')).length).toBeGreaterThan(0);
    expect(downloads).toContain('/du-lieu/du-lieu.json');
    const paths = [...downloads, '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', FAVICON_PATH];
    const got = await page.evaluate((list) => Promise.all(list.map(async (p) => [p, (await fetch(p)).status] as const)), paths);
    for (const [p, s] of got) expect(s, p).toBe(200);
    const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((r) => r.json()));
    expect(manifest).toMatchObject({ lang: 'vi', display: 'standalone' });
  });

  it('had no script errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('a new build', () => {
  it('is saved as a whole beside the old one, offered as "Đã có bản cập nhật — tải lại", and replaces it on reload', async () => {
    // A copy of the site on a server of its own, so that the test can publish a next build.
    const root = mkdtempSync(join(tmpdir(), 'site-next-'));
    cpSync(DIST, root, { recursive: true });
    const server = await serve(root);
    const fresh = await chromium.browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 800 } });
    try {
      const p = await fresh.newPage();
      await p.goto(`${server.url}/`);
      await p.locator('.offline-status').getByText(t('offline.saved')).waitFor({ timeout: 120_000 });
      const before = await p.evaluate(() => caches.keys());
      expect(before).toHaveLength(1);
      // The next build: a changed home page, hence a new precache list and build id.
      const home = join(root, 'index.html');
      writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p id="next-build">next</p></main>'));
      const sw = readFileSync(join(root, 'sw.js'), 'utf8');
      writeFileSync(join(root, 'sw.js'), sw.replace(/const BUILD = "([0-9a-f]+)";/u, 'const BUILD = "nextbuild";').replace(/("url":"\/","revision":")([0-9a-f]+)"/u, '$1next"'));
      await p.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const button = p.getByRole('button', { name: t('offline.update') });
      await button.waitFor({ timeout: 120_000 });
      // Until the reader asks, the page in use is the old build's, and so is what it opens.
      expect(await p.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([...before, 'bao-cao-nextbuild']));
      await p.goto(`${server.url}/`);
      expect(await p.locator('#next-build').count()).toBe(0);
      await p.getByRole('button', { name: t('offline.update') }).waitFor({ timeout: 30_000 });
      await Promise.all([p.waitForEvent('load'), p.getByRole('button', { name: t('offline.update') }).click()]);
      await p.locator('#next-build').waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => p.evaluate(() => caches.keys()), { timeout: 30_000 }).toEqual(['bao-cao-nextbuild']);
    } finally {
      await fresh.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, 300_000);
});
