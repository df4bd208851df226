/**
 * Search in Chromium, against the built site and its Pagefind index: a table of queries
 * with the links each must show (footnotes by number at their markers, chapter text at
 * its paragraph); typing, filters, keyboard, the landing page's highlights, the page
 * without JavaScript, accessibility, and what a chapter page loads before a search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSearchContent } from '../../src/integrations/search-index';
import { axeViolations, describeViolations, useBrowser, withPage } from '../support/e2e';
import { DIST, ROOT } from '../support/site';

const chromium = useBrowser();
const { chapters } = readSearchContent(ROOT);
const chapterOfFootnote = new Map(chapters.flatMap((c) => c.footnotes.map((n) => [n, c.slug] as const)));
const I1 = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';

interface Shown {
  status: string;
  /** Chapter-text results: path and #fragment, in order. */
  content: string[];
  /** Footnote results: path and #fragment, in order. */
  footnotes: string[];
  /** Results among the site's own pages ("Trang tra cứu", e.g. /chu-viet-tat/): path and #fragment, in order. */
  pages: string[];
  /** Every result link's ?tu-khoa= value. */
  queries: string[];
}

const searchPath = (query: string, extra = '') => `/tim-kiem/?q=${encodeURIComponent(query)}${extra}`;

async function waitForResults(page: Page, query: string) {
  const selector = `[data-search-results][data-state="done"][data-query="${query.replace(/\s+/gu, ' ').trim().replace(/"/gu, '\\"')}"]`;
  await page.waitForSelector(selector, { state: 'attached' });
}

/** The results the page shows, every "Xem thêm" pressed. */
async function shown(page: Page): Promise<Shown> {
  for (let more = page.locator('button.more'); (await more.count()) > 0; ) {
    const before = await page.locator('li.result').count();
    await more.first().click();
    await page.waitForFunction((n) => document.querySelectorAll('li.result').length > n, before);
  }
  return page.evaluate(() => {
    const links = (kind: string) => [...document.querySelectorAll<HTMLAnchorElement>(`ol[data-kind="${kind}"] a.result-link`)].map((a) => new URL(a.href));
    const path = (u: URL) => u.pathname + u.hash;
    return {
      status: document.querySelector('[data-search-status]')?.textContent ?? '',
      content: links('content').map(path),
      footnotes: links('footnote').map(path),
      pages: links('page').map(path),
      queries: [...links('content'), ...links('footnote')].map((u) => u.searchParams.get('tu-khoa') ?? ''),
    };
  });
}

async function search(query: string, extra = ''): Promise<Shown> {
  return withPage(chromium.browser, searchPath(query, extra), async ({ page, problems }) => {
    await waitForResults(page, query);
    const result = await shown(page);
    expect(problems).toEqual([]);
    return result;
  });
}

/** Where footnote N's result must point: its marker in the chapter that carries it. */
const atMarker = (n: number) => `/${chapterOfFootnote.get(n)}/#fnref-${n}`;
const numbers = (links: string[]) => links.map((l) => Number(/#fnref-(\d+)$/u.exec(l)?.[1])).sort((a, b) => a - b);

interface Row {
  query: string;
  why: string;
  /** The footnotes shown, exactly. */
  footnotes?: number[];
  /** Footnotes that must be among those shown. */
  someFootnotes?: number[];
  /** The chapter-text links shown, exactly, in any order. */
  content?: string[];
  /** Chapter-text links that must be among those shown. */
  someContent?: string[];
  /** The first chapter-text link. */
  firstContent?: string;
  /** The first footnote shown. */
  firstFootnote?: number;
  /** Footnotes that must not be shown. */
  notFootnotes?: number[];
}

const TABLE: Row[] = [
  { query: 'VNeID', why: 'a word only footnote 36 has', footnotes: [36], content: [] },
  { query: 'vneid', why: 'the same, in lower case', footnotes: [36], content: [] },
  { query: 'VSSID', why: 'another word of footnote 36', footnotes: [36], content: [] },
  { query: 'xi măng', why: 'a footnote-only phrase, with diacritics', footnotes: [7], content: [] },
  { query: 'xi mang', why: 'the same without diacritics; "vắc xin" and "mạng lưới" do not match', footnotes: [7], content: [] },
  { query: '"xi mang"', why: 'the same, quoted', footnotes: [7], content: [] },
  { query: 'compost', why: 'a footnote-only word (footnote 23)', footnotes: [23], content: [] },
  { query: 'compo', why: 'the word being typed matches the words it starts', footnotes: [23], content: [] },
  { query: 'FDI', why: 'an abbreviation only footnote 15 has', footnotes: [15], content: [] },
  { query: 'Dengue', why: 'a foreign word of footnote 32', footnotes: [32], content: [] },
  { query: '4.960,7', why: 'a number as footnote 7 writes it', footnotes: [7], content: [] },
  { query: 'KCN', why: 'an abbreviation of the text and of footnotes 13, 15, 26, 27', footnotes: [13, 15, 26, 27], content: [`${I1}#p1-i-1-6-3`] },
  {
    query: 'GRDP',
    why: 'an abbreviation of the text only',
    footnotes: [],
    content: [`${I1}#p1-i-1-d1`, '/phan-thu-hai/2-muc-tieu-chi-tieu/#p2-2-2-d2'],
  },
  { query: 'NSNN', why: 'an abbreviation of the text and footnote 14', footnotes: [14], content: [`${I1}#p1-i-1-4-d1`, '/phan-thu-hai/3-nhiem-vu-giai-phap/#p2-3-4-y1'] },
  { query: '8,16', why: 'a percentage as written ("8,16%")', footnotes: [], content: [`${I1}#p1-i-1-d1`] },
  { query: '184 nghìn', why: 'a number written in words and digits', footnotes: [], content: [`${I1}#p1-i-1-d1`] },
  { query: '1.899', why: 'a number with a thousands point', footnotes: [], content: ['/phan-thu-nhat/i-2-linh-vuc-xa-hoi/#p1-i-2-5-d2'] },
  { query: '"tỷ đồng"', why: 'a quoted phrase: the words together', footnotes: [14, 48, 64], content: [`${I1}#p1-i-1-4-d1`] },
  { query: 'ty dong', why: '"tỷ đồng" without diacritics; the phrase ranks first', someFootnotes: [14, 48, 64], firstContent: `${I1}#p1-i-1-4-d1` },
  { query: 'dau tu', why: '"đầu tư" without diacritics, at section 1.5 "Hoạt động đầu tư"', firstContent: `${I1}#p1-i-1-5`, someFootnotes: [13, 14] },
  { query: 'đầu tư', why: 'the same with diacritics', firstContent: `${I1}#p1-i-1-5`, someFootnotes: [13, 14] },
  { query: 'duong sat', why: '"đường sắt" without diacritics, only in footnote 13', footnotes: [13], someContent: [`${I1}#p1-i-1-6-1-d3`] },
  { query: 'đường sắt', why: 'the same with diacritics; the chapter with "sắt" ranks first', footnotes: [13], firstContent: `${I1}#p1-i-1-6-1-d3` },
  { query: 'hdnd', why: '"HĐND", with đ inside a word', footnotes: [52, 58], someContent: ['/phan-ket/#ket-d1', '/phan-thu-nhat/mo-dau/#p1-d2'] },
  { query: 'dầu', why: 'exact diacritics rank first: "xăng dầu" (footnote 8) before "đầu"', firstFootnote: 8, someFootnotes: [8, 13] },
  { query: 'vac xin', why: '"vắc xin" in the text and in footnote 32', footnotes: [32], content: ['/phan-thu-nhat/i-2-linh-vuc-xa-hoi/#p1-i-2-1-d1'] },
  { query: 'xyzzy', why: 'no match at all', footnotes: [], content: [] },
  { query: 'kinh te', why: 'words of the chapter name "Lĩnh vực kinh tế" count only where the text has them', someContent: [`${I1}#p1-i-1-d1`], someFootnotes: [2], notFootnotes: [7] },
  { query: 'compost xi mang', why: 'every word is needed: no record has all three', footnotes: [], content: [] },
];

describe('the search page, for each query of the table', () => {
  it('has at least 25 queries', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
  });

  for (const row of TABLE) {
    it(`shows for "${row.query}" (${row.why}) the expected links`, async () => {
      const got = await search(row.query);
      for (const link of got.footnotes) expect(link).toBe(atMarker(Number(link.split('#fnref-')[1])));
      if (row.footnotes) expect(numbers(got.footnotes)).toEqual([...row.footnotes].sort((a, b) => a - b));
      if (row.someFootnotes) expect(numbers(got.footnotes)).toEqual(expect.arrayContaining(row.someFootnotes));
      if (row.firstFootnote) expect(got.footnotes[0]).toBe(atMarker(row.firstFootnote));
      for (const n of row.notFootnotes ?? []) expect(numbers(got.footnotes)).not.toContain(n);
      if (row.content) expect([...got.content].sort()).toEqual([...row.content].sort());
      if (row.someContent) expect(got.content).toEqual(expect.arrayContaining(row.someContent));
      if (row.firstContent) expect(got.content[0]).toBe(row.firstContent);
      expect(new Set(got.queries)).toEqual(new Set(got.queries.length ? [row.query] : []));
      const total = got.content.length + got.footnotes.length + got.pages.length;
      expect(got.status).toContain(total === 0 ? 'Không tìm thấy kết quả nào' : `Tìm thấy ${total} kết quả`);
    });
  }
});

describe('the search page', () => {
  it('says plainly when nothing matches, and points to the footnote index', async () => {
    await withPage(chromium.browser, searchPath('xyzzy'), async ({ page }) => {
      await waitForResults(page, 'xyzzy');
      expect(await page.locator('[data-search-status]').textContent()).toBe('Không tìm thấy kết quả nào cho “xyzzy”.');
      expect(await page.locator('.no-results a').getAttribute('href')).toBe('/chu-thich/');
    });
  });

  it('searches as the reader types and keeps the URL in step', async () => {
    await withPage(chromium.browser, '/tim-kiem/', async ({ page, problems }) => {
      await page.locator('#tim-kiem-q').fill('xi mang');
      await waitForResults(page, 'xi mang');
      expect(new URL(page.url()).search).toBe('?q=xi+mang');
      expect((await shown(page)).footnotes).toEqual([atMarker(7)]);
      await page.locator('#tim-kiem-q').fill('VNeID');
      await waitForResults(page, 'VNeID');
      expect(new URL(page.url()).search).toBe('?q=VNeID');
      expect((await shown(page)).footnotes).toEqual([atMarker(36)]);
      expect(problems).toEqual([]);
    });
  });

  it('groups results under "Nội dung", "Chú thích" and "Trang tra cứu", each with its chapter name and marked words', async () => {
    await withPage(chromium.browser, searchPath('KCN'), async ({ page }) => {
      await waitForResults(page, 'KCN');
      expect(await page.locator('.result-group h2').allTextContents()).toEqual(['Nội dung 1 kết quả', 'Chú thích 4 kết quả', 'Trang tra cứu 1 kết quả']);
      const fn = page.locator('ol[data-kind="footnote"] li.result').first();
      expect(await fn.locator('.result-title').textContent()).toMatch(/^Chú thích \d+$/u);
      expect(await fn.locator('.result-context').textContent()).toBe('Trong chương I.1. Lĩnh vực kinh tế');
      expect(await fn.locator('.result-excerpt mark').first().textContent()).toMatch(/^KCN/u);
      expect(await page.locator('ol[data-kind="content"] .result-title').textContent()).toBe('I.1. Lĩnh vực kinh tế');
    });
  });

  it('shows the report’s own text, with its diacritics, in excerpts of a query typed without them', async () => {
    await withPage(chromium.browser, searchPath('ty dong'), async ({ page }) => {
      await waitForResults(page, 'ty dong');
      expect(await page.locator('ol[data-kind="content"] .result-excerpt mark').first().textContent()).toBe('tỷ đồng,');
    });
  });

  it('filters by part or chapter, and can search the footnotes only, from the URL and from the form', async () => {
    expect(await search('KCN', '&pham-vi=phan-thu-hai')).toMatchObject({ content: [], footnotes: [] });
    const inChapter = await search('KCN', `&pham-vi=${encodeURIComponent('phan-thu-nhat/i-1-linh-vuc-kinh-te')}`);
    expect(inChapter.content).toEqual([`${I1}#p1-i-1-6-3`]);
    expect(numbers(inChapter.footnotes)).toEqual([13, 15, 26, 27]);
    expect(await search('dau tu', '&chi-chu-thich=1')).toMatchObject({ content: [] });
    await withPage(chromium.browser, searchPath('NSNN'), async ({ page }) => {
      await waitForResults(page, 'NSNN');
      await page.locator('#tim-kiem-chu-thich').check();
      await page.waitForFunction(() => !document.querySelector('ol[data-kind="content"]'));
      expect(new URL(page.url()).searchParams.get('chi-chu-thich')).toBe('1');
      expect((await shown(page)).footnotes).toEqual([atMarker(14)]);
      await page.locator('#tim-kiem-chu-thich').uncheck();
      await page.locator('#tim-kiem-pham-vi').selectOption('phan-thu-hai');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('pham-vi') === 'phan-thu-hai');
      await page.waitForSelector('[data-search-results][data-state="done"] ol[data-kind="content"]');
      expect(await shown(page)).toMatchObject({ content: ['/phan-thu-hai/3-nhiem-vu-giai-phap/#p2-3-4-y1'], footnotes: [] });
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
      await page.keyboard.press('End');
      expect(await focused()).toBe(links[links.length - 1]);
      await page.keyboard.press('Home');
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
        const violations = await axeViolations(page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  });

  it('announces the number of results in a polite live region', async () => {
    await withPage(chromium.browser, searchPath('KCN'), async ({ page }) => {
      await waitForResults(page, 'KCN');
      const status = page.locator('[data-search-status]');
      expect(await status.getAttribute('role')).toBe('status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await status.textContent()).toBe('Tìm thấy 6 kết quả cho “KCN”: 1 trong nội dung, 4 trong chú thích, 1 trong trang tra cứu.');
    });
  });
});

describe('the search page without JavaScript', () => {
  it('says that search needs JavaScript and links to the footnote index, with no form to fill', async () => {
    await withPage(
      chromium.browser,
      searchPath('xi mang'),
      async ({ page }) => {
        const notice = page.locator('.notice');
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.textContent()).toContain('cần JavaScript');
        expect(await notice.locator('a').getAttribute('href')).toBe('/chu-thich/');
        expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });
});

describe('the search box on every page', () => {
  it('is focused by "/" and by Ctrl+K, and opens the search page with the query', async () => {
    await withPage(chromium.browser, I1, async ({ page, problems }) => {
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('Control+k');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
      await page.keyboard.type('compost');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/tim-kiem/');
      await waitForResults(page, 'compost');
      expect((await shown(page)).footnotes).toEqual([atMarker(23)]);
      expect(problems).toEqual([]);
    });
  });

  it('loads no search code or index on a chapter page until the reader searches', async () => {
    await withPage(chromium.browser, I1, async ({ page }) => {
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(loaded.filter((p) => p.startsWith('/pagefind/') || /search-(highlight|match|engine|page)/u.test(p))).toEqual([]);
      const scripts = await page.locator('script').evaluateAll((ss) => ss.map((s) => ({ src: s.getAttribute('src'), inline: (s.textContent ?? '').trim().length > 0 })));
      expect(scripts.filter((s) => s.inline)).toEqual([]);
    });
  });
});

describe('a page opened from a result', () => {
  it('opens a footnote result at its marker, with its pop-up open and the words marked', async () => {
    await withPage(chromium.browser, searchPath('xi mang'), async ({ page, problems }) => {
      await waitForResults(page, 'xi mang');
      await page.locator('ol[data-kind="footnote"] a.result-link').first().click();
      await page.waitForURL((u) => u.hash === '#fnref-7');
      await page.waitForSelector('#fn-pop-7:popover-open mark.search-hit');
      expect(await page.locator('#fn-pop-7 mark.search-hit').allTextContents()).toEqual(['xi', 'măng']);
      expect(await page.locator('#fn-7 mark.search-hit').allTextContents()).toEqual(['xi', 'măng']);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('fnref-7');
      expect(problems).toEqual([]);
    });
  });

  it('opens a chapter result at its paragraph, with the words marked in the text', async () => {
    await withPage(chromium.browser, searchPath('8,16'), async ({ page }) => {
      await waitForResults(page, '8,16');
      await page.locator('ol[data-kind="content"] a.result-link').first().click();
      await page.waitForSelector('mark.search-hit');
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('p1-i-1-d1');
      expect(await page.locator('#p1-i-1-d1 mark.search-hit').allTextContents()).toEqual(['8,16%']);
    });
  });

  it('marks words typed without diacritics, d/đ included, and not the footnote numbers', async () => {
    await withPage(chromium.browser, `${I1}?tu-khoa=${encodeURIComponent('ty dong')}#p1-i-1-4-d1`, async ({ page }) => {
      await page.waitForSelector('mark.search-hit');
      const marked = await page.locator('#p1-i-1-4-d1 mark.search-hit').allTextContents();
      expect(marked.slice(0, 2)).toEqual(['tỷ', 'đồng,']);
      expect(await page.locator('.fn-ref mark').count()).toBe(0);
    });
  });
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

  it('makes no request to another origin while searching', async () => {
    await withPage(chromium.browser, searchPath('dau tu'), async ({ page, problems }) => {
      await waitForResults(page, 'dau tu');
      expect(problems).toEqual([]);
    });
  });
});
