/**
 * The scrutiny tools in Chromium, against the built site:
 * - on each chapter page, the first use of each abbreviation is an <abbr> with its
 *   expansion, in the text or in the footnote where it is first used (popover and list);
 *   its tooltip shows on focus, a click or a tap, Escape hides it, it stays in the
 *   viewport, and assistive technology gets the expansion once;
 * - /chu-viet-tat/ lists every abbreviation with a link to where it is first used;
 * - /doi-chieu-so-lieu/ shows every relation, its numbers linked to their sentences, and
 *   whether it holds;
 * - both pages are in the navigation of every page, searchable, and pass axe.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { abbrPlan, chapterSegments, firstUses, placeLink } from '../../src/abbreviations/abbr';
import { evaluateAll, evaluationView } from '../../src/crosschecks/crosscheck';
import { sourceIndex } from '../../src/figures/figures';
import { content } from '../support/content';
import { axeViolations, describeViolations, useBrowser, withPage } from '../support/e2e';
import { readReport } from '../support/faithful';
import { builtPages } from '../support/site';
import { loadFigures, readChapterSources, readFootnotes } from '../unit/figures-data';

const chromium = useBrowser();
const abbreviations = content().abbreviations;
const report = readReport();
const chapters = readChapterSources();
const footnotes = readFootnotes();
const footnoteTexts = new Map(footnotes.map((f) => [f.n, f.text]));
const index = sourceIndex(chapters, footnotes);
const urlOf = (c: (typeof chapters)[number]) => `/${c.data.slug}/`;
const { figures, data } = loadFigures();
const evaluations = evaluateAll(content().crosschecks, figures);
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const I1 = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';

/** Every <abbr class="abbr"> of the page's article: its text, title, tabindex, and where it stands. */
function marks(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article abbr.abbr')].map((el) => ({
      text: el.textContent,
      title: el.getAttribute('title'),
      tabindex: el.getAttribute('tabindex'),
      where: el.closest('.fn-pop')?.id ?? el.closest('section.footnotes li')?.id ?? 'text',
    })),
  );
}

/** The ::after content of the focused element, "none" when it has none. */
const tooltip = (page: Page) => page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement, '::after').content : 'none'));

describe('the abbreviations on each chapter page', () => {
  it.each(chapters.map((c) => ({ url: urlOf(c), c })))('$url marks the first use of each abbreviation, in its text or in the footnote that uses it first', async ({ url, c }) => {
    const plan = abbrPlan(chapterSegments(c, footnoteTexts, report), abbreviations);
    const expected = [
      ...plan.text.map((a) => ({ text: a.abbr, title: a.expansion, tabindex: '0', where: 'text' })),
      ...[...plan.footnotes].flatMap(([n, list]) =>
        // Each footnote once, in the list; its pop-up is made from the list's item when opened (checked below).
        list.map((a) => ({ text: a.abbr, title: a.expansion, tabindex: '0', where: `fn-${n}` })),
      ),
    ];
    await withPage(chromium.browser, url, async ({ page, problems }) => {
      const found = await marks(page);
      const key = (m: { text: string | null; where: string }) => `${m.where} ${m.text}`;
      expect([...found].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
      for (const [n, list] of plan.footnotes) {
        await page.click(`#fnref-${n}`);
        const byText = (a: { text: string | null }, b: { text: string | null }) => (a.text ?? '').localeCompare(b.text ?? '');
        const inPopover = (await marks(page)).filter((m) => m.where === `fn-pop-${n}`);
        expect(inPopover.sort(byText)).toEqual(list.map((a) => ({ text: a.abbr, title: a.expansion, tabindex: '0', where: `fn-pop-${n}` })).sort(byText));
        await page.keyboard.press('Escape');
      }
      expect(problems).toEqual([]);
    });
  });

  it('marks nothing on the whole report for printing, /in/', async () => {
    await withPage(chromium.browser, '/in/', async ({ page }) => {
      expect(await page.locator('abbr.abbr').count()).toBe(0);
    });
  });
});

describe("an abbreviation's tooltip", () => {
  it('shows the expansion when the abbreviation takes the focus, and Escape hides it without moving the focus', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      const grdp = page.locator('#p1-i-1-d1 abbr.abbr', { hasText: 'GRDP' });
      expect(await tooltip(page)).toBe('none');
      await grdp.focus();
      expect(await tooltip(page)).toContain('tổng sản phẩm trên địa bàn');
      await page.keyboard.press('Escape');
      expect(await grdp.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await tooltip(page)).toBe('none');
      await page.keyboard.press('Tab');
      await grdp.focus();
      expect(await tooltip(page)).toContain('tổng sản phẩm trên địa bàn');
    });
  });

  it('is reached with the Tab key, in reading order', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      await page.locator('#p1-i-1-d1 a[href="#fn-2"], #fnref-2').first().focus();
      await page.keyboard.press('Shift+Tab');
      const before = await page.evaluate(() => document.activeElement?.textContent);
      expect(before).toBe('GRDP');
    });
  });

  it('shows on a click with the mouse and on a tap on a touch screen', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      await page.locator('#p1-i-1-d1 abbr.abbr', { hasText: 'KH' }).click();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('KH');
      expect(await tooltip(page)).toContain('kế hoạch');
    });
    await withPage(
      chromium.browser,
      I1,
      async ({ page }) => {
        await page.locator('#p1-i-1-d1 abbr.abbr', { hasText: 'GRDP' }).tap();
        expect(await tooltip(page)).toContain('tổng sản phẩm trên địa bàn');
      },
      { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } },
    );
  });

  it('stays inside a 390 px viewport for every abbreviation of the chapter', async () => {
    await withPage(
      chromium.browser,
      I1,
      async ({ page }) => {
        const all = page.locator('.prose abbr.abbr:not(.fn-pop abbr)');
        const n = await all.count();
        expect(n).toBeGreaterThan(10);
        for (let i = 0; i < n; i++) {
          await all.nth(i).focus();
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `abbreviation ${i}`).toBe(true);
        }
      },
      { viewport: { width: 390, height: 844 } },
    );
  });

  it('gives assistive technology the expansion as the description, and the tooltip text no second time', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      await page.locator('#p1-i-1-d1 abbr.abbr', { hasText: 'GRDP' }).focus();
      const cdp = await page.context().newCDPSession(page);
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#p1-i-1-d1 abbr.abbr' });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes.find((n) => !n.ignored);
      // With the tooltip shown, the name is still the word alone: the tooltip's text is not read twice.
      expect(node?.name?.value).toBe('GRDP');
      expect(node?.description?.value).toBe('tổng sản phẩm trên địa bàn');
    });
  });
});

describe('/chu-viet-tat/', () => {
  it('lists every abbreviation of content/abbreviations.yaml in alphabetical order, with its expansion', async () => {
    await withPage(chromium.browser, '/chu-viet-tat/', async ({ page, problems }) => {
      const rows = await page.evaluate(() => [...document.querySelectorAll('tbody tr')].map((tr) => ({ id: tr.id, abbr: tr.querySelector('th')?.textContent?.trim(), meaning: tr.querySelector('.meaning')?.textContent })));
      expect(rows.map((r) => r.abbr)).toEqual(abbreviations.map((a) => a.abbr).sort((a, b) => a.localeCompare(b, 'vi')));
      for (const r of rows) expect(r.meaning).toBe(abbreviations.find((a) => a.id === r.id)?.expansion);
      expect(problems).toEqual([]);
    });
  });

  it('links each abbreviation to its first use, where the target element holds it', async () => {
    const uses = firstUses(chapters.flatMap((c) => chapterSegments(c, footnoteTexts, report)), abbreviations);
    const links = await withPage(chromium.browser, '/chu-viet-tat/', ({ page }) =>
      page.evaluate(() => [...document.querySelectorAll('tbody tr')].map((tr) => ({ id: tr.id, href: tr.querySelector<HTMLAnchorElement>('.first-use a')!.getAttribute('href')! }))),
    );
    expect(links).toHaveLength(abbreviations.length);
    const byPage = new Map<string, { id: string; hash: string }[]>();
    for (const l of links) {
      expect(l.href, l.id).toBe(placeLink(uses.get(l.id)!.place, index).href);
      const [path, hash] = l.href.split('#');
      byPage.set(path, [...(byPage.get(path) ?? []), { id: l.id, hash }]);
    }
    for (const [path, targets] of byPage) {
      await withPage(chromium.browser, path, async ({ page }) => {
        for (const { id, hash } of targets) {
          const text = await page.evaluate((h) => document.getElementById(h)?.textContent ?? null, hash);
          expect(text, `${path}#${hash}`).toContain(abbreviations.find((a) => a.id === id)!.abbr);
        }
      });
    }
  });
});

describe('/doi-chieu-so-lieu/', () => {
  const holds = evaluations.filter((e) => e.holds).length;

  it('shows every relation with its calculation, and whether it holds, and sums them up', async () => {
    await withPage(chromium.browser, '/doi-chieu-so-lieu/', async ({ page, problems }) => {
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('section.check')].map((s) => ({ id: s.id, holds: s.dataset.holds, formula: s.querySelector('.formula')?.textContent, status: s.querySelector('.status')?.textContent })),
      );
      expect(cards.map((c) => c.id).sort()).toEqual(evaluations.map((e) => e.check.id).sort());
      for (const e of evaluations) {
        const view = evaluationView(e);
        expect(cards.find((c) => c.id === e.check.id)).toEqual({ id: e.check.id, holds: String(e.holds), formula: view.formula, status: view.statusLabel });
      }
      expect(await page.locator('[data-summary]').textContent()).toContain(`${evaluations.length} phép đối chiếu: ${holds} khớp, ${evaluations.length - holds} có chênh lệch.`);
      expect(problems).toEqual([]);
    });
  });

  it('links each number to the sentence or footnote that states it', async () => {
    await withPage(chromium.browser, '/doi-chieu-so-lieu/', async ({ page }) => {
      const fdi = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('#fdi-von-2023 .inputs a')].map((a) => a.getAttribute('href')));
      expect(fdi).toEqual(['fdi-2023', 'fdi-cap-moi-von-2023', 'fdi-dieu-chinh-von-2023', 'fdi-gop-von-2023'].map((id) => data.figures.get(id)!.link.href));
      const all = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('section.check .inputs a')].length);
      expect(all).toBeGreaterThanOrEqual(evaluations.length * 2);
    });
  });

  it('records a "trong đó" breakdown that does not add up neutrally, and lists it among those with a difference', async () => {
    await withPage(chromium.browser, '/doi-chieu-so-lieu/', async ({ page }) => {
      const text = await page.locator('#thu-nsnn-2023').textContent();
      expect(text).toContain('ít hơn tổng 21.069\u00a0tỷ đồng là 80\u00a0tỷ đồng');
      expect(text).toContain('các phần được nêu không nhất thiết là tất cả');
      expect(await page.locator('#chenh-lech + ul a[href="#thu-nsnn-2023"]').count()).toBe(1);
      expect(await page.locator('#chenh-lech + ul a').count()).toBe(evaluations.length - holds);
    });
  });
});

describe('the two pages in the site', () => {
  it('are linked from the navigation of every page that has the site header (the print previews, /ban-in/, have none)', () => {
    for (const { file, path } of builtPages().filter((p) => !p.path.startsWith('/ban-in/'))) {
      const html = readFileSync(file, 'utf8');
      const nav = /<nav aria-label="Điều hướng chính"[\s\S]*?<\/nav>/u.exec(html)?.[0] ?? '';
      expect(nav, path).toContain('href="/chu-viet-tat/"');
      expect(nav, path).toContain('href="/doi-chieu-so-lieu/"');
    }
  });

  it('are not search results: search lists the report’s passages, and finds an abbreviation through its expansion', async () => {
    await withPage(chromium.browser, '/tim-kiem/?q=khu+cong+nghiep', async ({ page }) => {
      await page.waitForSelector('[data-search-results][data-state="done"][data-query="khu cong nghiep"]', { state: 'attached' });
      const links = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('li.result a.result-link')].map((a) => new URL(a.href)));
      expect(links.map((u) => u.pathname)).not.toContain('/chu-viet-tat/');
      expect(links.map((u) => u.pathname)).not.toContain('/doi-chieu-so-lieu/');
    });
    await withPage(chromium.browser, '/tim-kiem/?q=ty+le+lap+day+khu+cong+nghiep', async ({ page }) => {
      await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
      // Footnote 26 writes only "KCN".
      expect(await page.locator('li.result a.result-link').first().getAttribute('href')).toContain('#fnref-26');
    });
  });

  it.each(WIDTHS.flatMap((viewport) => ['/chu-viet-tat/', '/doi-chieu-so-lieu/'].map((path) => ({ path, viewport, width: viewport.width }))))(
    '$path at $width px fits the viewport and passes axe (WCAG 2.2 A and AA)',
    async ({ path, viewport }) => {
      await withPage(
        chromium.browser,
        path,
        async ({ page }) => {
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
          expect(describeViolations(await axeViolations(page))).toBe('');
        },
        { viewport },
      );
    },
  );

  it.each(WIDTHS.map((viewport) => ({ viewport, width: viewport.width })))(
    'a chapter page with a tooltip shown, and with a footnote popover that marks an abbreviation, passes axe at $width px',
    async ({ viewport }) => {
      await withPage(
        chromium.browser,
        I1,
        async ({ page }) => {
          await page.locator('#p1-i-1-d1 abbr.abbr', { hasText: 'GRDP' }).focus();
          expect(describeViolations(await axeViolations(page))).toBe('');
          await page.click('#fnref-13');
          await page.locator('#fn-pop-13 abbr.abbr', { hasText: 'KCN' }).focus();
          expect(await tooltip(page)).toContain('khu công nghiệp');
          expect(describeViolations(await axeViolations(page))).toBe('');
        },
        { viewport },
      );
    },
  );
});
