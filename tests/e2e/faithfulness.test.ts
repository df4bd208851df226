/**
 * Rendered faithfulness: the chapters' <article>s, as Chromium renders them, read in
 * order without what the site adds (every [data-pagefind-ignore] element: footnote
 * markers and popovers, permalink icons, the footnote list), give the source's body
 * words exactly, after the corrections of content/corrections.yaml.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser, withPage } from '../support/e2e';
import { chapters, corrections, correctedSourceWords, firstDifference, words } from '../support/site';

const chromium = useBrowser();

describe('content/corrections.yaml', () => {
  it('has entries that each match the source body text exactly once', () => {
    expect(corrections().length).toBeGreaterThan(0);
    expect(() => correctedSourceWords()).not.toThrow();
  });
});

describe('the chapters, rendered in Chromium and read in order', () => {
  it('give the source body word for word, apart from the listed corrections', async () => {
    const site: string[] = [];
    for (const chapter of chapters()) {
      await withPage(chromium.browser, chapter.url, async ({ page }) => {
        const text = await page.evaluate(() => {
          const articles = document.querySelectorAll('article');
          if (articles.length !== 1) throw new Error(`${location.pathname}: ${articles.length} <article> elements, not 1`);
          for (const el of articles[0].querySelectorAll('[data-pagefind-ignore]')) el.remove();
          return articles[0].innerText;
        });
        site.push(...words(text));
      });
    }
    const source = correctedSourceWords();
    expect(firstDifference(source, site), 'the site differs from the source').toBeNull();
    expect(site.length).toBe(source.length);
  });
});
