/**
 * Build step: the PDFs of dist/pdf/, printed by the system Chromium (through
 * playwright-core) from the paged print views that the build wrote under dist/ban-in/
 * (one per chapter and one of the whole report, laid out by Paged.js), then the links
 * to them written into the pages that hold a placeholder (src/print/paged.ts).
 *
 * - Chromium is CHROMIUM_PATH or /usr/bin/chromium. Without it, or when it cannot start,
 *   the build goes on: one line says the PDFs were skipped and why, and the placeholders
 *   are removed, so that no link is rendered.
 * - Each PDF: A4 pages exactly as the preview shows them (the page counts must agree),
 *   fonts embedded by Chromium, an outline of bookmarks from the headings and tags
 *   (page.pdf's `outline` and `tagged`), and the document's title, author and language
 *   (vi) set with pdf-lib. Creation and modification dates are left out, so that the same
 *   sources give the same bytes.
 * - Incremental: a PDF is keyed by a hash of its preview page and every file that page
 *   loads (styles, fonts, scripts), of Paged.js's and this generator's versions and of
 *   the Chromium binary; an unchanged one is copied from node_modules/.cache/report-pdf/.
 * - The site is served to Chromium from dist/ by request interception, on a made-up
 *   origin: no port is opened, nothing leaves the machine.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { PDFDocument, PDFName, type PDFDict } from 'pdf-lib';
import { chromium, type Browser } from 'playwright-core';
import { fillPdfSlots, findPdfSlots, pdfFileName, WHOLE_KEY, type PdfInfo } from '../paged';

/** Bump when the way PDFs are made changes, so that cached PDFs are made again. */
export const GENERATOR_VERSION = 'report-pdf 1';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** The origin the site is served on, to Chromium only. */
const ORIGIN = 'http://ban-in.invalid';
/** How long one document may take to lay out (the whole report takes the longest). */
const LAYOUT_TIMEOUT = 180_000;
/** Documents printed at once (the machine has 2 cores). */
const PARALLEL = 2;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

export interface PdfJob {
  key: string;
  /** The preview page's file under dist. */
  html: string;
  /** URL path of the preview page. */
  path: string;
  /** The PDF's file under dist. */
  pdf: string;
}

/** The paged previews that dist holds (dist/ban-in/**\/index.html): the whole report first, then the chapters. */
export function pdfJobs(dist: string): PdfJob[] {
  const base = join(dist, 'ban-in');
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => {
      const html = join(e.parentPath, e.name);
      const rel = relative(base, dirname(html)).split(sep).join('/');
      const key = rel === '' ? WHOLE_KEY : rel;
      return { key, html, path: rel === '' ? '/ban-in/' : `/ban-in/${rel}/`, pdf: join(dist, 'pdf', pdfFileName(key)) };
    })
    .sort((a, b) => (a.key === WHOLE_KEY ? -1 : b.key === WHOLE_KEY ? 1 : a.key.localeCompare(b.key)));
}

/** The file of dist that a URL path names, or undefined. */
export function fileOf(dist: string, urlPath: string): string | undefined {
  const path = decodeURIComponent(urlPath.split(/[?#]/u)[0]);
  if (path.includes('..')) return undefined;
  const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Every local file a page loads: its linked styles, scripts and icons, and what those styles load (fonts), recursively. */
export function pageInputs(dist: string, htmlFile: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const refs =
      extname(file) === '.css'
        ? [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gu)].map((m) => m[1])
        : extname(file) === '.html'
          ? [...text.matchAll(/\s(?:href|src)="(\/[^"]*)"/gu)].map((m) => m[1])
          : [...text.matchAll(/["'](\/_astro\/[^"']+)["']|from\s*["']\.\/([^"']+)["']|import\(\s*["']\.\/([^"']+)["']/gu)].map((m) =>
              m[1] ?? `/${relative(dist, join(dirname(file), m[2] ?? m[3])).split(sep).join('/')}`,
            );
    for (const ref of refs) {
      if (!ref.startsWith('/') || ref.endsWith('/')) continue;
      const target = fileOf(dist, ref);
      if (target && /\.(css|js|mjs|woff2?|svg|png)$/u.test(target)) visit(target);
    }
  };
  visit(htmlFile);
  return [...seen].sort();
}

/** The cache key of a PDF: its page and inputs, Paged.js's version, this generator's and the browser binary's. */
export function pdfHash(dist: string, job: PdfJob, browser: string, root: string): string {
  const hash = createHash('sha256');
  hash.update(GENERATOR_VERSION);
  const pagedjs = join(root, 'node_modules/pagedjs/package.json');
  hash.update(existsSync(pagedjs) ? (JSON.parse(readFileSync(pagedjs, 'utf8')) as { version: string }).version : 'no pagedjs');
  const binary = statSync(browser);
  hash.update(`${browser} ${binary.size} ${binary.mtimeMs}`);
  for (const file of pageInputs(dist, job.html)) {
    hash.update(`\n${relative(dist, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The document's title and author, from the preview page's <title> and <meta name="author">. */
export function documentMeta(html: string): { title: string; author: string } {
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()],
    );
  const title = /<title>([^<]*)<\/title>/u.exec(html)?.[1];
  const author = /<meta name="author" content="([^"]*)"/u.exec(html)?.[1];
  if (!title || !author) throw new Error('PDF: the preview page has no <title> or <meta name="author">');
  return { title: decode(title), author: decode(author) };
}

/** Sets the title, author and language of a PDF made by Chromium, and drops its dates. */
export async function finishPdf(bytes: Uint8Array, meta: { title: string; author: string }): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setLanguage('vi');
  const info = doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict | undefined;
  info?.delete(PDFName.of('CreationDate'));
  info?.delete(PDFName.of('ModDate'));
  return { bytes: await doc.save({ useObjectStreams: false, updateFieldAppearances: false }), pages: doc.getPageCount() };
}

/** Prints one paged preview to PDF; returns the bytes and the page count that the preview laid out. */
async function printPreview(browser: Browser, dist: string, job: PdfJob): Promise<{ bytes: Uint8Array; pages: number }> {
  const context = await browser.newContext();
  const problems: string[] = [];
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? fileOf(dist, url.pathname) : undefined;
      if (!file) {
        problems.push(`request for ${url.href}, which dist/ does not hold`);
        return route.abort();
      }
      return route.fulfill({ status: 200, body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await page.goto(`${ORIGIN}${job.path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.paged, undefined, { timeout: LAYOUT_TIMEOUT });
    const state = await page.evaluate(() => document.documentElement.dataset.paged ?? '');
    if (!/^\d+$/u.test(state) || problems.length > 0) throw new Error(`Paged.js could not lay out ${job.path} (${state}): ${problems.join('; ') || 'no message'}`);
    await page.emulateMedia({ media: 'print' });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    if (problems.length > 0) throw new Error(`printing ${job.path}: ${problems.join('; ')}`);
    return { bytes, pages: Number(state) };
  } finally {
    await context.close();
  }
}

export interface PdfSummary {
  /** Why no PDF was made, or undefined when they were. */
  skipped?: string;
  pdfs: (PdfInfo & { file: string; cached: boolean; ms: number })[];
  ms: number;
}

/** Makes dist/pdf/ (see the file's comment). Throws when a PDF cannot be laid out; skips when there is no browser. */
export async function makePdfs(options: { root: string; dist: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void }): Promise<PdfSummary> {
  const { root, dist } = options;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const jobs = pdfJobs(dist);
  const executable = chromiumPath(options.env);
  if (!existsSync(executable)) return { skipped: `no Chromium at ${executable} (set CHROMIUM_PATH to a Chromium or Chrome binary)`, pdfs: [], ms: 0 };
  if (jobs.length === 0) return { skipped: 'dist/ has no paged print view (dist/ban-in/)', pdfs: [], ms: 0 };
  const cacheDir = join(root, 'node_modules/.cache/report-pdf');
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(join(dist, 'pdf'), { recursive: true });
  const used = new Set<string>();
  const results = new Map<string, { pages: number; cached: boolean; ms: number }>();
  const toMake: { job: PdfJob; cachedPdf: string; cachedInfo: string }[] = [];
  for (const job of jobs) {
    const hash = pdfHash(dist, job, executable, root);
    const cachedPdf = join(cacheDir, `${hash}.pdf`);
    const cachedInfo = join(cacheDir, `${hash}.json`);
    used.add(`${hash}.pdf`).add(`${hash}.json`);
    if (existsSync(cachedPdf) && existsSync(cachedInfo)) {
      copyFileSync(cachedPdf, job.pdf);
      results.set(job.key, { pages: (JSON.parse(readFileSync(cachedInfo, 'utf8')) as { pages: number }).pages, cached: true, ms: 0 });
    } else {
      toMake.push({ job, cachedPdf, cachedInfo });
    }
  }
  if (toMake.length > 0) {
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath: executable, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
    } catch (error) {
      rmSync(join(dist, 'pdf'), { recursive: true, force: true });
      return { skipped: `Chromium at ${executable} did not start: ${(error as Error).message.split('\n')[0]}`, pdfs: [], ms: 0 };
    }
    try {
      // Two at a time: the whole report (the longest) in one lane while the chapters go through the other.
      const queue = [...toMake];
      const lane = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { job, cachedPdf, cachedInfo } = next;
          const t0 = performance.now();
          const printed = await printPreview(browser, dist, job);
          const finished = await finishPdf(printed.bytes, documentMeta(readFileSync(job.html, 'utf8')));
          if (finished.pages !== printed.pages) throw new Error(`PDF ${job.path}: the preview laid out ${printed.pages} pages, the PDF has ${finished.pages}`);
          writeFileSync(job.pdf, finished.bytes);
          writeFileSync(cachedPdf, finished.bytes);
          writeFileSync(cachedInfo, `${JSON.stringify({ pages: finished.pages })}\n`);
          results.set(job.key, { pages: finished.pages, cached: false, ms: Math.round(performance.now() - t0) });
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, toMake.length) }, lane));
    } finally {
      await browser.close();
    }
  }
  const pdfs: PdfSummary['pdfs'] = jobs.map((job) => {
    const result = results.get(job.key)!;
    const info = { key: job.key, file: `pdf/${pdfFileName(job.key)}`, bytes: statSync(job.pdf).size, ...result };
    log(`${info.file}: ${info.pages} pages, ${Math.round(info.bytes / 1024)} KB (${info.cached ? 'unchanged, from the cache' : `made in ${info.ms} ms`})`);
    return info;
  });
  // Keep the cache to what this build used.
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(join(cacheDir, name), { force: true });
  return { pdfs, ms: Math.round(performance.now() - started) };
}

/** The HTML pages of dist that hold a PDF placeholder. */
export function pagesWithSlots(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => findPdfSlots(readFileSync(file, 'utf8')).length > 0)
    .sort();
}

/** Fills (or removes) every PDF placeholder of dist's pages; returns how many links were written. */
export function writePdfLinks(dist: string, pdfs: readonly PdfInfo[]): number {
  const byKey = new Map(pdfs.map((p) => [p.key, p]));
  let links = 0;
  for (const file of pagesWithSlots(dist)) {
    const html = readFileSync(file, 'utf8');
    links += byKey.size > 0 ? findPdfSlots(html).length : 0;
    writeFileSync(file, fillPdfSlots(html, byKey));
  }
  return links;
}

/** The Astro integration: makes the PDFs once `astro build` has written the site. */
export default function printPdfs(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'report-print-pdfs',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const dist = fileURLToPath(dir);
        const summary = await makePdfs({ root, dist, log: (line) => logger.info(line) });
        if (summary.skipped) {
          writePdfLinks(dist, []);
          logger.warn(`PDFs skipped: ${summary.skipped}; the pages link to no PDF.`);
          return;
        }
        const links = writePdfLinks(dist, summary.pdfs);
        writeFileSync(join(dist, 'pdf', 'pdfs.json'), `${JSON.stringify(summary.pdfs.map(({ key, file, pages, bytes }) => ({ key, file, pages, bytes })), null, 2)}\n`);
        const made = summary.pdfs.filter((p) => !p.cached).length;
        // The time is read by the bench to split the build's time.
        logger.info(`${summary.pdfs.length} PDFs in pdf/ (${made} made, ${summary.pdfs.length - made} unchanged), ${links} links written (${summary.ms} ms)`);
      },
    },
  };
}
