/**
 * Search in Chromium, against the built site and its Pagefind index: one ranked list
 * where footnotes compete with paragraphs, labels and best sentences, filters, typing,
 * keyboard, the header's combobox, the landing page's precise marks, bad input and
 * faults, and what a chapter page loads before and for a first query (bytes, asserted).
 * Relevance on the judged query set is tests/e2e/search-quality.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { passageOfHref } from '../search/judge';
import { axeViolations, describeViolations, SOON, url, useBrowser, withPage } from '../support/e2e';
import { DIST } from '../support/site';

const chromium = useBrowser();
const I1 = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
const IMG = '<img src=x onerror=alert(1)>';

const searchPath = (query: string, extra = '') => `/tim-kiem/?q=${encodeURIComponent(query)}${extra}`;
const shownQuery = (q: string) => q.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, ' ').replace(/\s+/gu, ' ').trim();

async function waitForResults(page: Page, query: string) {
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector<HTMLElement>('[data-search-results]');
      return el?.dataset.query === want && (el.dataset.state === 'done' || el.dataset.state === 'error');
    },
    shownQuery(query),
  );
}

interface Shown {
  status: string;
  note: string;
  ids: string[];
  labels: string[];
  kinds: string[];
  queries: string[];
}

async function shown(page: Page): Promise<Shown> {
  const links = page.locator('li.result a.result-link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return {
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
    note: (await page.locator('[data-search-note]').textContent()) ?? '',
    ids: hrefs.map(passageOfHref),
    labels: await links.allTextContents(),
    kinds: await page.locator('li.result').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.kind ?? '')),
    queries: hrefs.map((h) => new URL(h).searchParams.get('tu-khoa') ?? ''),
  };
}

async function search(query: string, extra = ''): Promise<Shown> {
  return withPage(chromium.browser, searchPath(query, extra), async ({ page, problems }) => {
    await waitForResults(page, query);
    const result = await shown(page);
    expect(problems).toEqual([]);
    return result;
  });
}

describe('one ranked list', () => {
  const FIRST: [string, string, string][] = [
    ['VNeID', 'fn-36', 'a word only footnote 36 has'],
    ['vneid', 'fn-36', 'the same in lower case'],
    ['xi mang', 'fn-7', 'a footnote beats paragraphs with “xin” or “mạng”'],
    ['xi măng', 'fn-7', 'the same with diacritics'],
    ['compo', 'fn-23', 'the word being typed matches the words it starts'],
    ['4.960,7', 'fn-7', 'a number as written'],
    ['8,16', 'p1-i-1-d1', 'a percentage as written'],
    ['bao hiem y te', 'p2-2-2-d3', 'the words together beat “bảo hiểm xã hội … bao phủ”'],
    ['hdnd', 'fn-52', 'đ inside a word, typed d'],
    ['chợ', 'fn-22', 'exact diacritics beat the common word “cho”'],
  ];
  for (const [query, first, why] of FIRST) {
    it(`puts ${first} first for "${query}" (${why})`, async () => {
      const got = await search(query);
      expect(got.ids[0]).toBe(first);
      expect(new Set(got.queries)).toEqual(new Set([query]));
    });
  }

  it('mixes footnotes and paragraphs in one list, each saying what it is', async () => {
    const got = await search('dau tu cong');
    expect(new Set(got.kinds)).toEqual(new Set(['content', 'footnote']));
    got.labels.forEach((label, i) => {
      if (got.kinds[i] === 'footnote') expect(label).toMatch(/^Chú thích \d+ · [IVX0-9.]+$/u);
      else expect(label).toMatch(/^[^›]+( › [\d.]+)?$/u);
    });
    expect(got.labels).toContain('I.1 › 1.5.1');
    expect(got.labels).toContain('Chú thích 14 · I.1');
    expect(got.status).toMatch(/^Tìm thấy \d+ kết quả cho “dau tu cong”\.$/u);
  });

  it('says what every result is, in a chapter without a number too, and marks the abbreviation a passage has, not words of its other form', async () => {
    await withPage(chromium.browser, searchPath('hdnd'), async ({ page }) => {
      await waitForResults(page, 'hdnd');
      const got = await shown(page);
      expect(got.labels.filter((label) => !label.trim())).toEqual([]);
      // Mở đầu and Phần kết have no number: their title says where the passage is.
      expect(got.labels).toEqual(expect.arrayContaining(['Mở đầu', 'Phần kết']));
      const results = await page.locator('li.result .result-excerpt').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent ?? '', marks: [...p.querySelectorAll('mark')].map((m) => m.textContent) })));
      const withAbbreviation = results.filter((r) => r.text.includes('HĐND'));
      expect(withAbbreviation.length).toBeGreaterThan(2);
      // Not "công" (one letter from "đồng"), "ương" or "nhân": the passage has the query whole.
      for (const r of withAbbreviation) expect(new Set(r.marks)).toEqual(new Set(['HĐND']));
    });
  });

  it('shows the best-matching sentence with the phrase marked, and no other word that folds the same', async () => {
    await withPage(chromium.browser, searchPath('dau tu cong'), async ({ page }) => {
      await waitForResults(page, 'dau tu cong');
      const marks = await page.locator('li.result .result-excerpt mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m.toLowerCase()).toMatch(/^(đầu tư công|đầu|tư|công)$/u);
      const first = await page.locator('li.result').first().locator('.result-excerpt mark').allTextContents();
      expect(first.map((m) => m.toLowerCase())).toContain('đầu tư công');
    });
  });

  it('says plainly when no passage has every word, or none has them together, above the other matches', async () => {
    const some = await search('compost xi mang');
    expect(some.ids.length).toBeGreaterThan(0);
    expect(some.status).toContain('Không đoạn nào có đủ mọi từ của “compost xi mang”');
    const apart = await search('tai nan giao thong');
    expect(apart.ids.length).toBeGreaterThan(0);
    expect(apart.status).toContain('Không đoạn nào có các từ của “tai nan giao thong” đứng liền nhau');
    // One word, found only as the start of a longer word ("GDPT"): not "words apart".
    const near = await search('gdp');
    expect(near.ids.length).toBeGreaterThan(0);
    expect(near.status).toBe(`Không đoạn nào có đúng từ “gdp”. Dưới đây là ${near.ids.length} đoạn có từ gần giống.`);
  });

  it('finds an abbreviation\'s other form only where its words stand together: "hdnd" is HĐND or Hội đồng nhân dân, never a lone "nhân"', async () => {
    for (const query of ['hdnd', 'ubnd', 'bhxh']) {
      const found = await withPage(chromium.browser, searchPath(query), async ({ page }) => {
        await waitForResults(page, query);
        return page.locator('li.result .result-excerpt').evaluateAll((ps) => ps.map((p) => [...p.querySelectorAll('mark')].map((m) => (m.textContent ?? '').toLowerCase()).join(' ')));
      });
      expect(found.length, query).toBeGreaterThan(0);
      // 142, 102 and 98 results before, most with some words of the other form only.
      expect(found.length, query).toBeLessThan(15);
      const forms = { hdnd: ['hđnd', 'hội đồng nhân dân'], ubnd: ['ubnd', 'ủy ban nhân dân'], bhxh: ['bhxh', 'bảo hiểm xã hội'] }[query]!;
      for (const marks of found) expect(forms.some((f) => marks.normalize('NFC').includes(f)), `${query}: ${marks}`).toBe(true);
    }
  });

  it('ranks the literal words just above their abbreviation, both ways', async () => {
    const full = await search('bao hiem xa hoi');
    const bhxh = full.ids.indexOf('p1-ii-2-6');
    expect(bhxh).toBeGreaterThan(0);
    expect(full.ids.slice(0, bhxh).every((id) => ['p1-i-2-4-d1', 'p1-ii-3-1-y6', 'p2-2-2-d3', 'p2-3-9'].includes(id))).toBe(true);
    const abbr = await search('BHXH');
    expect(abbr.ids[0]).toBe('p1-ii-2-6');
    expect(abbr.ids).toEqual(expect.arrayContaining(['p1-i-2-4-d1', 'p2-3-9']));
    // The other form's words together ("Hội đồng nhân dân", after "xã hội" in the same
    // passage) come right after the passages that say "HĐND", above the words apart.
    const hdnd = await search('hdnd');
    expect(new Set(hdnd.ids.slice(0, 5))).toEqual(new Set(['fn-52', 'p1-d2', 'fn-58', 'ket-d1', 'p2-3-2']));
    expect(hdnd.ids[5]).toBe('p1-ii-1-d1');
  });

  it('says plainly when nothing matches, and points to the footnote index', async () => {
    await withPage(chromium.browser, searchPath('xyzzy'), async ({ page }) => {
      await waitForResults(page, 'xyzzy');
      expect(await page.locator('[data-search-status]').textContent()).toBe('Không tìm thấy kết quả nào cho “xyzzy”.');
      expect(await page.locator('li.result').count()).toBe(0);
      expect(await page.locator('.no-results a').getAttribute('href')).toBe('/chu-thich/');
    });
  });
});

describe('filters', () => {
  it('keeps the part, the chapter and “Chỉ tìm trong chú thích” as filters of the one list', async () => {
    const all = await search('KCN');
    expect(all.ids).toEqual(expect.arrayContaining(['fn-26', 'p1-i-1-6-3']));
    expect((await search('KCN', '&pham-vi=phan-thu-hai')).ids.every((id) => id.startsWith('p2-'))).toBe(true);
    const chapter = await search('KCN', `&pham-vi=${encodeURIComponent('phan-thu-nhat/i-1-linh-vuc-kinh-te')}`);
    expect(chapter.ids.length).toBeGreaterThan(0);
    expect(chapter.ids.every((id) => id.startsWith('fn-') || id.startsWith('p1-i-1'))).toBe(true);
    const footnotes = await search('KCN', '&chi-chu-thich=1');
    expect(footnotes.kinds.length).toBeGreaterThan(0);
    expect(new Set(footnotes.kinds)).toEqual(new Set(['footnote']));
  }, 180_000);

  it('applies the filters from the form and keeps the URL in step', async () => {
    await withPage(chromium.browser, searchPath('NSNN'), async ({ page, problems }) => {
      await waitForResults(page, 'NSNN');
      await page.locator('#tim-kiem-chu-thich').check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('chi-chu-thich') === '1');
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('li.result')].every((l) => l.dataset.kind === 'footnote') && document.querySelector('[data-search-results]')?.getAttribute('data-state') === 'done');
      const got = await shown(page);
      expect(got.ids[0]).toBe('fn-14');
      expect(new Set(got.kinds)).toEqual(new Set(['footnote']));
      expect(problems).toEqual([]);
    });
  });
});

describe('the search page', () => {
  it('searches as the reader types and keeps the URL in step', async () => {
    await withPage(chromium.browser, '/tim-kiem/', async ({ page, problems }) => {
      await page.locator('#tim-kiem-q').fill('xi mang');
      await waitForResults(page, 'xi mang');
      // The URL follows once the results are painted.
      await expect.poll(() => new URL(page.url()).search, SOON).toBe('?q=xi+mang');
      expect((await shown(page)).ids[0]).toBe('fn-7');
      expect(problems).toEqual([]);
    });
  });

  it('waits for a second character while the reader types, and searches one character on Enter or from the URL', async () => {
    await withPage(chromium.browser, '/tim-kiem/', async ({ page, problems }) => {
      const box = page.locator('#tim-kiem-q');
      const status = page.locator('[data-search-status]');
      const searches = () => page.evaluate(() => document.documentElement.dataset.searchPagefindSearches ?? '0');
      const hint = 'Gõ ít nhất 2 ký tự để xem kết quả, hoặc nhấn Enter để tìm “x”.';
      await box.focus();
      await page.keyboard.type('x');
      await waitForResults(page, 'x');
      // A one-letter query typed: a hint, no results, and no search run for it.
      expect(await status.textContent()).toBe(hint);
      expect(await page.locator('li.result').count()).toBe(0);
      expect(await searches()).toBe('0');
      // The URL keeps in step all the same.
      await expect.poll(() => new URL(page.url()).search, SOON).toBe('?q=x');
      // Enter searches it.
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('li.result').length > 0);
      await waitForResults(page, 'x');
      expect(await status.textContent()).toContain('“x”');
      expect(await status.textContent()).not.toBe(hint);
      expect(Number(await searches())).toBeGreaterThan(0);
      // A second letter searches as the reader types; taking it away again shows the hint.
      await page.keyboard.type('i');
      await waitForResults(page, 'xi');
      expect((await shown(page)).ids[0]).toBe('fn-7');
      await page.keyboard.press('Backspace');
      await waitForResults(page, 'x');
      expect(await page.locator('li.result').count()).toBe(0);
      expect(await status.textContent()).toBe(hint);
      expect(problems).toEqual([]);
    });
    // From the URL (a link, a bookmark), one character is searched.
    const fromUrl = await search('x');
    expect(fromUrl.ids.length).toBeGreaterThan(0);
    expect(fromUrl.status).toContain('“x”');
  });

  it('once warm, fetches none of its files for the next queries, and searches Pagefind only for words not searched before', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      // Warm: the rest of the index and every record's text loaded after the first results.
      await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached' });
      const fetched: string[] = [];
      // The search's files (the browser asks for the favicon again when the URL changes).
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      const searchFiles = () => fetched.filter((p) => /^\/(pagefind|search-data|_astro)\//u.test(p));
      const searches = async () => Number(await page.evaluate(() => document.documentElement.dataset.searchPagefindSearches));
      const box = page.locator('#tim-kiem-q');
      await box.fill('bao hiem');
      await waitForResults(page, 'bao hiem');
      const before = await searches();
      await box.fill('bao hiem y');
      await waitForResults(page, 'bao hiem y');
      // "bao" and "hiem" were searched already: only "y" is (whole word, and the words it starts).
      expect((await searches()) - before).toBeLessThanOrEqual(2);
      const first = await shown(page);
      expect(first.ids.length).toBeGreaterThan(0);
      const after = await searches();
      await box.fill('xi mang');
      await waitForResults(page, 'xi mang');
      await box.fill('bao hiem y');
      await waitForResults(page, 'bao hiem y');
      // A query typed again: no Pagefind search, the same results.
      expect(await searches()).toBe(after);
      expect((await shown(page)).ids).toEqual(first.ids);
      // A word of the report that starts longer ones ("tu": "tuyên"), typed for the first
      // time: one Pagefind search, not two; which records have it whole is read from their
      // text, and the results are those of a fresh page, where it is searched both ways.
      const beforeTu = await searches();
      await box.fill('tu');
      await waitForResults(page, 'tu');
      expect((await searches()) - beforeTu).toBe(1);
      const warm = await shown(page);
      const cold = await search('tu');
      expect(warm.ids.length).toBe(10);
      expect(warm.ids).toEqual(cold.ids);
      expect(warm.status).toBe(cold.status);
      expect(searchFiles()).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  it('warms up by running its priming queries unseen, and a warm page then lists for them what a fresh page lists', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached' });
      // The abbreviation with the most words (VBQPPL, six), its expansion, and the expansion without marks: all three ran.
      expect(await page.evaluate(() => document.documentElement.dataset.searchPrimed)).toBe('3');
      // Nothing of them shows: the reader's results and status stand.
      expect((await shown(page)).ids[0]).toBe('fn-7');
      const box = page.locator('#tim-kiem-q');
      for (const query of ['vbqppl', 'văn bản quy phạm pháp luật', 'van ban quy pham phap luat']) {
        await box.fill(query);
        await waitForResults(page, query);
        const warm = await shown(page);
        const cold = await search(query);
        expect(warm.ids.length, query).toBeGreaterThan(0);
        expect(warm.ids, query).toEqual(cold.ids);
        expect(warm.status, query).toBe(cold.status);
      }
      expect(problems).toEqual([]);
    });
  });

  it('answers queries typed while the page warms up (its index, its texts, its priming queries) as a fresh page does', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      const box = page.locator('#tim-kiem-q');
      // Typed while the page warms up (its index, its texts, its priming queries), whichever it is at.
      for (const query of ['hdnd', 'bao hiem y te']) {
        await box.fill(query);
        await waitForResults(page, query);
        const typed = await shown(page);
        const cold = await search(query);
        expect(typed.ids, query).toEqual(cold.ids);
        expect(typed.status, query).toBe(cold.status);
      }
      await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached' });
      expect((await shown(page)).status).toBe((await search('bao hiem y te')).status);
      expect(problems).toEqual([]);
    });
  });

  it('once warm, searches the words an abbreviation brings together, once, and lists what a fresh page lists', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached' });
      const searches = async () => Number(await page.evaluate(() => document.documentElement.dataset.searchPagefindSearches));
      const box = page.locator('#tim-kiem-q');
      // Typed as a reader types them: each form's words, whole; "hdnd tinh" and "khu cong nghiep" bring words to go with others, or an abbreviation.
      for (const [query, most] of [
        ['hdnd', 2],
        ['ubnd tinh', 3],
        ['bhxh', 2],
        ['khu cong nghiep', 4],
      ] as const) {
        const before = await searches();
        await box.fill(query);
        await waitForResults(page, query);
        // "hdnd": the word typed, and "hoi dong nhan dan" together (not hoi, dong, nhan, "nhan", dan, "dan").
        expect((await searches()) - before, query).toBeLessThanOrEqual(most);
        const warm = await shown(page);
        const cold = await search(query);
        expect(warm.ids.length, query).toBeGreaterThan(0);
        expect(warm.ids, query).toEqual(cold.ids);
        expect(warm.status, query).toBe(cold.status);
      }
      expect(problems).toEqual([]);
    });
  });

  it('draws no list of results that a keystroke already waiting replaces: keys that come in a burst draw few, the last one its own', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      await page.waitForSelector('html[data-search-warm="true"]', { state: 'attached' });
      const expected = (await search('tai nan giao thong')).ids;
      const box = page.locator('#tim-kiem-q');
      await box.fill('');
      await waitForResults(page, '');
      await box.focus();
      // Lists of results drawn (each time the results hold one, once the search is done).
      await page.evaluate(() => {
        const results = document.querySelector<HTMLElement>('[data-search-results]')!;
        const w = window as unknown as { drawn: number };
        w.drawn = 0;
        new MutationObserver(() => {
          if (results.dataset.state === 'done' && results.querySelector('li.result')) w.drawn++;
        }).observe(results, { attributes: true, attributeFilter: ['data-state'] });
      });
      // A fast typist's keys come from the system one after another, whether or not the page
      // has handled the one before; keyboard.type() waits for each. Sent together instead:
      const query = 'tai nan giao thong';
      const cdp = await page.context().newCDPSession(page);
      await Promise.all(
        [...query].flatMap((key) => [
          cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key }),
        ]),
      );
      await waitForResults(page, query);
      expect((await shown(page)).ids).toEqual(expected);
      // 17 queries of 2 characters or more were typed; without putting them after the waiting keys, each drew its list.
      const drawn = await page.evaluate(() => (window as unknown as { drawn: number }).drawn);
      expect(drawn).toBeGreaterThanOrEqual(1);
      expect(drawn).toBeLessThanOrEqual(6);
      expect(problems).toEqual([]);
    });
  });

  it('moves through the results with the arrow keys, and back to the box with Esc', async () => {
    await withPage(chromium.browser, searchPath('KCN'), async ({ page }) => {
      await waitForResults(page, 'KCN');
      const links = await page.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
      await page.locator('#tim-kiem-q').focus();
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(links[0]);
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(links[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe('tim-kiem-q');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      expect(await focused()).toBe('tim-kiem-q');
    });
  });

  it('passes axe (WCAG 2.2 AA) with results, with none, and before a search', async () => {
    for (const path of [searchPath('dau tu'), searchPath('xyzzy'), '/tim-kiem/']) {
      await withPage(chromium.browser, path, async ({ page }) => {
        await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
        const violations = (await axeViolations(page)).filter((v) => v.id !== 'target-size');
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }, 240_000);

  it('says without JavaScript that search needs it, and links to the footnote index', async () => {
    await withPage(
      chromium.browser,
      searchPath('xi mang'),
      async ({ page }) => {
        expect(await page.locator('.notice').isVisible()).toBe(true);
        expect(await page.locator('.notice a').getAttribute('href')).toBe('/chu-thich/');
        expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });
});

describe('bad input and faults', () => {
  it('gives a clear message for punctuation-only and empty queries', async () => {
    for (const query of ['!!!???', '\\', '…—%']) {
      const got = await search(query);
      expect(got.ids).toEqual([]);
      expect(got.status).toBe(`Từ khóa “${query}” chỉ có dấu câu hoặc ký hiệu. Hãy gõ chữ hoặc số cần tìm.`);
    }
    await withPage(chromium.browser, '/tim-kiem/?q=', async ({ page }) => {
      await waitForResults(page, '');
      expect(await page.locator('[data-search-status]').textContent()).toBe('Hãy gõ từ khóa cần tìm, có dấu hay không dấu đều được.');
    });
  });

  it('strips bidi controls, NUL and other control characters, and ignores emoji next to the words', async () => {
    for (const query of ['xi\u202E mang', '\u202Exi mang\u202C', 'xi mang\u0000', '😀xi mang😀', 'xi\u200Bmang']) {
      await withPage(chromium.browser, `/tim-kiem/?q=${encodeURIComponent(query)}`, async ({ page }) => {
        await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
        const got = await shown(page);
        expect(got.ids[0], JSON.stringify(query)).toBe('fn-7');
      });
    }
  }, 180_000);

  it('cuts a long query to one limit with a visible note; the URL keeps exactly what was searched', async () => {
    const long = `xi mang ${'a'.repeat(5000)}`;
    await withPage(chromium.browser, '/tim-kiem/', async ({ page, problems }) => {
      await page.locator('#tim-kiem-q').fill(long);
      const searched = `xi mang ${'a'.repeat(192)}`;
      await waitForResults(page, searched);
      const note = page.locator('[data-search-note]');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toBe('Từ khóa dài quá 200 ký tự: chỉ tìm theo 200 ký tự đầu.');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), SOON).toBe(searched);
      expect((await page.locator('[data-search-status]').textContent())!.length).toBeLessThan(400);
      expect(problems).toEqual([]);
    });
    await withPage(chromium.browser, searchPath(long), async ({ page }) => {
      await waitForResults(page, `xi mang ${'a'.repeat(192)}`);
      expect(await page.locator('[data-search-note]').isVisible()).toBe(true);
      expect(await page.inputValue('#tim-kiem-q')).toBe(`xi mang ${'a'.repeat(192)}`);
    });
  });

  it('renders HTML in a query as text, from the URL and from the box', async () => {
    await withPage(chromium.browser, searchPath(IMG), async ({ page, problems }) => {
      let dialog = false;
      page.on('dialog', (d) => {
        dialog = true;
        void d.dismiss();
      });
      await waitForResults(page, IMG);
      expect(await page.locator('main img, [data-search-results] img, [data-search-status] img').count()).toBe(0);
      expect(await page.locator('[data-search-status]').textContent()).toContain(IMG);
      await page.locator('#tim-kiem-q').fill(`xi mang ${IMG}`);
      await waitForResults(page, `xi mang ${IMG}`);
      expect(await page.locator('[data-search-results] img, [data-search-status] img').count()).toBe(0);
      expect((await shown(page)).ids[0]).toBe('fn-7');
      expect(dialog).toBe(false);
      expect(problems).toEqual([]);
    });
    await withPage(chromium.browser, I1, async ({ page }) => {
      let dialog = false;
      page.on('dialog', (d) => {
        dialog = true;
        void d.dismiss();
      });
      await page.locator('#site-search-q').focus();
      await page.keyboard.type(IMG);
      await page.waitForSelector(`#site-search-list[data-state="done"]`, { state: 'attached' });
      expect(await page.locator('#site-search-list img').count()).toBe(0);
      expect(await page.locator('#site-search-opt-all').textContent()).toContain(IMG);
      expect(dialog).toBe(false);
    });
  }, 180_000);

  it('drops only the result whose fragment fails to load, and says so', async () => {
    const whole = await search('KCN');
    await withPage(chromium.browser, '/tim-kiem/', async ({ page }) => {
      let failed = 0;
      await page.route('**/pagefind/fragment/*', (route) => {
        if (failed++ === 0) return route.fulfill({ status: 500, body: 'no' });
        return route.continue();
      });
      await page.locator('#tim-kiem-q').fill('KCN');
      await waitForResults(page, 'KCN');
      const got = await shown(page);
      expect(got.ids.length).toBe(Math.min(whole.ids.length, 10) - 1);
      expect(got.note).toContain('Không tải được 1 kết quả');
    });
  });

  it('offers the footnote index and the contents when the index cannot load', async () => {
    await withPage(chromium.browser, '/tim-kiem/', async ({ page }) => {
      await page.route('**/pagefind/**', (route) => route.fulfill({ status: 500, body: 'no' }));
      await page.locator('#tim-kiem-q').fill('xi mang');
      await waitForResults(page, 'xi mang');
      expect(await page.getAttribute('[data-search-results]', 'data-state')).toBe('error');
      const hrefs = await page.locator('[data-search-results] .search-error a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(['/chu-thich/', '/#muc-luc']);
    });
  });
});

describe('the header search box', () => {
  it('loads no search code or index on a chapter page before the box gets focus, then loads it', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect((await loaded()).filter((p) => p.startsWith('/pagefind/') || p.startsWith('/search-data/') || /combobox|engine|landing|segmenter/u.test(p))).toEqual([]);
      expect(page.workers()).toEqual([]);
      // With the answers-as-you-type script, a worker that loads the text-segmentation rules.
      const worker = page.waitForEvent('worker');
      await page.locator('#site-search-q').focus();
      expect((await worker).url()).toMatch(/\/_astro\/segmenter-worker\.[\w-]+\.js$/u);
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/pagefind.js')));
      expect((await loaded()).some((p) => /combobox/u.test(p))).toBe(true);
    });
  });

  it('loads the text-segmentation rules in a worker on the search page at once', async () => {
    const context = await chromium.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
      await page.goto(url('/tim-kiem/'), { waitUntil: 'load' });
      await expect.poll(() => workers, SOON).toEqual([expect.stringMatching(/^\/_astro\/segmenter-worker\.[\w-]+\.js$/u)]);
    } finally {
      await context.close();
    }
  });

  it('shows the 5 best results after 2 characters, as an ARIA combobox, with “Xem tất cả”', async () => {
    await withPage(chromium.browser, I1, async ({ page, problems }) => {
      const box = page.locator('#site-search-q');
      expect(await box.getAttribute('role')).toBe('combobox');
      expect(await box.getAttribute('aria-controls')).toBe('site-search-list');
      await box.focus();
      await page.keyboard.type('x');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#site-search-list')?.dataset.query === 'x');
      expect(await page.locator('#site-search-list').isVisible()).toBe(false);
      await page.keyboard.type('i mang');
      await page.waitForFunction(() => {
        const l = document.querySelector<HTMLElement>('#site-search-list');
        return l?.dataset.query === 'xi mang' && l.dataset.state === 'done';
      });
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      const options = page.locator('#site-search-list [role="option"]');
      const n = await options.count();
      expect(n).toBeGreaterThan(1);
      expect(n).toBeLessThanOrEqual(6);
      expect(await options.first().locator('.opt-title').textContent()).toBe('Chú thích 7 · I.1');
      expect(await page.locator('#site-search-opt-all').getAttribute('data-href')).toBe('/tim-kiem/?q=xi+mang');
      await page.keyboard.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBe('site-search-opt-0');
      expect(await options.first().getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowUp');
      expect(await box.getAttribute('aria-activedescendant')).toBe('site-search-opt-all');
      await page.keyboard.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#site-search-list').isVisible()).toBe(false);
      await page.keyboard.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBe('site-search-opt-0');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.hash === '#fnref-7');
      expect(new URL(page.url()).searchParams.get('tu-khoa')).toBe('xi mang');
      expect(problems).toEqual([]);
    });
  });

  it('opens the search page with the query on Enter when no option is chosen, and passes axe while open', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      await page.locator('#site-search-q').focus();
      await page.keyboard.type('compost');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#site-search-list')?.dataset.state === 'done');
      const violations = (await axeViolations(page)).filter((v) => v.id !== 'target-size');
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/tim-kiem/');
      await waitForResults(page, 'compost');
      expect((await shown(page)).ids[0]).toBe('fn-23');
    });
  }, 180_000);

  it.each([
    { width: 1280, height: 800, drawer: false },
    { width: 1024, height: 768, drawer: false },
    { width: 800, height: 1000, drawer: true },
    { width: 390, height: 844, drawer: true },
    { width: 320, height: 640, drawer: true },
  ])('shows its list within the window at $width px', async ({ width, height, drawer }) => {
    await withPage(
      chromium.browser,
      I1,
      async ({ page }) => {
        // Below 64rem the box is in the menu drawer, which takes the focus when it opens.
        if (drawer) {
          await page.locator('button[data-drawer="drawer-menu"]').click();
          await page.waitForFunction(() => document.querySelector('#drawer-menu')?.contains(document.activeElement));
        }
        await page.locator('#site-search-q').focus();
        await page.keyboard.type('xi mang');
        await page.waitForFunction(() => document.querySelector<HTMLElement>('#site-search-list')?.dataset.state === 'done');
        const list = (await page.locator('#site-search-list').boundingBox())!;
        const box = (await page.locator('#site-search-q').boundingBox())!;
        expect(list.x).toBeGreaterThanOrEqual(0);
        expect(list.x + list.width).toBeLessThanOrEqual(width);
        // The box and its button are within the window too.
        const form = (await page.locator('#site-search-q').evaluate((i) => i.closest('form')!.getBoundingClientRect().toJSON())) as DOMRect;
        expect(form.right).toBeLessThanOrEqual(width);
        // Under the box, from its left edge.
        expect(Math.abs(list.x - box.x)).toBeLessThan(4);
        expect(list.y).toBeGreaterThanOrEqual(box.y + box.height);
      },
      { viewport: { width, height } },
    );
  });

  it('is focused by "/" and by Ctrl+K', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('Control+k');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    });
  });
});

describe('a page opened from a result', () => {
  it('marks the phrase in the result’s passage only, scrolls to it and focuses it', async () => {
    await withPage(chromium.browser, `${I1}?tu-khoa=${encodeURIComponent('dau tu cong')}#p1-i-1-5-1-d1`, async ({ page, problems }) => {
      await page.waitForFunction(() => document.documentElement.dataset.searchHighlights !== undefined);
      const marks = await page.locator('mark.search-hit').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m.toLowerCase()).toBe('đầu tư công');
      expect(await page.locator('#p1-i-1-5-1-d1 mark.search-hit').count()).toBe(marks.length);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('search-hit'))).toBe(true);
      expect(problems).toEqual([]);
    });
  });

  it('does not mark words that only fold the same way (“xi mang” does not mark “mạng”)', async () => {
    await withPage(chromium.browser, `${I1}?tu-khoa=${encodeURIComponent('xi mang')}#fnref-7`, async ({ page }) => {
      await page.waitForSelector('#fn-pop-7:popover-open mark.search-hit');
      expect(await page.locator('#fn-pop-7 mark.search-hit').allTextContents()).toEqual(['xi măng']);
      expect(await page.locator('#fn-7 mark.search-hit').allTextContents()).toEqual(['xi măng']);
      expect(await page.locator('mark.search-hit').count()).toBe(2);
    });
  });

  it('opens a chapter result at its paragraph with the number marked, not the footnote markers', async () => {
    await withPage(chromium.browser, searchPath('8,16'), async ({ page }) => {
      await waitForResults(page, '8,16');
      await page.locator('a.result-link').first().click();
      await page.waitForSelector('mark.search-hit');
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p1-i-1-d1');
      expect(await page.locator('#p1-i-1-d1 mark.search-hit').allTextContents()).toEqual(['8,16']);
      expect(await page.locator('.fn-ref mark').count()).toBe(0);
    });
  });

  it('renders HTML in ?tu-khoa= as nothing but a search', async () => {
    await withPage(chromium.browser, `${I1}?tu-khoa=${encodeURIComponent(IMG)}#p1-i-1-d1`, async ({ page, problems }) => {
      await page.waitForFunction(() => document.documentElement.dataset.searchHighlights !== undefined);
      expect(await page.locator('article img').count()).toBe(0);
      expect(problems).toEqual([]);
    });
  });
});

/** Bytes of a file as served gzip-compressed: Pagefind's files are compressed already. */
function gzipBytes(path: string): number {
  const raw = readFileSync(join(DIST, path));
  return Math.min(raw.length, gzipSync(raw, { level: 9 }).length);
}

describe('the first query from a chapter page', () => {
  /** The files a first query fetched before its results were shown (the rest of the index loads after), and their bytes as served. */
  async function firstQuery(page: Page, type: (box: Locator) => Promise<void>) {
    const before = new Set(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
    await type(page.locator('#site-search-q'));
    await page.waitForFunction(() => {
      const l = document.querySelector<HTMLElement>('#site-search-list');
      return l?.dataset.query === 'dau tu cong' && l.dataset.state === 'done';
    });
    const fetched = (
      await page.evaluate(() => {
        const shownAt = performance.getEntriesByName('suggest-rendered')[0]?.startTime ?? Infinity;
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.responseEnd <= shownAt).map((e) => e.name);
      })
    )
      .filter((n) => !before.has(n))
      .map((n) => new URL(n).pathname)
      .filter((p) => /^\/(pagefind|search-data)\/|^\/_astro\/(combobox|engine|render)\./u.test(p));
    return { fetched, bytes: fetched.reduce((sum, p) => sum + gzipBytes(p), 0) };
  }

  it('fetches at most 120 KB gzip in total, Pagefind’s files included', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      // The query arrives whole (one input event).
      const { fetched, bytes } = await firstQuery(page, (box) => box.fill('dau tu cong'));
      expect(fetched.some((p) => p.startsWith('/pagefind/wasm'))).toBe(true);
      expect(bytes, fetched.join('\n')).toBeLessThanOrEqual(120 * 1024);
    });
  }, 120_000);

  it('fetches at most 120 KB typed key by key too: a word being typed ("t" of "dau t") fetches no index chunk of its own', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      const { fetched, bytes } = await firstQuery(page, async (box) => {
        await box.focus();
        await page.keyboard.type('dau tu cong', { delay: 80 });
      });
      expect(bytes, fetched.join('\n')).toBeLessThanOrEqual(120 * 1024);
    });
  }, 120_000);
});

describe('the built search bundle', () => {
  const files = readdirSync(join(DIST, 'pagefind'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(join(DIST, 'pagefind'), join(e.parentPath, e.name)));

  it('ships pagefind.js and the index, and none of Pagefind’s own UIs', () => {
    expect(files).toContain('pagefind.js');
    expect(files.filter((f) => /pagefind-(ui|modular-ui|component-ui|highlight)\./u.test(f))).toEqual([]);
  });

  it('carries none of Pagefind’s wrong Vietnamese strings ("Kiểm thị kết quả…")', () => {
    for (const f of files.filter((n) => n.endsWith('.js'))) {
      const text = readFileSync(join(DIST, 'pagefind', f), 'utf8');
      expect(text, f).not.toContain('Ki\\u1EC3m th\\u1ECB');
      expect(text, f).not.toContain('Kiểm thị');
    }
  });
});
