/**
 * Reading in the session hall (issue 13): the phone header and drawers, the current section
 * in the contents, "Lên đầu trang", the reading settings (before first paint, remembered,
 * print always light, axe clean in every theme), the home page's folding, the indexes of
 * the long pages, sharing a paragraph, and footnote popovers that leave the sentence visible.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/vi';
import { FAVICON_PATH, FAVICON_SIZE } from '../../src/offline/app';
import { axeViolations, describeViolations, inViewport, SOON, useBrowser, withPage } from '../support/e2e';
import { startTags } from '../support/html';
import { builtPages, DIST, pagesToVisit } from '../support/site';

const chromium = useBrowser();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const THEMES = ['light', 'dark', 'sepia'] as const;

/** A context option that stores a theme before the page's own scripts run. */
const withTheme = async (page: Page, theme: string) => {
  await page.evaluate((th) => localStorage.setItem('reading.theme', th), theme);
  await page.reload();
};

describe('the phone header', () => {
  it('is one sticky bar of at most 72 px while reading a chapter, at 390 px', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page, problems }) => {
        await page.evaluate(() => window.scrollTo(0, 6000));
        await expect.poll(() => page.evaluate(() => window.scrollY), SOON).toBeGreaterThan(5000);
        const box = await page.locator('.site-header').boundingBox();
        expect(box!.y).toBe(0);
        expect(box!.height).toBeLessThanOrEqual(72);
        for (const name of [t('site.searchButton'), t('site.tocButton'), t('site.menu')]) {
          expect(await page.locator('.site-header').getByRole(name === t('site.searchButton') ? 'link' : 'button', { name }).isVisible(), name).toBe(true);
        }
        expect(await page.locator('.site-header nav').isVisible()).toBe(false);
        expect(problems).toEqual([]);
      },
      { viewport: PHONE },
    );
  });

  it('opens the chapter contents as a drawer by keyboard, the current section marked and focused, and gives focus back on Escape', async () => {
    await withPage(
      chromium.browser,
      `${CHAPTER}#p1-i-1-3`,
      async ({ page }) => {
        await expect.poll(() => page.locator('#chapter-toc a[aria-current="location"]').getAttribute('href'), SOON).toBe('#p1-i-1-3');
        const button = page.getByRole('button', { name: t('site.tocButton') });
        await button.focus();
        await page.keyboard.press('Enter');
        const drawer = page.getByRole('dialog', { name: t('chapter.toc') });
        await expect.poll(() => drawer.isVisible(), SOON).toBe(true);
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#p1-i-1-3');
        // Focus stays in the modal drawer.
        for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => Boolean(document.activeElement?.closest('#drawer-toc')))).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => drawer.isVisible(), SOON).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-drawer'))).toBe('drawer-toc');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        // The contents went back to their place.
        expect(await page.locator('aside.sidebar #chapter-toc').count()).toBe(1);
      },
      { viewport: PHONE },
    );
  });

  it('follows a link of the contents drawer, closing it', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page }) => {
        await page.getByRole('button', { name: t('site.tocButton') }).click();
        await page.locator('#drawer-toc a[href="#p1-i-1-8"]').click();
        await expect.poll(() => page.evaluate(() => location.hash), SOON).toBe('#p1-i-1-8');
        expect(await page.locator('#drawer-toc').isVisible()).toBe(false);
        expect(await inViewport(page, '#p1-i-1-8')).toBe(true);
        // Not hidden under the sticky bar.
        const heading = await page.locator('#p1-i-1-8').boundingBox();
        expect(heading!.y).toBeGreaterThanOrEqual(60);
      },
      { viewport: PHONE, reducedMotion: 'reduce' },
    );
  });

  it('keeps the full menu, the search box and the settings behind the menu button', async () => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page }) => {
        await page.getByRole('button', { name: t('site.menu') }).click();
        const menu = page.getByRole('dialog', { name: t('site.menuTitle') });
        await expect.poll(() => menu.isVisible(), SOON).toBe(true);
        for (const name of [t('site.nav.footnotes'), t('site.nav.figures'), t('site.nav.abbreviations')]) expect(await menu.getByRole('link', { name }).isVisible()).toBe(true);
        expect(await menu.getByRole('combobox').isVisible()).toBe(true);
        await menu.getByRole('button', { name: t('site.drawerClose') }).click();
        await expect.poll(() => menu.isVisible(), SOON).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-drawer'))).toBe('drawer-menu');
      },
      { viewport: PHONE },
    );
  });

  it('shows "Lên đầu trang" only after the first screens, and it goes back to the top', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page }) => {
        const toTop = page.getByRole('button', { name: t('site.toTop') });
        expect(await toTop.isVisible()).toBe(false);
        await page.evaluate(() => window.scrollTo(0, innerHeight * 3));
        await expect.poll(() => toTop.isVisible(), SOON).toBe(true);
        await toTop.click();
        await expect.poll(() => page.evaluate(() => window.scrollY), SOON).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      },
      { viewport: PHONE, reducedMotion: 'reduce' },
    );
  });
});

describe('on a desktop', () => {
  it('marks the current section in the sidebar contents as the reader scrolls', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page }) => {
        expect(await page.locator('aside.sidebar #chapter-toc').isVisible()).toBe(true);
        for (const id of ['p1-i-1-5', 'p1-i-1-8']) {
          await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await expect.poll(() => page.locator('#chapter-toc a[aria-current="location"]').getAttribute('href'), SOON).toBe(`#${id}`);
        }
        expect(await page.locator('#chapter-toc a[aria-current]').count()).toBe(1);
      },
      { viewport: DESKTOP, reducedMotion: 'reduce' },
    );
  });
});

describe('no page scrolls sideways', () => {
  it.each(pagesToVisit())('$name at 320 px', async ({ path }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      },
      { viewport: { width: 320, height: 640 } },
    );
  });
});

describe('every page', () => {
  it.each(builtPages())('$path has a description and og:title, og:description, og:type and og:locale vi_VN', ({ file }) => {
    const metas = startTags(readFileSync(file, 'utf8')).filter((tag) => tag.name === 'meta');
    const content = (attr: string, value: string) => metas.find((m) => m.attrs[attr] === value)?.attrs.content ?? '';
    expect(content('name', 'description').length).toBeGreaterThan(20);
    expect(content('property', 'og:title')).not.toBe('');
    expect(content('property', 'og:description')).toBe(content('name', 'description'));
    expect(['article', 'website']).toContain(content('property', 'og:type'));
    expect(content('property', 'og:locale')).toBe('vi_VN');
  });

  it.each(builtPages())('$path has one tab icon, the 32 px PNG, not an SVG (Chromium decodes it again at each change of the URL)', ({ file }) => {
    const icons = startTags(readFileSync(file, 'utf8')).filter((tag) => tag.name === 'link' && tag.attrs.rel === 'icon');
    expect(icons.map((i) => [i.attrs.href, i.attrs.type, i.attrs.sizes])).toEqual([[FAVICON_PATH, 'image/png', `${FAVICON_SIZE}x${FAVICON_SIZE}`]]);
  });

  it('draws the tab icon from public/favicon.svg, 32 px square', () => {
    const png = readFileSync(join(DIST, FAVICON_PATH));
    // PNG signature, then the IHDR chunk: width and height, big-endian.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([FAVICON_SIZE, FAVICON_SIZE]);
  });

  it("gives a chapter its first sentence as description, and og:type article", () => {
    const html = readFileSync(builtPages().find((p) => p.path === '/phan-thu-nhat/ii-danh-gia-chung/')!.file, 'utf8');
    const metas = startTags(html).filter((tag) => tag.name === 'meta');
    expect(metas.find((m) => m.attrs.name === 'description')?.attrs.content).toMatch(/^Năm 2023, với sự chỉ đạo chặt chẽ/u);
    expect(metas.find((m) => m.attrs.property === 'og:type')?.attrs.content).toBe('article');
  });
});

describe('reading settings', () => {
  it('apply a saved theme, size and spacing before the body is parsed (no flash), and stay after a reload', async () => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page }) => {
        await page.getByRole('button', { name: t('reading.button') }).click();
        const dialog = page.getByRole('dialog', { name: t('reading.title') });
        await dialog.getByRole('radio', { name: t('reading.theme.dark') }).check();
        await dialog.getByRole('radio', { name: t('reading.size.3') }).check();
        await dialog.getByRole('radio', { name: t('reading.leading.wide') }).check();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        await page.addInitScript(() => {
          new MutationObserver((_, observer) => {
            if (!document.body) return;
            (window as unknown as { atBody: unknown }).atBody = { ...document.documentElement.dataset };
            observer.disconnect();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(page.url().replace(/\/$/u, '/so-lieu/'));
        expect(await page.evaluate(() => (window as unknown as { atBody: unknown }).atBody)).toEqual({ theme: 'dark', textSize: '3', leading: 'wide' });
        const main = await page.locator('main').evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), bg: getComputedStyle(document.documentElement).backgroundColor }));
        expect(main.size).toBeGreaterThan(24);
        expect(main.bg).toBe('rgb(21, 23, 27)');
        await page.emulateMedia({ media: 'print' });
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-bg').trim())).toBe('#fff');
      },
      { viewport: DESKTOP },
    );
  });

  it('follow the device when no theme is chosen', async () => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page }) => {
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 23, 27)');
      },
      { viewport: DESKTOP, colorScheme: 'dark' },
    );
  });

  it('keep charts drawn on a light card in the dark theme', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page }) => {
        await withTheme(page, 'dark');
        await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
        await page.locator('figure.chart[data-state="drawn"]').first().waitFor({ state: 'attached' });
        expect(await page.locator('figure.chart canvas').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
      },
      { viewport: DESKTOP },
    );
  });

  /** A page of each kind: home, a chapter with charts and related links, charts and tables, an index, search results. Every page is checked in the light theme by accessibility.test.ts. */
  const AXE_PAGES = ['/', CHAPTER, '/so-lieu/', '/chu-viet-tat/', '/tim-kiem/?q=dau%20tu'];
  const axeCases = THEMES.flatMap((theme) => [PHONE, DESKTOP].flatMap((viewport) => AXE_PAGES.map((path) => ({ theme, path, viewport, width: viewport.width }))));
  it.each(axeCases)('pass axe in the $theme theme: $path at $width px', async ({ theme, path, viewport }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        await withTheme(page, theme);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        expect(describeViolations(await axeViolations(page)), `${theme} ${path} ${viewport.width}px`).toBe('');
      },
      { viewport },
    );
  });

  it.each(THEMES.flatMap((theme) => [PHONE, DESKTOP].map((viewport) => ({ theme, viewport, width: viewport.width }))))(
    'pass axe in the $theme theme with a drawer open at $width px',
    async ({ theme, viewport }) => {
      await withPage(
        chromium.browser,
        CHAPTER,
        async ({ page }) => {
          await withTheme(page, theme);
          await page.locator(viewport === PHONE ? '[data-drawer="drawer-toc"]' : '.settings-button').click();
          await page.locator('dialog.drawer[open]').waitFor();
          expect(describeViolations(await axeViolations(page))).toBe('');
        },
        { viewport },
      );
    },
  );
});

describe('the home page', () => {
  it('reaches Phần thứ hai within two screens on a phone, each Part foldable', async () => {
    await withPage(
      chromium.browser,
      '/',
      async ({ page }) => {
        const top = await page.locator('#muc-luc-phan-thu-hai').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        expect(top).toBeLessThan(2 * PHONE.height);
        const part = page.locator('details.part').first();
        expect(await part.getAttribute('open')).not.toBeNull();
        await part.locator('summary').first().click();
        expect(await part.getAttribute('open')).toBeNull();
        expect(await page.getByRole('link', { name: 'Phần thứ hai' }).getAttribute('href')).toBe('#muc-luc-phan-thu-hai');
      },
      { viewport: PHONE },
    );
  });

  it('shows whole first sentences: 3.4 and its "(3)" task on public investment', async () => {
    await withPage(chromium.browser, '/', async ({ page }) => {
      const texts = await page.locator('.items a').allTextContents();
      expect(texts.filter((s) => s.trim().endsWith('…'))).toEqual([]);
      const item34 = texts.find((s) => s.trim().startsWith('3.4 '));
      expect(item34?.trim()).toMatch(/Đảm bảo các cân đối lớn .* chính sách tài khóa với chính sách tiền tệ .* phát triển\.$/u);
      expect(texts.some((s) => s.trim().startsWith('3.4 (3)') && s.includes('đầu tư công'))).toBe(true);
    });
  });
});

describe('the indexes of the long pages', () => {
  const check = async (path: string, selector: string, count: (page: Page) => Promise<number>) => {
    await withPage(chromium.browser, path, async ({ page }) => {
      const hrefs = await page.locator(`${selector} a`).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash));
      expect(hrefs.length).toBe(await count(page));
      for (const hash of hrefs) expect(await page.locator(`[id="${decodeURIComponent(hash.slice(1))}"]`).count(), hash).toBe(1);
    });
  };
  it('/chu-thich/ jumps to each of the 66 footnote numbers', () => check('/chu-thich/', 'nav[aria-labelledby="den-chu-thich"]', async () => 66));
  it('/chu-viet-tat/ has an A–Z of the initial letters', () =>
    check('/chu-viet-tat/', 'nav[aria-labelledby="tra-theo-chu-cai"]', async (page) =>
      page.locator('tr[data-abbr]').evaluateAll((rows) => new Set(rows.map((r) => (r as HTMLElement).dataset.abbr!.charAt(0).toLocaleUpperCase('vi'))).size),
    ));
  it('/so-lieu/ lists its charts', () => check('/so-lieu/', 'nav[aria-labelledby="danh-sach-bieu-do"]', async (page) => page.locator('figure.chart').count()));
});

describe("a paragraph's link", () => {
  it('copies on a desktop, labelled "Sao chép liên kết" on hover', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const link = page.locator('#p1-i-1-1-d1 a.permalink');
        await link.hover();
        expect(await link.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(`"${t('share.copy')}"`);
        await link.click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), SOON).toMatch(/#p1-i-1-1-d1$/u);
      },
      { viewport: DESKTOP },
    );
  });

  it('opens the share sheet ("Chia sẻ") on a phone', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page, context }) => {
        // The Web Share API, recorded: the browser's own sheet cannot be driven by a test.
        await context.addInitScript(() => {
          const shared: unknown[] = [];
          (window as unknown as { shared: unknown[] }).shared = shared;
          Object.defineProperty(navigator, 'share', { value: async (data: unknown) => void shared.push(data), configurable: true });
        });
        await page.reload();
        const link = page.locator('#p1-i-1-1-d1 a.permalink');
        await link.focus();
        expect(await link.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(`"${t('share.share')}"`);
        await link.click();
        await expect.poll(() => page.evaluate(() => (window as unknown as { shared: { url: string }[] }).shared.map((s) => s.url)), SOON).toEqual([expect.stringMatching(/#p1-i-1-1-d1$/u)]);
      },
      {
        viewport: PHONE,
        hasTouch: true,
        isMobile: true,
      },
    );
  });
});

describe('footnote popovers', () => {
  it.each([7, 13, 29])('on a desktop, footnote %i does not cover the sentence it explains', async (n) => {
    await withPage(
      chromium.browser,
      '/phan-thu-nhat/i-1-linh-vuc-kinh-te/',
      async ({ page }) => {
        await page.locator(`#fnref-${n}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.click(`#fnref-${n}`);
        await expect.poll(() => page.locator(`#fn-pop-${n}`).evaluate((el) => el.matches(':popover-open')), SOON).toBe(true);
        // The card is placed within a frame or two of opening (its code loads on first use).
        const overlap = (num: number) => page.evaluate((num) => {
          const ref = document.getElementById(`fnref-${num}`)!;
          const pop = document.getElementById(`fn-pop-${num}`)!.getBoundingClientRect();
          const block = ref.closest('p, li')!;
          // The sentence: from the last ". " or "; " before the marker to the first "." after it.
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
            acceptNode: (node) => (node.parentElement?.closest('.fn-pop, .permalink, .fn') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
          });
          const texts: Text[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
          // Two ranges around the marker and its popover (which sits right after it).
          const head = document.createRange();
          head.setStartBefore(block.firstChild!);
          head.setEndBefore(ref.closest('.fn')!);
          const tail = document.createRange();
          tail.setStartAfter(document.getElementById(`fn-pop-${num}`)!);
          tail.setEndAfter(block.lastChild!);
          for (const node of texts.filter((x) => ref.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_PRECEDING)) {
            const at = Math.max(node.data.lastIndexOf('. '), node.data.lastIndexOf('; '));
            if (at >= 0) head.setStart(node, at + 2);
          }
          for (const node of texts.filter((x) => ref.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING)) {
            const m = /[.;!?](?=\s|$)/u.exec(node.data);
            if (m) {
              tail.setEnd(node, m.index + 1);
              break;
            }
          }
          const lines = [...head.getClientRects(), ...tail.getClientRects(), ref.getBoundingClientRect()];
          return lines.filter((r) => r.left < pop.right && r.right > pop.left && r.top < pop.bottom && r.bottom > pop.top).length;
        }, num);
        await expect.poll(() => overlap(n), SOON).toBe(0);
        expect(await page.locator(`#fn-pop-${n}`).evaluate((el) => el.style.getPropertyValue('--fn-top') !== '' || el.style.getPropertyValue('--fn-bottom') !== '')).toBe(true);
      },
      { viewport: DESKTOP, reducedMotion: 'reduce' },
    );
  });

  it('on a phone, a long footnote scrolls inside the sheet while "Đóng" stays in view', async () => {
    await withPage(
      chromium.browser,
      '/phan-thu-nhat/i-1-linh-vuc-kinh-te/',
      async ({ page }) => {
        await page.click('#fnref-29');
        const pop = page.locator('#fn-pop-29');
        await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open')), SOON).toBe(true);
        const text = pop.locator('.fn-pop-text');
        expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
        const close = pop.getByRole('button', { name: t('fn.close') });
        expect(await inViewport(page, '#fn-pop-29 .fn-pop-close')).toBe(true);
        await text.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        expect(await inViewport(page, '#fn-pop-29 .fn-pop-close')).toBe(true);
        await close.click();
        await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open')), SOON).toBe(false);
      },
      { viewport: { width: 390, height: 664 } },
    );
  });
});
