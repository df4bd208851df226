/**
 * The figures in Chromium: every chart draws its bars when it comes near the viewport
 * (pixels read back from the canvas), its table shows the numbers of
 * content/figures/figures.yaml as the report gives them, its CSV download parses back to
 * the same values; the button switches between chart and table, print always shows the
 * table; a worker draws them and shows tooltips; Chart.js is fetched only near a chart and never on
 * a text-only chapter; figure links lead to the sentence that states them; axe finds no
 * WCAG 2.2 A/AA violation on the new pages and the chapters with charts.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DATA_PATHS, chartAnchor, type ChartView } from '../../src/figures/figures';
import { chartCsvRows, CSV_COLUMNS, csvHeader, figureCsvRows, indicatorCsvRows, parseCsv, type CsvRow } from '../../src/figures/csv';
import { seriesStyle } from '../../src/figures/chart-config';
import { axeViolations, describeViolations, url, useBrowser, withPage } from '../support/e2e';
import { loadFigures } from '../unit/figures-data';
import { readReport } from '../support/faithful';
import { targetsSlug } from '../../src/core/years';

/** The targets page and its CSV, named after the year planned for (report.yaml). */
const TARGETS_PAGE = DATA_PATHS.targetsPage(targetsSlug(readReport()));
const TARGETS_CSV = DATA_PATHS.indicatorsCsv(targetsSlug(readReport()));

const { figures, data } = loadFigures();
const byId = new Map(figures.map((f) => [f.id, f]));
const charts = data.charts;
const chartPages = [...new Set(charts.map((c) => c.placement!.href.replace(/#.*$/u, '')))];
const chromium = useBrowser();
const REDUCED = { reducedMotion: 'reduce' as const, viewport: { width: 1280, height: 900 } };

/** Scrolls a chart's figure into view and waits until the chart script reports it drawn. */
async function drawn(page: Page, id: string) {
  const figure = page.locator(`#${chartAnchor(id)}`);
  await figure.scrollIntoViewIfNeeded();
  await expect.poll(() => figure.getAttribute('data-state'), { timeout: 15_000 }).toBe('drawn');
}

/**
 * What the canvas shows, read from a screenshot of it (the page cannot read its pixels:
 * the canvas is drawn by the chart worker): how many pixels are painted (not the white
 * of the chart's card), and how many are close to each given colour.
 */
async function canvasPixels(page: Page, id: string, colours: string[]) {
  const png = await page.locator(`#${chartAnchor(id)} canvas`).screenshot({ animations: 'disabled' });
  const { data: px, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const rgb = colours.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)));
  const near = rgb.map(() => 0);
  let painted = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i] > 235 && px[i + 1] > 235 && px[i + 2] > 235) continue;
    painted++;
    rgb.forEach(([r, g, b], k) => {
      if (Math.abs(px[i] - r) < 24 && Math.abs(px[i + 1] - g) < 24 && Math.abs(px[i + 2] - b) < 24) near[k]++;
    });
  }
  return { total: info.width * info.height, painted, near };
}

/**
 * What the canvas shows once it shows the chart: the page's canvas gets the worker's frame
 * from the compositor, a frame or so after the worker has drawn it.
 */
async function chartPixels(page: Page, id: string, colours: string[]) {
  let pixels: Awaited<ReturnType<typeof canvasPixels>> | undefined;
  await expect
    .poll(
      async () => {
        pixels = await canvasPixels(page, id, colours);
        return pixels.painted / pixels.total;
      },
      { timeout: 5_000 },
    )
    .toBeGreaterThan(0.03);
  return pixels!;
}

/** The rows of a chart's table as the page shows them: header cell, then each cell's text and data-value. */
function tableRows(page: Page, id: string) {
  return page.locator(`#${chartAnchor(id)} table`).evaluate((table) => ({
    caption: table.querySelector('caption')?.textContent?.trim(),
    head: [...table.querySelectorAll('thead th')].map((th) => ({ text: th.textContent?.trim(), scope: th.getAttribute('scope') })),
    rows: [...table.querySelectorAll('tbody tr, tfoot tr')].map((tr) => ({
      header: tr.querySelector('th')?.textContent?.trim(),
      scope: tr.querySelector('th')?.getAttribute('scope'),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent?.trim(), value: td.getAttribute('data-value') })),
    })),
  }));
}

/** The rows a chart's table should have, from the data files. */
function expectedRows(chart: ChartView) {
  return [...chart.rows, ...chart.totals].map((r) => ({
    header: r.label,
    scope: 'row',
    cells: r.cells.map((c) => (c ? { text: c.display, value: String(c.value) } : { text: expect.stringMatching(/^(không nêu)?$/u), value: null })),
  }));
}

/** Fetches a download from the test server: its bytes as text, whether it starts with a BOM, and its content type. */
async function download(path: string) {
  const res = await fetch(url(path));
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    text: new TextDecoder('utf-8').decode(bytes),
  };
}

/** CSV rows, back from their fields, as records keyed by column. */
function records(text: string): CsvRow[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(csvHeader());
  return rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])) as CsvRow);
}

/** Checks that CSV records carry each figure's own value, unit, words, quote and source. */
function expectFaithful(rows: CsvRow[]) {
  for (const r of rows.filter((x) => x.id)) {
    const f = byId.get(r.id)!;
    expect(f, r.id).toBeDefined();
    expect(Number(r.value), r.id).toBe(r.note.startsWith('phần tổng') ? f.outOf : f.value);
    expect([r.unit, r.text, r.quote], r.id).toEqual([f.unit, f.text, f.quote]);
    expect(r.source).toBe(data.figures.get(r.id)!.link.href);
  }
}

describe('the "Số liệu" page', () => {
  it('shows every chart of content/figures/charts.yaml once, in the report\'s order, each marked for the search and the text checks to skip', async () => {
    await withPage(chromium.browser, DATA_PATHS.figuresPage, async ({ page, problems }) => {
      const shown = await page.locator('figure.chart').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-chart-id'), ignored: el.hasAttribute('data-pagefind-ignore') })));
      expect(shown).toEqual(charts.map((c) => ({ id: c.id, ignored: true })));
      expect(problems).toEqual([]);
    });
  });

  it.each(charts.map((c) => ({ id: c.id, chart: c })))('draws $id on its canvas, in the colour of each series', async ({ id, chart }) => {
    await withPage(
      chromium.browser,
      DATA_PATHS.figuresPage,
      async ({ page, problems }) => {
        await drawn(page, id);
        const colours = chart.payload.series.map((s) => seriesStyle(s.style).color);
        const pixels = await chartPixels(page, id, colours);
        expect(pixels.painted / pixels.total, 'share of painted pixels').toBeGreaterThan(0.03);
        pixels.near.forEach((n, k) => expect(n, `pixels of series "${chart.payload.series[k].label}"`).toBeGreaterThan(40));
        expect(problems).toEqual([]);
      },
      REDUCED,
    );
  });

  it.each(charts.map((c) => ({ id: c.id, chart: c })))('gives $id a captioned table with the numbers of the data, as the report gives them', async ({ id, chart }) => {
    await withPage(chromium.browser, DATA_PATHS.figuresPage, async ({ page }) => {
      const table = await tableRows(page, id);
      expect(table.caption).toBe(chart.title);
      expect(table.head).toEqual([chart.categoryHeader, ...chart.columns.map((c) => c.label)].map((text) => ({ text, scope: 'col' })));
      expect(table.rows).toEqual(expectedRows(chart));
      const caption = await page.locator(`#${chartAnchor(id)} figcaption`).innerText();
      expect(caption).toContain(chart.title);
      const links = await page.locator(`#${chartAnchor(id)} figcaption a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining(chart.sources.map((s) => s.href)));
    });
  });

  it('links every figure in its list to its source, and reads its value as the data gives it', async () => {
    await withPage(chromium.browser, DATA_PATHS.figuresPage, async ({ page }) => {
      const rows = await page.locator('tr[data-figure]').evaluateAll((trs) =>
        trs.map((tr) => {
          const a = tr.querySelector<HTMLAnchorElement>('a.figure-value')!;
          return { id: tr.getAttribute('data-figure'), href: a.getAttribute('href'), value: a.firstChild?.textContent, quote: tr.querySelector('q')?.textContent };
        }),
      );
      expect(rows.map((r) => r.id).sort()).toEqual(figures.map((f) => f.id).sort());
      for (const r of rows) {
        const f = data.figures.get(r.id!)!;
        expect(r).toEqual({ id: f.id, href: f.link.href, value: f.display, quote: f.quote });
      }
    });
  });

  it('says that the report\'s Phụ lục 01 is not in the source, and links the downloads', async () => {
    await withPage(chromium.browser, DATA_PATHS.figuresPage, async ({ page }) => {
      expect(await page.locator('main').innerText()).toContain('phụ lục đó không có trong văn bản nguồn');
      for (const href of [DATA_PATHS.json, DATA_PATHS.figuresCsv, TARGETS_CSV]) expect(await page.locator(`main a[href="${href}"]`).count(), href).toBeGreaterThan(0);
    });
  });
});

describe('a chart figure', () => {
  const id = 'chi-tieu-2023-theo-nhom';

  it('shows its table, and neither the chart nor the button, without JavaScript', async () => {
    await withPage(
      chromium.browser,
      DATA_PATHS.figuresPage,
      async ({ page }) => {
        const fig = page.locator(`#${chartAnchor(id)}`);
        expect(await fig.locator('table').isVisible()).toBe(true);
        expect(await fig.locator('canvas').isVisible()).toBe(false);
        expect(await fig.locator('.chart-toggle').isVisible()).toBe(false);
      },
      { javaScriptEnabled: false },
    );
  });

  it('switches to its table and back with its button, the table staying in the accessibility tree', async () => {
    await withPage(
      chromium.browser,
      DATA_PATHS.figuresPage,
      async ({ page }) => {
        await drawn(page, id);
        const fig = page.locator(`#${chartAnchor(id)}`);
        const button = fig.locator('button.chart-toggle');
        const state = async () => ({
          canvas: await fig.locator('canvas').isVisible(),
          // In chart view the table keeps its place (nothing shifts), unseen: opacity 0.
          tableShown: await fig.locator('.chart-table').evaluate((t) => t.getBoundingClientRect().width > 100 && getComputedStyle(t).opacity !== '0'),
          button: (await button.innerText()).trim(),
        });
        expect(await state()).toEqual({ canvas: true, tableShown: false, button: 'Xem bảng số liệu' });
        expect(await page.getByRole('table', { name: charts.find((c) => c.id === id)!.title }).count()).toBe(1);
        await button.click();
        expect(await state()).toEqual({ canvas: false, tableShown: true, button: 'Xem biểu đồ' });
        await button.focus();
        await page.keyboard.press('Enter');
        expect(await state()).toEqual({ canvas: true, tableShown: false, button: 'Xem bảng số liệu' });
      },
      REDUCED,
    );
  });

  it('always shows its table in print, beside the chart once drawn', async () => {
    await withPage(
      chromium.browser,
      DATA_PATHS.figuresPage,
      async ({ page }) => {
        await drawn(page, id);
        await page.emulateMedia({ media: 'print' });
        const fig = page.locator(`#${chartAnchor(id)}`);
        expect(await fig.locator('.chart-table').evaluate((t) => t.getBoundingClientRect().width > 100)).toBe(true);
        expect(await fig.locator('canvas').isVisible()).toBe(true);
        expect(await fig.locator('.chart-toggle').isVisible()).toBe(false);
      },
      REDUCED,
    );
  });

  it('is drawn by a worker that holds Chart.js, which the page cannot draw on any more, and shows a bar\'s tooltip under the pointer', async () => {
    const id = 'co-cau-kinh-te-2023';
    await withPage(
      chromium.browser,
      DATA_PATHS.figuresPage,
      async ({ page, problems }) => {
        await drawn(page, id);
        expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([expect.stringMatching(/^\/_astro\/chartjs\.[\w-]+\.js$/u)]);
        // Handed to the worker (transferControlToOffscreen): the page's own 2D context is refused.
        const pageContext = await page.locator(`#${chartAnchor(id)} canvas`).evaluate((canvas: HTMLCanvasElement) => {
          try {
            return String(canvas.getContext('2d'));
          } catch (error) {
            return (error as Error).name;
          }
        });
        expect(pageContext).toBe('InvalidStateError');
        // The pointer over the middle of the longest bar (the second of three rows): Chart.js, in
        // the worker, draws its tooltip, a dark box (80% black over white), from the forwarded pointer events.
        const dark = async () => (await canvasPixels(page, id, ['#333333'])).near[0];
        const before = await dark();
        const box = (await page.locator(`#${chartAnchor(id)} canvas`).boundingBox())!;
        await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.37);
        await expect.poll(dark, { timeout: 5_000 }).toBeGreaterThan(before + 500);
        await page.mouse.move(0, 0);
        await expect.poll(dark, { timeout: 5_000 }).toBeLessThan(before + 100);
        expect(problems).toEqual([]);
      },
      REDUCED,
    );
  });
});

describe('the chart code', () => {
  /** Opens a page in a fresh context, recording every script it requests from the first byte on. */
  async function openRecording(path: string) {
    const context = await chromium.browser.newContext(REDUCED);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
    });
    await page.goto(url(path), { waitUntil: 'networkidle' });
    return { page, scripts, close: () => context.close() };
  }

  it('is not loaded at all by a chapter without charts', async () => {
    const { page, scripts, close } = await openRecording('/phan-thu-nhat/i-3-linh-vuc-noi-chinh/');
    try {
      expect(await page.locator('figure.chart').count()).toBe(0);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => /DataChart|chartjs/u.test(s))).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fetches Chart.js only when a chart comes near the viewport, from the site itself', async () => {
    const { page, scripts, close } = await openRecording('/phan-thu-hai/2-muc-tieu-chi-tieu/');
    try {
      expect(scripts.some((s) => /DataChart/u.test(s))).toBe(true);
      expect(scripts.filter((s) => /chartjs/u.test(s))).toEqual([]);
      await drawn(page, 'chi-tieu-2024-tang-truong');
      expect(scripts.filter((s) => /chartjs/u.test(s))).toEqual([expect.stringMatching(/^\/_astro\/chartjs\.[\w-]+\.js$/u)]);
    } finally {
      await close();
    }
  });

  it.each([DATA_PATHS.figuresPage, TARGETS_PAGE, ...chartPages])('is loaded on %s from external files only, with no inline script or event handler', async (path) => {
    await withPage(chromium.browser, path, async ({ page }) => {
      const inline = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll('script:not([src])')].filter((s) => !['application/json', 'application/ld+json'].includes((s as HTMLScriptElement).type)).length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/iu.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
      }));
      expect(inline).toEqual({ scripts: 0, handlers: [] });
    });
  });
});

describe('the charts in the chapters', () => {
  it.each(charts.map((c) => ({ id: c.id, chart: c, page: c.placement!.href.replace(/#.*$/u, '') })))('$id stands in $page and draws there', async ({ id, chart, page: path }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page, problems }) => {
        expect(await page.locator(`article #${chartAnchor(id)}`).count()).toBe(1);
        await drawn(page, id);
        const pixels = await chartPixels(page, id, chart.payload.series.map((s) => seriesStyle(s.style).color));
        expect(pixels.painted / pixels.total).toBeGreaterThan(0.03);
        expect((await tableRows(page, id)).rows).toEqual(expectedRows(chart));
        expect(problems).toEqual([]);
      },
      REDUCED,
    );
  });

  it('leave the permalink ids of the paragraphs around them unchanged', async () => {
    await withPage(chromium.browser, '/phan-thu-nhat/i-1-linh-vuc-kinh-te/', async ({ page }) => {
      const around = await page.locator(`#${chartAnchor('von-fdi-2023')}`).evaluate((fig) => ({
        before: fig.previousElementSibling?.id,
        after: fig.nextElementSibling?.id,
      }));
      expect(around).toEqual({ before: 'p1-i-1-5-2-d1', after: 'p1-i-1-5-2-d2' });
    });
  });
});

describe('the "Chỉ tiêu chủ yếu năm 2024" page', () => {
  it('lists the 15 targets, each beside its 2023 result or "báo cáo không nêu số liệu năm 2023"', async () => {
    await withPage(chromium.browser, TARGETS_PAGE, async ({ page }) => {
      const rows = await page.locator('.indicator-table tr[data-indicator]:not(.parent)').evaluateAll((trs) =>
        trs.map((tr) => {
          const cell = (col: string) => {
            const td = tr.querySelector(`td[data-col="${col}"]`)!;
            return td.querySelector('a.figure-value')?.firstChild?.textContent ?? td.querySelector('.value')?.textContent?.trim();
          };
          return { id: tr.getAttribute('data-indicator'), part: tr.getAttribute('data-part'), target: cell('target'), result: cell('result'), plan: cell('plan') };
        }),
      );
      const expected = data.indicators.flatMap((v) =>
        v.parts.map((p) => ({
          id: v.indicator.id,
          part: p.label ?? null,
          target: p.target.display,
          result: p.result?.display ?? 'báo cáo không nêu số liệu năm 2023',
          plan: p.plan?.display ?? 'không nêu',
        })),
      );
      expect(new Set(rows.map((r) => r.id)).size).toBe(15);
      expect(rows).toEqual(expected);
    });
  });

  it('links every number of the table to the sentence that states it', async () => {
    await withPage(chromium.browser, TARGETS_PAGE, async ({ page }) => {
      const links = await page.locator('.indicator-table td a.figure-value').evaluateAll((as) => as.map((a) => ({ id: a.getAttribute('data-figure'), href: a.getAttribute('href') })));
      expect(links.length).toBeGreaterThan(20);
      for (const l of links) expect(l.href, l.id!).toBe(data.figures.get(l.id!)!.link.href);
    });
  });

  it('shows the charts of the targets beside the 2023 figures', async () => {
    await withPage(chromium.browser, TARGETS_PAGE, async ({ page }) => {
      const ids = await page.locator('figure.chart').evaluateAll((els) => els.map((el) => el.getAttribute('data-chart-id')));
      expect(ids).toEqual(charts.filter((c) => c.id.startsWith('chi-tieu-2024-')).map((c) => c.id));
    });
  });
});

describe('a figure link', () => {
  /** The plain text of an element as a reader sees it, without footnote markers and permalink icons. */
  const readText = (page: Page, id: string) =>
    page.evaluate((target) => {
      const el = document.getElementById(target);
      if (!el) return null;
      const copy = el.cloneNode(true) as HTMLElement;
      for (const x of copy.querySelectorAll('.fn, .fn-pop, .permalink, .num, .back')) x.remove();
      return (copy.querySelector('.text') ?? copy).textContent!.replace(/\s+/gu, ' ').trim();
    }, id);

  it.each(chartPages.concat(['/phan-thu-nhat/i-2-linh-vuc-xa-hoi/', '/phan-thu-nhat/mo-dau/']).filter((p, i, all) => all.indexOf(p) === i))(
    'leads to a paragraph or footnote of %s that states the figure in the report\'s words',
    async (path) => {
      const here = [...data.figures.values()].filter((f) => f.link.href.startsWith(path));
      await withPage(chromium.browser, path, async ({ page }) => {
        for (const f of here) {
          const target = f.link.href.split('#')[1];
          const text = await readText(page, target);
          expect(text, `#${target} for ${f.id}`).not.toBeNull();
          expect(text, f.id).toContain(f.quote.replace(/\s+/gu, ' '));
        }
      });
    },
  );
});

describe('the downloads', () => {
  it.each(charts.map((c) => ({ id: c.id, chart: c })))('/du-lieu/$id.csv is UTF-8 with a BOM and parses back to the values of the chart\'s table', async ({ chart }) => {
    const file = await download(DATA_PATHS.chartCsv(chart.id));
    expect([file.status, file.type, file.bom]).toEqual([200, 'text/csv; charset=utf-8', true]);
    const rows = records(file.text);
    expect(rows.map((r) => [r.row, r.column, r.id, Number(r.value)])).toEqual(
      [...chart.rows, ...chart.totals].flatMap((r) => r.cells.flatMap((c, j) => (c ? [[r.label, chart.columns[j].label, c.figure.id, c.value]] : []))),
    );
    expect(rows).toEqual(chartCsvRows(chart));
    expectFaithful(rows);
  });

  it('/du-lieu/chi-tieu-2024.csv gives every target and stated 2023 figure, and says where the report gives no 2023 result', async () => {
    const file = await download(TARGETS_CSV);
    expect(file.bom).toBe(true);
    const rows = records(file.text);
    expect(rows).toEqual(indicatorCsvRows(data.indicators, data.years));
    expectFaithful(rows);
    expect(rows.filter((r) => r.note === 'báo cáo không nêu số liệu năm 2023').length).toBe(10);
    expect(rows.filter((r) => r.column === 'Kế hoạch năm 2024').length).toBe(data.indicators.flatMap((v) => v.parts).length);
  });

  it('/du-lieu/so-lieu.csv lists every figure once, with its value, unit, words, quote and source', async () => {
    const file = await download(DATA_PATHS.figuresCsv);
    expect(file.bom).toBe(true);
    const rows = records(file.text);
    expect(rows.map((r) => r.id).sort()).toEqual(figures.map((f) => f.id).sort());
    expect(rows).toEqual(figureCsvRows([...data.figures.values()], data.years));
    expectFaithful(rows);
  });

  it('/du-lieu/du-lieu.json holds every figure, indicator and chart with the values of the data files', async () => {
    const file = await download(DATA_PATHS.json);
    expect([file.status, file.type]).toEqual([200, 'application/json; charset=utf-8']);
    const json = JSON.parse(file.text) as { figures: { id: string; value: number; unit: string; quote: string }[]; indicators: { id: string }[]; charts: { id: string }[] };
    expect(json.figures.map((f) => [f.id, f.value, f.unit, f.quote]).sort()).toEqual(figures.map((f) => [f.id, f.value, f.unit, f.quote]).sort());
    expect(json.indicators.length).toBe(15);
    expect(json.charts.map((c) => c.id)).toEqual(charts.map((c) => c.id));
  });

  it('are linked under every chart and under the indicator table', async () => {
    await withPage(chromium.browser, TARGETS_PAGE, async ({ page }) => {
      const under = await page.locator('figure.chart, .indicator-table').evaluateAll((els) =>
        els.map((el) => [...el.querySelectorAll(':scope > .downloads a')].map((a) => a.getAttribute('href'))),
      );
      expect(under[0]).toEqual([TARGETS_CSV, DATA_PATHS.json]);
      for (const [k, chart] of charts.filter((c) => c.id.startsWith('chi-tieu-2024-')).entries()) expect(under[k + 1]).toEqual([DATA_PATHS.chartCsv(chart.id), DATA_PATHS.json]);
    });
  });
});

describe('the home page', () => {
  it('links the "Số liệu" and "Chỉ tiêu chủ yếu năm 2024" pages', async () => {
    await withPage(chromium.browser, '/', async ({ page }) => {
      for (const href of [DATA_PATHS.figuresPage, TARGETS_PAGE]) expect(await page.locator(`main a[href="${href}"]`).count(), href).toBe(1);
    });
  });
});

describe('the new pages and the chapters with charts, checked by axe-core against WCAG 2.2 A and AA', () => {
  const cases = [DATA_PATHS.figuresPage, TARGETS_PAGE, ...chartPages].flatMap((path) => [390, 1280].map((width) => ({ path, width })));

  it.each(cases)('$path at $width px has no violations, with every chart drawn and one switched to its table', async ({ path, width }) => {
    await withPage(
      chromium.browser,
      path,
      async ({ page }) => {
        const ids = await page.locator('figure.chart').evaluateAll((els) => els.map((el) => el.getAttribute('data-chart-id')!));
        for (const id of ids) await drawn(page, id);
        if (ids.length > 0) await page.locator(`#${chartAnchor(ids[0])} button.chart-toggle`).click();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        expect(describeViolations(await axeViolations(page)), `axe-core violations on ${path} at ${width}px`).toBe('');
      },
      { reducedMotion: 'reduce', viewport: { width, height: 900 } },
    );
  });
});
