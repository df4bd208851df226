/**
 * The report read with JavaScript turned off, in Chromium: every chapter's text shows;
 * a footnote marker is a link into the chapter's footnote list and back; "Chương trước"
 * and "Chương sau" walk the whole report; the contents on the home page, the chapter's
 * own contents ("Trong chương này", a <details>) and the header links all work; the
 * search box still sends the query to the search page; and the 404 page, in Vietnamese,
 * leads to the contents and to the search.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/vi';
import { SEARCH_PATH } from '../../src/search/url';
import { inViewport, SOON, url, useBrowser, withPage } from '../support/e2e';
import { chapters, MISSING_PATH } from '../support/site';

const chromium = useBrowser();
/** No JavaScript; reduced motion, so that a jump within the page ends at once. */
const NO_JS = { javaScriptEnabled: false, reducedMotion: 'reduce' as const };
const chapterList = chapters();
const pathOf = (page: Page) => new URL(page.url()).pathname;

/**
 * Clicks a link that leads to another page, once the current one has settled (its
 * favicon fetched: leaving earlier would abort that request, which the watch counts).
 */
async function follow(page: Page, selector: string, to: (u: URL) => boolean) {
  await page.waitForLoadState('networkidle');
  await Promise.all([page.waitForURL(to), page.click(selector)]);
}

describe('a chapter page without JavaScript', () => {
  it.each(chapterList)('$url shows its title and every paragraph of its text', async ({ url: path }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page, problems }) => {
        await expect(page.locator('article h1').isVisible()).resolves.toBe(true);
        const paragraphs = await page.locator('article .prose p').evaluateAll((ps) => ps.map((p) => ({ visible: p.checkVisibility(), text: (p.textContent ?? '').trim().length > 0 })));
        expect(paragraphs.length).toBeGreaterThan(0);
        expect(paragraphs.filter((p) => !p.visible || !p.text)).toEqual([]);
        expect(problems).toEqual([]);
      },
      NO_JS,
    );
  });

  it.each(chapterList)(
    '$url links each footnote marker to its footnote in the list, and the footnote back to the marker',
    async ({ url: path }) => {
      await withPage(
        chromium.browser,
        path,
        async ({ page }) => {
          const markers = await page.locator('article a.fn-ref').evaluateAll((as) => as.map((a) => ({ n: (a as HTMLElement).dataset.fn, href: a.getAttribute('href') })));
          for (const m of markers) expect(m.href).toBe(`#fn-${m.n}`);
          if (markers.length === 0) return;
          const first = markers[0].n;
          await page.click(`#fnref-${first}`);
          await expect.poll(() => page.url(), SOON).toBe(url(`${path}#fn-${first}`));
          expect(await page.locator(`#fn-${first}`).evaluate((el) => el.matches(':target') && !!el.closest('section.footnotes'))).toBe(true);
          await expect.poll(() => inViewport(page, `#fn-${first}`), SOON).toBe(true);
          await page.click(`#fn-${first} a.back`);
          await expect.poll(() => page.url(), SOON).toBe(url(`${path}#fnref-${first}`));
          await expect.poll(() => inViewport(page, `#fnref-${first}`), SOON).toBe(true);
        },
        NO_JS,
      );
    },
  );

  it.each([
    { device: 'a phone', viewport: { width: 390, height: 844 }, folded: true },
    { device: 'a desktop', viewport: { width: 1280, height: 800 }, folded: false },
  ])('shows its contents, "Trong chương này", on $device (folded: $folded) and jumps to the section the reader picks', async ({ viewport, folded }) => {
    const path = '/phan-thu-hai/3-nhiem-vu-giai-phap/';
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        const toc = page.locator('nav.toc');
        const link = toc.locator('ol a').nth(3);
        expect(await link.isVisible()).toBe(!folded);
        if (folded) {
          await toc.locator('summary').click();
          expect(await link.isVisible()).toBe(true);
        }
        const hash = (await link.getAttribute('href'))!;
        await link.click();
        await expect.poll(() => new URL(page.url()).hash, SOON).toBe(hash);
        expect(await page.locator(hash).evaluate((el) => el.matches(':target'))).toBe(true);
        await expect.poll(() => inViewport(page, hash), SOON).toBe(true);
      },
      { ...NO_JS, viewport },
    );
  });
});

describe('"Chương sau" and "Chương trước", without JavaScript', () => {
  it('walk the whole report, chapter by chapter, forwards and back', async () => {
    await withPage(
      chromium.browser,
      chapterList[0].url,
      async ({ page, problems }) => {
        const forwards = [pathOf(page)];
        while ((await page.locator('nav.pager a[rel="next"]').count()) > 0) {
          await follow(page, 'nav.pager a[rel="next"]', (u) => u.pathname !== forwards.at(-1));
          forwards.push(pathOf(page));
        }
        expect(forwards).toEqual(chapterList.map((c) => c.url));
        const backwards = [pathOf(page)];
        while ((await page.locator('nav.pager a[rel="prev"]').count()) > 0) {
          await follow(page, 'nav.pager a[rel="prev"]', (u) => u.pathname !== backwards.at(-1));
          backwards.push(pathOf(page));
        }
        expect(backwards).toEqual(chapterList.map((c) => c.url).reverse());
        expect(problems).toEqual([]);
      },
      NO_JS,
    );
  });
});

describe('the home page without JavaScript', () => {
  it.each(chapterList)('opens $url from its contents', async ({ url: path }) => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page, problems }) => {
        await follow(page, `nav.contents a[href="${path}"] >> nth=0`, (u) => u.pathname === path);
        expect(pathOf(page)).toBe(path);
        await expect(page.locator('article h1').isVisible()).resolves.toBe(true);
        expect(problems).toEqual([]);
      },
      NO_JS,
    );
  });

  it('reaches its contents from the header link "Mục lục" of a chapter', async () => {
    await withPage(
      chromium.browser,
      chapterList[3].url,
      async ({ page }) => {
        await follow(page, `.site-header nav a:text-is("${t('site.nav.contents')}")`, (u) => u.href === url('/#muc-luc'));
        await expect.poll(() => inViewport(page, '#muc-luc'), SOON).toBe(true);
      },
      NO_JS,
    );
  });

  it('sends a query typed in the header search box to the search page', async () => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page }) => {
        await page.fill('#site-search-q', 'xi măng');
        await Promise.all([page.waitForURL((u) => u.pathname === SEARCH_PATH), page.press('#site-search-q', 'Enter')]);
        expect(new URL(page.url()).searchParams.get('q')).toBe('xi măng');
      },
      NO_JS,
    );
  });
});

describe('the 404 page', () => {
  it('answers a missing address in Vietnamese, saying that the page was not found', async () => {
    await withPage(
      chromium.browser,
      MISSING_PATH,
      async ({ page, status }) => {
        expect(status).toBe(404);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
        expect((await page.locator('h1').innerText()).trim()).toBe(t('notFound.title'));
      },
      NO_JS,
    );
  });

  it.each([
    { name: 'the contents', text: t('site.nav.contents'), href: '/#muc-luc', lands: '/' },
    { name: 'the search', text: t('notFound.search'), href: SEARCH_PATH, lands: SEARCH_PATH },
  ])('links to $name, and the link works without JavaScript', async ({ text, href, lands }) => {
    await withPage(
      chromium.browser,
      MISSING_PATH,
      async ({ page }) => {
        const link = page.locator(`main a[href="${href}"]`);
        expect((await link.innerText()).trim()).toBe(text);
        const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === lands), link.click()]);
        expect(response.status()).toBe(200);
        expect(pathOf(page)).toBe(lands);
      },
      NO_JS,
    );
  });
});
