/**
 * The site benchmark (run by `npm run bench`, tests/bench/index.ts; not a test: it
 * asserts nothing, the budgets are tests/e2e/budgets.test.ts). In a temporary copy of
 * the project (tests/support/project-copy.ts), so that it neither writes dist/ nor
 * depends on edits made meanwhile, it measures:
 * - build time: the wall time of `astro build`, split into the search index (the time
 *   the search integration logs) and Astro (the rest); the best of BUILD_RUNS runs (the
 *   least disturbed by other work on the machine), their median, and the first run, made
 *   without Astro's cache;
 * - per kind of page, what a first visit downloads before any interaction: HTML, CSS, JS
 *   and fonts, gzipped as served (tests/support/transfer.ts), and the requests;
 * - the JS a text-only chapter loads and how much of it runs (Chromium's coverage);
 * - scale: the same site with 10 times the content (tests/bench/scale-content.ts), its
 *   build time and index size against the real site's.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { astroBuild, copyProject, type ProjectCopy } from '../support/project-copy.ts';
import { serve } from '../support/server.ts';
import { gzipSize, measurePage, type Kind } from '../support/transfer.ts';
import { multiplyContent } from './scale-content.ts';

/** Builds of each site; the real and the scaled site are built in turn, so that a change in the machine's load affects both alike. */
export const BUILD_RUNS = 5;
export const SCALE = 10;

/** The kinds of page a reader meets, each by one page. */
export const PAGE_KINDS: { kind: string; path: string; chart?: boolean }[] = [
  { kind: 'home (contents)', path: '/' },
  { kind: 'chapter, text only', path: '/phan-thu-nhat/ii-danh-gia-chung/' },
  { kind: 'chapter, longest text only', path: '/phan-thu-nhat/i-2-linh-vuc-xa-hoi/' },
  // Its first chart is near the top: Chart.js loads and draws it without a scroll.
  { kind: 'chapter with charts', path: '/phan-thu-nhat/i-1-linh-vuc-kinh-te/' },
  { kind: 'chapter with charts below the fold, one drawn', path: '/phan-thu-hai/2-muc-tieu-chi-tieu/', chart: true },
  { kind: 'footnote index', path: '/chu-thich/' },
  { kind: 'corrections', path: '/dinh-chinh/' },
  { kind: 'figures (Số liệu)', path: '/so-lieu/' },
  { kind: 'targets', path: '/chi-tieu-2024/' },
  { kind: 'whole report (/in/)', path: '/in/' },
  { kind: 'search, before a query', path: '/tim-kiem/' },
  { kind: '404', path: '/does-not-exist/' },
];
const TEXT_CHAPTER = '/phan-thu-nhat/ii-danh-gia-chung/';

export interface BuildTiming {
  wallMs: number;
  indexMs: number;
  astroMs: number;
}

export interface PageRow {
  kind: string;
  path: string;
  requests: number;
  gzip: Record<Kind, number>;
  /** HTML + CSS + JS, gzip. */
  pageGzip: number;
  /** Everything, fonts as served. */
  totalGzip: number;
}

export interface SiteBench {
  node: string;
  build: { runs: BuildTiming[]; best: BuildTiming; median: BuildTiming; pages: number; distBytes: number; indexBytes: number; indexFiles: number };
  pages: PageRow[];
  textChapterJs: { path: string; files: { path: string; bytes: number; gzip: number; usedBytes: number }[]; bytes: number; gzip: number; usedBytes: number };
  scale: {
    factor: number;
    chapters: number;
    footnotes: number;
    runs: BuildTiming[];
    best: BuildTiming;
    median: BuildTiming;
    pages: number;
    indexBytes: number;
    indexFiles: number;
    /** Scaled ÷ real, best runs. */
    ratio: { wall: number; astro: number; index: number; indexBytes: number; pages: number };
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function medianTiming(runs: BuildTiming[]): BuildTiming {
  return { wallMs: median(runs.map((r) => r.wallMs)), indexMs: median(runs.map((r) => r.indexMs)), astroMs: median(runs.map((r) => r.astroMs)) };
}

/** The best of the runs, part by part: each part's least disturbed time. */
function bestTiming(runs: BuildTiming[]): BuildTiming {
  return { wallMs: Math.min(...runs.map((r) => r.wallMs)), indexMs: Math.min(...runs.map((r) => r.indexMs)), astroMs: Math.min(...runs.map((r) => r.astroMs)) };
}

/** Files and bytes under a folder. */
function du(dir: string): { files: number; bytes: number } {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { files: files.length, bytes: files.reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0) };
}

const pageCount = (dir: string) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

/** Builds `root` into `outDir` once; throws with the build's output when it fails. */
async function timedBuild(root: string, outDir: string): Promise<BuildTiming> {
  const result = await astroBuild(root, outDir);
  if (result.status !== 0) throw new Error(`astro build failed in ${root}:\n${result.output.slice(-4000)}`);
  const m = /files in pagefind\/ \((\d+) ms\)/u.exec(result.output);
  if (!m) throw new Error('the search integration did not log its time ("… files in pagefind/ (N ms)")');
  const indexMs = Number(m[1]);
  return { wallMs: result.ms, indexMs, astroMs: result.ms - indexMs };
}

/** Bytes of each JS file the page ran, and of the code in it that ran (V8 block coverage). */
async function jsExecuted(browser: Browser, url: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.coverage.startJSCoverage({ resetOnNavigation: false });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const entries = await page.coverage.stopJSCoverage();
    const files = entries
      .filter((e) => e.url.startsWith('http'))
      .map((e) => {
        const source = e.source ?? '';
        const used = new Uint8Array(source.length);
        // Outer ranges first, so that a nested range that did not run clears what its function set.
        const ranges = e.functions.flatMap((f) => f.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
        for (const r of ranges) used.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
        return { path: new URL(e.url).pathname, bytes: Buffer.byteLength(source), gzip: gzipSize(source), usedBytes: used.reduce((s, b) => s + b, 0) };
      })
      .sort((a, b) => a.path.localeCompare(b.path));
    return { path: new URL(url).pathname, files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0), usedBytes: files.reduce((s, f) => s + f.usedBytes, 0) };
  } finally {
    await context.close();
  }
}

export interface SiteBenchRun {
  result: SiteBench;
  /** The real site's build, for the search bench; removed by cleanup(). */
  dist: string;
  cleanup: () => void;
}

export async function runSiteBench(log: (line: string) => void = console.log): Promise<SiteBenchRun> {
  const copies: ProjectCopy[] = [];
  const cleanup = () => copies.forEach((c) => c.remove());
  try {
    // The real site, and the same site with ten times the content, built in turn.
    const real = copyProject('report-bench-');
    copies.push(real);
    const scaled = copyProject('report-bench-scale-');
    copies.push(scaled);
    const counts = multiplyContent(scaled.root, SCALE);
    const runs: BuildTiming[] = [];
    const scaleRuns: BuildTiming[] = [];
    for (let i = 1; i <= BUILD_RUNS; i++) {
      log(`building the site (${i}/${BUILD_RUNS})…`);
      runs.push(await timedBuild(real.root, `dist-${i}`));
      log(`building the site with ${SCALE}× the content (${i}/${BUILD_RUNS})…`);
      scaleRuns.push(await timedBuild(scaled.root, `dist-${i}`));
    }
    const dist = join(real.root, `dist-${BUILD_RUNS}`);
    const index = du(join(dist, 'pagefind'));
    const build = { runs, best: bestTiming(runs), median: medianTiming(runs), pages: pageCount(dist), distBytes: du(dist).bytes, indexBytes: index.bytes, indexFiles: index.files };

    // What each kind of page costs, and the JS of a text-only chapter.
    log('measuring the pages in Chromium…');
    const server = await serve(dist);
    const browser = await launch();
    let pages: PageRow[];
    let textChapterJs: SiteBench['textChapterJs'];
    try {
      pages = [];
      for (const { kind, path, chart } of PAGE_KINDS) {
        const cost = await measurePage(browser, `${server.url}${path}`, {}, chart
          ? async (page) => {
              await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
              await page.locator('figure.chart[data-state="drawn"]').first().waitFor({ state: 'attached' });
            }
          : undefined);
        const t = cost.totals;
        const gzip = { html: t.html.gzip, css: t.css.gzip, js: t.js.gzip, font: t.font.gzip, other: t.other.gzip };
        pages.push({ kind, path, requests: cost.transfers.length, gzip, pageGzip: gzip.html + gzip.css + gzip.js, totalGzip: Object.values(gzip).reduce((a, b) => a + b, 0) });
      }
      textChapterJs = await jsExecuted(browser, `${server.url}${TEXT_CHAPTER}`);
    } finally {
      await browser.close();
      await server.close();
    }

    const scaledDist = join(scaled.root, `dist-${BUILD_RUNS}`);
    const scaledIndex = du(join(scaledDist, 'pagefind'));
    const scaledBest = bestTiming(scaleRuns);
    const scaledPages = pageCount(scaledDist);
    const scale = {
      factor: SCALE,
      ...counts,
      runs: scaleRuns,
      best: scaledBest,
      median: medianTiming(scaleRuns),
      pages: scaledPages,
      indexBytes: scaledIndex.bytes,
      indexFiles: scaledIndex.files,
      ratio: {
        wall: scaledBest.wallMs / build.best.wallMs,
        astro: scaledBest.astroMs / build.best.astroMs,
        index: scaledBest.indexMs / build.best.indexMs,
        indexBytes: scaledIndex.bytes / build.indexBytes,
        pages: scaledPages / build.pages,
      },
    };
    // The scaled copy is no longer needed; the real build stays for the search bench.
    scaled.remove();
    copies.splice(copies.indexOf(scaled), 1);
    return { result: { node: process.version, build, pages, textChapterJs, scale }, dist, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (r: number) => `×${r.toFixed(1)}`;

/** Lines of a plain-text table, columns padded; the first row is the header. */
export function table(rows: string[][], alignRight = (col: number) => col > 0): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (alignRight(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w, c) => (alignRight(c) ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`, ...rows.slice(1).map(line)];
}

/** The site bench as text tables. */
export function siteReport(r: SiteBench): string[] {
  const b = r.build;
  const row = (name: string, t: { runs: BuildTiming[]; best: BuildTiming; median: BuildTiming }, pages: number, dist: string, index: string) => [
    name,
    s(t.best.wallMs),
    s(t.best.astroMs),
    s(t.best.indexMs),
    s(t.median.wallMs),
    s(t.runs[0].wallMs),
    String(pages),
    dist,
    index,
  ];
  return [
    `Build: astro build in a copy of the project, Node ${r.node}, ${b.runs.length} runs of each site in turn; best run (Astro / search index split), median, and first run (no cache)`,
    ...table([
      ['', 'best', 'Astro', 'search index', 'median', 'first', 'pages', 'dist/', 'pagefind/'],
      row('real site', b, b.pages, kb(b.distBytes), `${kb(b.indexBytes)} in ${b.indexFiles} files`),
      row(`${r.scale.factor}× content (${r.scale.chapters} chapters, ${r.scale.footnotes} footnotes)`, r.scale, r.scale.pages, '', `${kb(r.scale.indexBytes)} in ${r.scale.indexFiles} files`),
      ['growth', x(r.scale.ratio.wall), x(r.scale.ratio.astro), x(r.scale.ratio.index), '', '', x(r.scale.ratio.pages), '', x(r.scale.ratio.indexBytes)],
    ]),
    '',
    'Transfer per kind of page (first visit, no interaction; gzip, fonts as served)',
    ...table([
      ['page', 'path', 'HTML', 'CSS', 'JS', 'HTML+CSS+JS', 'fonts', 'total', 'requests'],
      ...r.pages.map((p) => [p.kind, p.path, kb(p.gzip.html), kb(p.gzip.css), kb(p.gzip.js), kb(p.pageGzip), kb(p.gzip.font), kb(p.totalGzip), String(p.requests)]),
    ], (c) => c > 1),
    '',
    `JS on a text-only chapter (${r.textChapterJs.path}): ${r.textChapterJs.files.length} files, ${kb(r.textChapterJs.bytes)} (${kb(r.textChapterJs.gzip)} gzip), ${kb(r.textChapterJs.usedBytes)} executed (${((100 * r.textChapterJs.usedBytes) / Math.max(1, r.textChapterJs.bytes)).toFixed(0)}%)`,
    ...table([
      ['file', 'bytes', 'gzip', 'executed'],
      ...r.textChapterJs.files.map((f) => [f.path, String(f.bytes), String(f.gzip), String(f.usedBytes)]),
    ]),
  ];
}
