/**
 * Permalinks in Chromium: a URL with a paragraph's id scrolls to it and highlights it,
 * ids follow the report's numbering without clashing across sections, and a
 * paragraph's link icon copies its URL and moves the address to it.
 */
import { describe, expect, it } from 'vitest';
import { inViewport, SOON, url, useBrowser, withPage } from '../support/e2e';

const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const ID = 'p1-i-1-5-1';
/** The site scrolls smoothly unless the reader asks for reduced motion; ask, so that jumps end at once. */
const NO_MOTION = { reducedMotion: 'reduce' } as const;
const chromium = useBrowser();

describe('a permalink URL', () => {
  it(`${CHAPTER}#${ID} scrolls its paragraph into view, makes it the :target and highlights it`, async () => {
    await withPage(
      chromium.browser,
      `${CHAPTER}#${ID}`,
      async ({ page, problems }) => {
        await expect.poll(() => inViewport(page, `#${ID}`), SOON).toBe(true);
        const state = await page.locator(`#${ID}`).evaluate((el) => ({
          tag: el.tagName,
          target: el.matches(':target'),
          starts: el.textContent?.trim().slice(0, 6),
          background: getComputedStyle(el).backgroundColor,
          page: getComputedStyle(document.documentElement).backgroundColor,
        }));
        expect(state).toMatchObject({ tag: 'P', target: true, starts: '1.5.1.' });
        expect(state.background, 'highlight colour').not.toBe(state.page);
        expect(state.background, 'highlight colour').not.toBe('rgba(0, 0, 0, 0)');
        expect(problems).toEqual([]);
      },
      NO_MOTION,
    );
  });

  it('highlights no other paragraph or heading', async () => {
    await withPage(chromium.browser, `${CHAPTER}#${ID}`, async ({ page }) => {
      const highlighted = await page.evaluate(() =>
        [...document.querySelectorAll('.prose :is(p, h2, h3, h4, h5, h6)[id]')]
          .filter((el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)')
          .map((el) => el.id),
      );
      expect(highlighted).toEqual([ID]);
    });
  });
});

describe('permalink ids', () => {
  it('p1-i-2-3 (Phần thứ nhất › I › 2.3) and p1-ii-2-3 (Phần thứ nhất › II › 2.3) both exist, each once, on their own pages, and are different passages', async () => {
    const found: Record<string, { here: number; other: number; text: string }> = {};
    const cases = [
      { path: '/phan-thu-nhat/i-2-linh-vuc-xa-hoi/', id: 'p1-i-2-3', other: 'p1-ii-2-3' },
      { path: '/phan-thu-nhat/ii-danh-gia-chung/', id: 'p1-ii-2-3', other: 'p1-i-2-3' },
    ];
    for (const c of cases) {
      await withPage(chromium.browser, c.path, async ({ page }) => {
        found[c.id] = await page.evaluate(
          ({ id, other }) => ({
            here: document.querySelectorAll(`[id="${id}"]`).length,
            other: document.querySelectorAll(`[id="${other}"]`).length,
            text: document.getElementById(id)?.textContent?.trim() ?? '',
          }),
          c,
        );
      });
    }
    expect(found['p1-i-2-3']).toMatchObject({ here: 1, other: 0 });
    expect(found['p1-ii-2-3']).toMatchObject({ here: 1, other: 0 });
    expect(found['p1-i-2-3'].text).toMatch(/^2\.3\./u);
    expect(found['p1-ii-2-3'].text).toMatch(/^2\.3\./u);
    expect(found['p1-i-2-3'].text).not.toBe(found['p1-ii-2-3'].text);
  });
});

describe("a paragraph's link icon", () => {
  it('copies the paragraph URL to the clipboard, moves the address to it, and says so', async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page, context, problems }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
        await page.click(`#${ID} a.permalink`);
        expect(await page.evaluate(() => location.hash)).toBe(`#${ID}`);
        expect(page.url()).toBe(url(`${CHAPTER}#${ID}`));
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), SOON).toBe(url(`${CHAPTER}#${ID}`));
        await expect.poll(() => page.locator('.permalink-status').textContent(), SOON).toBe('Đã sao chép liên kết');
        expect(await page.locator(`#${ID}`).evaluate((el) => el.matches(':target'))).toBe(true);
        expect(problems).toEqual([]);
      },
      NO_MOTION,
    );
  });
});
