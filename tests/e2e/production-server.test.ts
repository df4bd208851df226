/**
 * The production server (`npm run serve:prod`: Debian's nginx with deploy/nginx.conf,
 * src/site/node/nginx.ts) on the built site, over HTTP:
 * - the build wrote x.br and x.gz next to each text file, and the server sends them by
 *   Accept-Encoding (brotli first), the same bytes once decoded; Pagefind's files, gzip
 *   already, go as they are with Content-Encoding: gzip, for the browser to inflate;
 * - every response carries the CSP (the pages' policy and frame-ancestors 'none'),
 *   nosniff, Referrer-Policy and Permissions-Policy; /_astro/ is cached a year,
 *   immutable; the pages, the search index entry and the service worker are revalidated;
 * - an unknown path gets the Vietnamese 404 page with status 404;
 * - every page opens in Chromium through it, under the header policy, with no problem;
 * - the npm script prints its URL, serves, and stops cleanly on SIGTERM.
 * The rest of the end-to-end suite runs through the same server when nginx is installed
 * (tests/support/e2e-setup.ts); .ci/run installs it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPolicy, freePort, startNginx, type RunningNginx } from '../../src/site/node/nginx';
import { headerPolicy, headersFile, IMMUTABLE, NO_CACHE, PAGEFIND_GZIP, PERMISSIONS_POLICY, REFERRER_POLICY } from '../../src/site/headers';
import { TEXT_EXTENSIONS } from '../../src/site/node/production';
import { watchedPage } from '../support/browser';
import { useBrowser } from '../support/e2e';
import { builtPages, DIST, MISSING_PATH, ROOT } from '../support/site';

const chromium = useBrowser();
let nginx: RunningNginx;
beforeAll(async () => {
  nginx = await startNginx({ dist: DIST, port: 0 });
});
afterAll(async () => {
  await nginx?.stop();
});

const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'));
const textFiles = files.filter((f) => TEXT_EXTENSIONS.some((ext) => f.endsWith(ext)));
const pages = builtPages();
const asset = files.find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;

/** An HTTP GET with the given Accept-Encoding: the encoding sent, and the body as fetch decodes it. */
async function get(path: string, encoding?: string) {
  const res = await fetch(`${nginx.url}${path}`, { headers: encoding ? { 'accept-encoding': encoding } : {}, redirect: 'manual' });
  return { status: res.status, headers: res.headers, encoding: res.headers.get('content-encoding'), body: Buffer.from(await res.arrayBuffer()) };
}

/** The project's Node (package.json's node@24 runs the npm scripts), to run the script as npm does. */
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;

describe('the build', () => {
  it('writes a .br and a .gz beside each text file that they make smaller, each the same bytes once decoded', () => {
    expect(textFiles.length).toBeGreaterThan(40);
    for (const f of textFiles) {
      const original = readFileSync(join(DIST, f));
      const br = join(DIST, `${f}.br`);
      const gz = join(DIST, `${f}.gz`);
      // A file of a few bytes (the search's segmenter worker) compresses to more than itself: it is sent as it is.
      if (existsSync(br)) expect(brotliDecompressSync(readFileSync(br)).equals(original), `${f}.br`).toBe(true);
      else expect(brotliCompressSync(original).length, `${f}.br missing`).toBeGreaterThanOrEqual(original.length);
      if (existsSync(gz)) expect(gunzipSync(readFileSync(gz)).equals(original), `${f}.gz`).toBe(true);
      else expect(gzipSync(original, { level: 9 }).length, `${f}.gz missing`).toBeGreaterThanOrEqual(original.length);
    }
    // Every file of more than a few hundred bytes has both.
    expect(textFiles.filter((f) => readFileSync(join(DIST, f)).length > 300 && !(existsSync(join(DIST, `${f}.br`)) && existsSync(join(DIST, `${f}.gz`))))).toEqual([]);
  });

  it('writes a _headers file with the security headers for every path and the caching of each kind of file', () => {
    const policy = builtPolicy(DIST);
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(headersFile(policy, pages.map((p) => p.path)));
    expect(headerPolicy(policy)).toMatch(/; frame-ancestors 'none'$/u);
  });
});

describe('the production server', () => {
  it('is the server the rest of the end-to-end suite runs through, nginx being installed here', () => {
    expect(inject('server')).toBe('nginx');
  });

  it.each(pages)('sends $path brotli-compressed to a browser that accepts it, gzip to one that accepts only gzip', async ({ path, file }) => {
    const url = path === '/404.html' ? MISSING_PATH : path;
    const html = readFileSync(file);
    const br = await get(url, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/iu);
    expect(br.body.equals(html)).toBe(true);
    const gz = await get(url, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gz.body.equals(html)).toBe(true);
    const plain = await get(url, 'identity');
    expect(plain.encoding).toBe(null);
    expect(plain.body.equals(html)).toBe(true);
  });

  it("sends Pagefind's binary files, gzip already, as gzip to a client that takes it, and as they are to one that does not", async () => {
    const binary = files.filter((f) => f.startsWith('pagefind/') && !/\.(?:js|json|br|gz)$/u.test(f));
    // Every one of them is named by PAGEFIND_GZIP, and nothing else is.
    expect(binary.filter((f) => !PAGEFIND_GZIP.test(`/${f}`))).toEqual([]);
    expect(files.filter((f) => PAGEFIND_GZIP.test(`/${f}`))).toEqual(binary);
    const sample = ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment'].map((ext) => binary.find((f) => f.endsWith(ext))!);
    for (const f of sample) {
      const stored = readFileSync(join(DIST, f));
      const gzip = await get(`/${f}`, 'gzip, deflate, br');
      expect({ f, status: gzip.status, encoding: gzip.encoding, vary: gzip.headers.get('vary') }).toEqual({ f, status: 200, encoding: 'gzip', vary: 'Accept-Encoding' });
      // As the browser gets it: inflated, starting with the signature Pagefind's script looks for before it inflates anything itself.
      expect(gzip.body.equals(gunzipSync(stored)), f).toBe(true);
      expect(gzip.body.subarray(0, 12).toString('latin1')).toBe('pagefind_dcd');
      expect(gzip.headers.get('content-security-policy')).toBe(headerPolicy(builtPolicy(DIST)));
      const plain = await get(`/${f}`, 'identity');
      expect(plain.encoding).toBe(null);
      expect(plain.body.equals(stored), f).toBe(true);
    }
  });

  it('sends the security headers on pages, assets, the search index and the 404 page', async () => {
    const policy = headerPolicy(builtPolicy(DIST));
    for (const path of ['/', '/phan-thu-nhat/i-1-linh-vuc-kinh-te/', `/${asset}`, '/pagefind/pagefind-entry.json', MISSING_PATH, '/favicon.svg']) {
      const { headers } = await get(path, 'br');
      expect({
        path,
        csp: headers.get('content-security-policy'),
        nosniff: headers.get('x-content-type-options'),
        referrer: headers.get('referrer-policy'),
        permissions: headers.get('permissions-policy'),
      }).toEqual({ path, csp: policy, nosniff: 'nosniff', referrer: REFERRER_POLICY, permissions: PERMISSIONS_POLICY });
    }
  });

  it("caches /_astro/ for a year, immutable, and revalidates pages, the search index entry and the print rules", async () => {
    expect((await get(`/${asset}`, 'br')).headers.get('cache-control')).toBe(IMMUTABLE);
    for (const path of ['/', '/chu-thich/', '/pagefind/pagefind-entry.json', '/print-pages.css', MISSING_PATH]) {
      expect((await get(path, 'br')).headers.get('cache-control'), path).toBe(NO_CACHE);
    }
    if (files.includes('sw.js')) expect((await get('/sw.js')).headers.get('cache-control')).toBe(NO_CACHE);
  });

  it('answers an unknown path with status 404 and the Vietnamese 404 page, and does not serve _headers', async () => {
    const res = await get(MISSING_PATH, 'identity');
    expect(res.status).toBe(404);
    expect(res.body.equals(readFileSync(join(DIST, '404.html')))).toBe(true);
    expect(res.body.toString('utf8')).toMatch(/<html lang="vi"/u);
    expect((await get('/_headers')).status).toBe(404);
  });

  it('redirects a folder without its final slash to the folder, relatively', async () => {
    const res = await get('/chu-thich');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/chu-thich/');
  });

  it.each(pages)('opens $path in Chromium under the header policy, with no violation, error or failed request', async ({ path }) => {
    const context = await chromium.browser.newContext();
    try {
      const { page, problems } = await watchedPage(context, nginx.url);
      const response = await page.goto(`${nginx.url}${path === '/404.html' ? MISSING_PATH : path}`, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toBe(headerPolicy(builtPolicy(DIST)));
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('npm run serve:prod', () => {
  it('prints its URL, serves the site there on PORT, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(NODE, ['src/site/node/serve-prod.ts'], { cwd: ROOT, env: { ...process.env, PORT: String(port), DIST_DIR: DIST }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await expect.poll(() => out, { timeout: 15_000, interval: 50 }).toContain(`http://127.0.0.1:${port}/`);
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('refuses a PORT that is not a port number, saying so', async () => {
    const child = spawn(NODE, ['src/site/node/serve-prod.ts'], { cwd: ROOT, env: { ...process.env, PORT: 'huit' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
    expect(code).toBe(2);
    expect(err).toContain('PORT must be a port number');
  });
});
