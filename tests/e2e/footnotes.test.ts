/**
 * Footnotes in Chromium: a marker opens its footnote in place (popover) with the
 * text of content/footnotes.yaml, closes by Esc or its button with focus back on the
 * marker; without JavaScript the marker is a link into the chapter's footnote list;
 * every chapter with markers ends with that list, in original numbering, with
 * back-links to the markers.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inViewport, SOON, url, useBrowser, withPage } from '../support/e2e';
import { chapters, footnotes } from '../support/site';

const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const N = 13;
const notes = footnotes();
const chromium = useBrowser();

/**
 * The site scrolls smoothly unless the reader asks for reduced motion; ask, so that jumps end at
 * once. Otherwise a desktop popover, anchored to its marker, is still moving with a smooth scroll
 * when the test clicks it, and the click lands on the paragraph behind (light dismiss).
 */
const NO_MOTION = { reducedMotion: 'reduce' } as const;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/gu, ' ').trim();

/** Whether the footnote's popover is open, and its text. */
function popover(page: Page, n = N) {
  return page.locator(`#fn-pop-${n}`).evaluate((el) => ({
    open: el.matches(':popover-open'),
    visible: el.checkVisibility(),
    text: el.querySelector('.fn-pop-text')?.textContent ?? '',
  }));
}

/** Id of the focused element, or of the popover that holds it. */
function focusedId(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('.fn-pop')?.id ?? active?.id ?? '';
  });
}

describe('a footnote marker, with JavaScript', () => {
  it(`opens footnote ${N} in a popover when clicked, with the text of content/footnotes.yaml, and stays on the page`, async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      // The page holds the footnote's text once, in its list: the pop-up is made from it when asked for.
      expect(await page.locator(`#fn-pop-${N}`).count()).toBe(0);
      expect(squash(await page.locator(`#fn-${N} .text`).textContent())).toBe(notes.get(N));
      await page.click(`a.fn-ref#fnref-${N}`);
      const pop = await popover(page);
      expect(pop.open).toBe(true);
      expect(pop.visible).toBe(true);
      expect(squash(pop.text)).toBe(`${N} ${notes.get(N)}`);
      expect(await page.getAttribute(`#fnref-${N}`, 'aria-expanded')).toBe('true');
      expect(page.url()).toBe(url(CHAPTER));
    }, NO_MOTION);
  });

  it('closes on Escape and gives focus back to the marker', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.click(`#fnref-${N}`);
      expect((await popover(page)).open).toBe(true);
      await page.keyboard.press('Escape');
      expect((await popover(page)).open).toBe(false);
      // The site updates the marker on the popover's toggle event, which comes after the key press.
      await expect.poll(() => focusedId(page), SOON).toBe(`fnref-${N}`);
      await expect.poll(() => page.getAttribute(`#fnref-${N}`, 'aria-expanded'), SOON).toBe('false');
    }, NO_MOTION);
  });

  it('opens from the keyboard (focus the marker, press Enter) and moves focus into the popover', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.focus(`#fnref-${N}`);
      await page.keyboard.press('Enter');
      expect((await popover(page)).open).toBe(true);
      expect(await focusedId(page)).toBe(`fn-pop-${N}`);
    }, NO_MOTION);
  });

  it('closes with its close button and gives focus back to the marker', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.focus(`#fnref-${N}`);
      await page.keyboard.press('Enter');
      await page.click(`#fn-pop-${N} button.fn-pop-close`);
      expect((await popover(page)).open).toBe(false);
      await expect.poll(() => focusedId(page), SOON).toBe(`fnref-${N}`);
    }, NO_MOTION);
  });

  it("leads from the popover to the footnote in the chapter's list", async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.click(`#fnref-${N}`);
      await page.click(`#fn-pop-${N} a[href="#fn-${N}"]`);
      expect((await popover(page)).open).toBe(false);
      await expect.poll(() => page.evaluate(() => location.hash), SOON).toBe(`#fn-${N}`);
      expect(await page.locator(`#fn-${N}`).evaluate((el) => el.matches(':target'))).toBe(true);
    }, NO_MOTION);
  });
});

describe('a footnote marker, without JavaScript', () => {
  it(`is a link that takes the reader to footnote ${N} in the chapter's footnote list`, async () => {
    await withPage(
      chromium.browser,
      CHAPTER,
      async ({ page, problems }) => {
        await page.click(`#fnref-${N}`);
        await expect.poll(() => page.url(), SOON).toBe(url(`${CHAPTER}#fn-${N}`));
        const item = await page.locator(`#fn-${N}`).evaluate((el) => ({ target: el.matches(':target'), list: !!el.closest('section.footnotes') }));
        expect(item).toEqual({ target: true, list: true });
        await expect.poll(() => inViewport(page, `#fn-${N}`), SOON).toBe(true);
        expect(squash(await page.locator(`#fn-${N} .text`).textContent())).toBe(notes.get(N));
        // No second copy of the text: without JavaScript there is no pop-up at all.
        expect(await page.locator(`#fn-pop-${N}`).count()).toBe(0);
        expect(await page.locator('.fn-pop').count()).toBe(0);
        expect(problems).toEqual([]);
      },
      { javaScriptEnabled: false, ...NO_MOTION },
    );
  });
});

/** The markers of a chapter page and its footnote list, as the page has them. */
function footnoteParts(page: Page) {
  return page.evaluate(() => {
    const article = document.querySelector('article');
    const list = article?.querySelector('section.footnotes') ?? null;
    return {
      markers: [...(article?.querySelectorAll<HTMLAnchorElement>('a.fn-ref') ?? [])].map((a) => ({ n: Number(a.dataset.fn), id: a.id, href: a.getAttribute('href') })),
      listIsLast: !!list && article?.lastElementChild === list,
      items: [...(list?.querySelectorAll<HTMLLIElement>('ol > li') ?? [])].map((li) => {
        const back = li.querySelector<HTMLAnchorElement>('a.back');
        const target = back ? document.getElementById(back.hash.slice(1)) : null;
        return {
          id: li.id,
          value: li.value,
          number: li.querySelector('.num')?.textContent?.trim(),
          text: li.querySelector('.text')?.textContent ?? '',
          back: back?.getAttribute('href'),
          backTo: target?.matches('a.fn-ref') ? Number((target as HTMLElement).dataset.fn) : null,
        };
      }),
    };
  });
}

describe("each chapter's footnote list", () => {
  const all = chapters();

  it.each(all.map((c) => ({ url: c.url })))(
    '$url ends with a list of the footnotes its markers reference, in order, with their text and back-links that resolve',
    async ({ url: path }) => {
      await withPage(chromium.browser, path, async ({ page }) => {
        const { markers, listIsLast, items } = await footnoteParts(page);
        for (const m of markers) expect(m).toEqual({ n: m.n, id: `fnref-${m.n}`, href: `#fn-${m.n}` });
        if (markers.length === 0) {
          expect(items).toEqual([]);
          return;
        }
        expect(listIsLast).toBe(true);
        expect(items.map((i) => i.id)).toEqual(markers.map((m) => `fn-${m.n}`));
        for (const [k, item] of items.entries()) {
          const n = markers[k].n;
          expect({ ...item, text: squash(item.text) }).toEqual({
            id: `fn-${n}`,
            value: n,
            number: `${n}.`,
            text: notes.get(n),
            back: `#fnref-${n}`,
            backTo: n,
          });
        }
      });
    },
  );

  // The source's "2. Lĩnh vực xã hội" carries markers 32–57 (its 2.5 holds 54–57); "3. Lĩnh vực nội chính" starts at 58.
  it('keeps the original numbers: /phan-thu-nhat/i-2-linh-vuc-xa-hoi/ lists footnotes 32 to 57 in order', async () => {
    await withPage(chromium.browser, '/phan-thu-nhat/i-2-linh-vuc-xa-hoi/', async ({ page }) => {
      const { items } = await footnoteParts(page);
      expect(items.map((i) => i.value)).toEqual(Array.from({ length: 26 }, (_, i) => 32 + i));
    });
  });

  it('together with the other chapters, lists each of the 66 footnotes once, in reading order', async () => {
    const numbers: number[] = [];
    for (const c of all) {
      await withPage(chromium.browser, c.url, async ({ page }) => {
        numbers.push(...(await footnoteParts(page)).items.map((i) => i.value));
      });
    }
    expect(numbers).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });

  it('has back-links that take the reader to the marker in the text', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page }) => {
      await page.click(`#fn-${N} a.back`);
      await expect.poll(() => page.evaluate(() => location.hash), SOON).toBe(`#fnref-${N}`);
      expect(await page.locator(`#fnref-${N}`).evaluate((el) => el.matches(':target'))).toBe(true);
      await expect.poll(() => inViewport(page, `#fnref-${N}`), SOON).toBe(true);
    }, NO_MOTION);
  });
});
