/**
 * axe-core's WCAG 2.0/2.1/2.2 A and AA rules on every page of the built site, at the
 * narrowest phone width, a common phone width and a desktop width, and on a chapter with a footnote popover open.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, useBrowser, withPage } from '../support/e2e';
import { pagesToVisit } from '../support/site';

const WIDTHS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const cases = pagesToVisit().flatMap((p) => WIDTHS.map((viewport) => ({ ...p, viewport, width: viewport.width })));
const chromium = useBrowser();

describe('every page, checked by axe-core against WCAG 2.2 A and AA', () => {
  it.each(cases)('$name at $width px has no violations', async ({ path, viewport }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const violations = await axeViolations(page);
        expect(describeViolations(violations), `axe-core violations on ${path} at ${viewport.width}px`).toBe('');
      },
      { viewport },
    );
  });
});

describe('a chapter page with a footnote popover open, checked by axe-core against WCAG 2.2 A and AA', () => {
  it.each(WIDTHS.map((viewport) => ({ viewport, width: viewport.width })))('at $width px has no violations', async ({ viewport }) => {
    const path = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        await page.click('#fnref-13');
        expect(await page.locator('#fn-pop-13').evaluate((el) => el.matches(':popover-open'))).toBe(true);
        const violations = await axeViolations(page);
        expect(describeViolations(violations), `axe-core violations with footnote 13 open at ${viewport.width}px`).toBe('');
      },
      { viewport },
    );
  });
});
