/**
 * Every page of the built site, opened in Chromium: it loads cleanly and only from the
 * site itself, it is marked as Vietnamese, it has one h1, and its skip link works.
 * Pages are discovered from dist/**.html; 404.html is reached through a missing URL.
 * An appendix that the report refers to and the source does not hold is said to be absent,
 * in the report's words, wherever the site lists what it holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser, withPage } from '../support/e2e';
import { readReport } from '../support/faithful';
import { DIST, pagesToVisit } from '../support/site';

const pages = pagesToVisit();
const chromium = useBrowser();

describe('every page of the built site', () => {
  it('includes the home page, the chapters, the footnote index, the corrections and the 404 page', () => {
    const names = pages.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['/', '/chu-thich/', '/dinh-chinh/', '/phan-thu-nhat/mo-dau/', '/phan-ket/', '404.html']));
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pages)('$name answers with its status and loads with no console error, failed request or request to another origin', async ({ path, status }) => {
    await withPage(chromium.browser, path, async ({ page, problems, status: actual }) => {
      // Web fonts load as the text is laid out; wait for them, so that a missing font counts.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(actual).toBe(status);
      expect(problems).toEqual([]);
    });
  });

  it.each(pages)('$name is marked as Vietnamese and has exactly one h1, which is not empty', async ({ path }) => {
    await withPage(chromium.browser, path, async ({ page }) => {
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect(await page.locator('h1').count()).toBe(1);
      expect((await page.locator('h1').innerText()).trim()).not.toBe('');
    });
  });

  it.each(pages)('$name starts with a skip link that is shown on focus and moves focus to the main content', async ({ path }) => {
    await withPage(chromium.browser, path, async ({ page }) => {
      // Tab from the top of the document, wherever a script has put focus (the search page focuses its box).
      await page.evaluate(() => {
        document.body.tabIndex = -1;
        document.body.focus();
      });
      await page.keyboard.press('Tab');
      await page.evaluate(() => document.body.removeAttribute('tabindex'));
      const link = await page.evaluate(() => {
        const a = document.activeElement as HTMLAnchorElement | null;
        const box = a?.getBoundingClientRect();
        return { tag: a?.tagName, hash: a?.hash, text: a?.textContent?.trim(), shown: !!box && box.top >= 0 && box.bottom <= innerHeight && box.width > 1 };
      });
      expect(link).toEqual({ tag: 'A', hash: '#noi-dung', text: 'Bỏ qua, đến nội dung chính', shown: true });

      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id }));
      expect(focused).toEqual({ tag: 'MAIN', id: 'noi-dung' });
    });
  });
});

describe('an appendix the report refers to and the source does not hold (content/report.yaml absentAppendix)', () => {
  const appendix = readReport().absentAppendix;
  const read = (file: string) => readFileSync(join(DIST, file), 'utf8');

  it('is in this edition\'s report.yaml, quoted from the report', () => {
    expect(appendix?.quote).toBeTruthy();
  });

  it.each(['index.html', 'in/index.html', 'ban-in/index.html'])('is named as absent in %s (the home page, the cover)', (file) => {
    expect(read(file)).toContain(`${appendix!.name} (${appendix!.about}) được báo cáo nhắc tới nhưng không có trong văn bản nguồn`);
  });

  it.each(['so-lieu/index.html', 'chi-tieu-2024/index.html', 'du-lieu/du-lieu.json'])('is quoted in the report\'s words in %s (the figures pages and the data set)', (file) => {
    expect(read(file)).toContain(`Báo cáo dẫn “${appendix!.quote}” về ${appendix!.about} năm`);
  });
});
