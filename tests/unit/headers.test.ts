import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../src/site/node/csp';
import { headerPolicy, headersFile, IMMUTABLE, NO_CACHE, nginxSecurityHeaders, PERMISSIONS_POLICY } from '../../src/site/headers';
import { inlineProblems, pagePath, precompress, sitePolicy } from '../../src/site/node/production';

const POLICY = contentSecurityPolicy();

describe('headerPolicy', () => {
  it("adds frame-ancestors 'none' to the page's policy, once, whatever it had", () => {
    expect(headerPolicy(POLICY)).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(headerPolicy(`${POLICY}; frame-ancestors *;`)).toBe(`${POLICY}; frame-ancestors 'none'`);
  });
});

describe('headersFile', () => {
  const file = headersFile(POLICY, ['/', '/chu-thich/']);
  const blocks = new Map(file.trim().split('\n\n').map((b) => [b.split('\n')[0], b.split('\n').slice(1).map((l) => l.trim())]));

  it('sets the security headers on every path', () => {
    expect(blocks.get('/*')).toEqual([
      `Content-Security-Policy: ${headerPolicy(POLICY)}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
      `Permissions-Policy: ${PERMISSIONS_POLICY}`,
    ]);
  });

  it('caches /_astro/ for a year and revalidates each page, the service worker and the search index entry, one Cache-Control per path', () => {
    expect(blocks.get('/_astro/*')).toEqual([`Cache-Control: ${IMMUTABLE}`]);
    for (const path of ['/', '/chu-thich/', '/sw.js', '/pagefind/pagefind-entry.json']) expect(blocks.get(path), path).toEqual([`Cache-Control: ${NO_CACHE}`]);
    expect([...blocks.values()].flat().filter((l) => l.startsWith('Cache-Control')).length).toBe(blocks.size - 1);
  });
});

describe('nginxSecurityHeaders', () => {
  it('writes each header as add_header … always, quoted', () => {
    expect(nginxSecurityHeaders("a 'b'").split('\n')[0]).toBe(`add_header Content-Security-Policy "a 'b'; frame-ancestors 'none'" always;`);
  });
});

describe('inlineProblems', () => {
  it('finds nothing in a page with external scripts and styles only, or inline ones allowed by hash', () => {
    expect(inlineProblems('<link rel="stylesheet" href="/a.css"><script type="module" src="/a.js"></script><script type="application/json">{}</script>', POLICY)).toEqual([]);
    const policy = contentSecurityPolicy({ inlineScripts: ['x()'], inlineStyles: ['p{}'] });
    expect(inlineProblems('<script>x()</script><style>p{}</style>', policy)).toEqual([]);
  });

  it('names an inline script or style the policy does not allow, and any style attribute', () => {
    const problems = inlineProblems('<script>y()</script><style>q{}</style><div class="a" style="--h: 2px">', POLICY);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/inline script not allowed by script-src/u);
    expect(problems[1]).toMatch(/inline <style> not allowed by style-src/u);
    expect(problems[2]).toMatch(/style attribute/u);
    expect(scriptHash('y()')).not.toBe(scriptHash('x()'));
  });
});

describe('sitePolicy, pagePath and precompress on a small site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-production-'));
  const page = (policy: string, body = '') => `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}"></head><body>${body}</body></html>`;

  it('reads the one policy of the pages, and fails naming the page with another or with an inline style', () => {
    writeFileSync(join(dir, 'index.html'), page(POLICY));
    writeFileSync(join(dir, '404.html'), page(POLICY));
    expect(sitePolicy(dir, [join(dir, 'index.html'), join(dir, '404.html')])).toBe(POLICY);
    writeFileSync(join(dir, '404.html'), page("default-src 'none'"));
    expect(() => sitePolicy(dir, [join(dir, 'index.html'), join(dir, '404.html')])).toThrow(/404\.html: its Content-Security-Policy differs from index\.html's/u);
    writeFileSync(join(dir, '404.html'), page(POLICY, '<p style="color:red">x</p>'));
    expect(() => sitePolicy(dir, [join(dir, '404.html')])).toThrow(/404\.html: a style attribute/u);
    expect(pagePath(dir, join(dir, 'index.html'))).toBe('/');
    expect(pagePath(dir, join(dir, 'a/b/index.html'))).toBe('/a/b/');
    expect(pagePath(dir, join(dir, '404.html'))).toBe('/404.html');
  });

  it('writes .br and .gz that decode to the file, the same bytes each time, and skips fonts', () => {
    const text = 'Báo cáo '.repeat(200);
    writeFileSync(join(dir, 'a.css'), text);
    writeFileSync(join(dir, 'f.woff2'), text);
    precompress(dir);
    const first = [readFileSync(join(dir, 'a.css.br')), readFileSync(join(dir, 'a.css.gz'))];
    expect(brotliDecompressSync(first[0]).toString()).toBe(text);
    expect(gunzipSync(first[1]).toString()).toBe(text);
    precompress(dir);
    expect(readFileSync(join(dir, 'a.css.br')).equals(first[0])).toBe(true);
    expect(readFileSync(join(dir, 'a.css.gz')).equals(first[1])).toBe(true);
    expect(() => readFileSync(join(dir, 'f.woff2.br'))).toThrow();
    rmSync(dir, { recursive: true, force: true });
  });
});
