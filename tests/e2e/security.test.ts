/**
 * The site's security policy, in the built HTML and in Chromium:
 * - every page carries the Content-Security-Policy of src/site/node/csp.ts in a <meta>, first
 *   in its <head>: scripts from the site only (and the search's WebAssembly), no inline
 *   script or eval, no other origin anywhere; and its referrer policy;
 * - no page has an inline script, an inline event handler (on…=) or a javascript: URL,
 *   or loads anything from another origin;
 * - under the policy, search (Pagefind's wasm), the charts and the footnote popovers
 *   work with no violation. Every end-to-end test watches for violations and for
 *   requests to other origins (tests/support/browser.ts); the first tests here show that
 *   the watch catches them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES, META_IGNORED, parseCsp, scriptHash } from '../../src/site/node/csp';
import { chartAnchor } from '../../src/figures/figures';
import { watchedPage } from '../support/browser';
import { baseUrl, SOON, url, useBrowser, withPage } from '../support/e2e';
import { startTags, type StartTag } from '../support/html';
import { builtPages } from '../support/site';

const chromium = useBrowser();
const pages = builtPages().map((p) => ({ ...p, html: readFileSync(p.file, 'utf8') }));
const CHAPTER = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';

/** Non-JS script types: data blocks a browser does not run, which CSP does not govern. */
const isDataBlock = (t: StartTag) => t.name === 'script' && !!t.attrs.type && !/^(?:module|(?:text|application)\/(?:java|ecma)script)$/iu.test(t.attrs.type);

/** The text of each inline script of a page that a browser would run. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/giu)]
    .filter(([whole, attrs]) => !/\bsrc\s*=/iu.test(attrs) && !isDataBlock(startTags(whole)[0]))
    .map((m) => m[2]);
}

/** Whether a CSP source names something other than the site itself: a host, a scheme other than data: or blob:, a wildcard. */
const foreignSource = (source: string) => !/^'(?:self|none|wasm-unsafe-eval|unsafe-inline|sha(?:256|384|512)-[A-Za-z0-9+/=]+)'$|^(?:data|blob):$/u.test(source);

describe('the policy of src/site/node/csp.ts', () => {
  const policy = parseCsp(contentSecurityPolicy());

  it("lets scripts come from the site only, with WebAssembly for the search, and nothing inline or evaluated", () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('names no other origin, host or wildcard in any directive', () => {
    expect([...policy.values()].flat().filter(foreignSource)).toEqual([]);
    expect([...policy.keys()]).toEqual(Object.keys(CSP_DIRECTIVES));
  });

  it('leaves out the directives a <meta> policy cannot carry', () => {
    for (const name of META_IGNORED) expect(policy.has(name)).toBe(false);
  });

  it("would be judged foreign if it named a host, a wildcard or https:, and not for 'self', data: or a hash", () => {
    expect(['https://cdn.example.com', '*', 'https:', "'unsafe-eval'"].map(foreignSource)).toEqual([true, true, true, true]);
    expect(["'self'", 'data:', 'blob:', scriptHash('x()')].map(foreignSource)).toEqual([false, false, false, false]);
  });
});

describe('every built page', () => {
  it.each(pages)('$path carries the policy in a <meta> right after its charset, before any script or style', ({ html }) => {
    const tags = startTags(html);
    const metas = tags.filter((t) => t.name === 'meta' && t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
    expect(metas).toHaveLength(1);
    expect(tags.slice(0, 4).map((t) => `${t.name}${t.attrs['http-equiv'] ? ` ${t.attrs['http-equiv']}` : ''}${t.attrs.charset ? ` ${t.attrs.charset}` : ''}`)).toEqual([
      'html',
      'head',
      'meta utf-8',
      'meta Content-Security-Policy',
    ]);
    // Allowing the page's inline scripts by hash, if it had any; it has none.
    expect(metas[0].attrs.content).toBe(contentSecurityPolicy({ inlineScripts: inlineScripts(html) }));
  });

  it.each(pages)("$path has no inline script, so that script-src needs no 'unsafe-inline' and no hash", ({ html }) => {
    expect(inlineScripts(html)).toEqual([]);
  });

  it.each(pages)('$path has no inline event handler attribute (on…=) and no javascript: URL', ({ html }) => {
    const tags = startTags(html);
    const handlers = tags.flatMap((t) => Object.keys(t.attrs).filter((a) => /^on[a-z]+$/u.test(a)).map((a) => `<${t.name} ${a}>`));
    const scriptUrls = tags.flatMap((t) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href'].filter((a) => /^\s*javascript:/iu.test(t.attrs[a] ?? '')).map((a) => `<${t.name} ${a}>`),
    );
    expect([...handlers, ...scriptUrls]).toEqual([]);
  });

  it.each(pages)('$path loads its scripts, styles, images and fonts from the site itself', ({ html }) => {
    const loaded = startTags(html).flatMap((t) => {
      if (t.name === 'script' || t.name === 'img' || t.name === 'iframe' || t.name === 'source' || t.name === 'embed') return t.attrs.src ? [t.attrs.src] : [];
      if (t.name === 'link' && /\b(?:stylesheet|icon|preload|modulepreload|manifest)\b/u.test(t.attrs.rel ?? '')) return [t.attrs.href];
      if (t.name === 'form') return [t.attrs.action ?? ''];
      return [];
    });
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((u) => !/^\/(?!\/)/u.test(u))).toEqual([]);
  });

  it.each(pages)('$path keeps its referrer policy, strict-origin-when-cross-origin', ({ html }) => {
    const referrer = startTags(html).filter((t) => t.name === 'meta' && t.attrs.name === 'referrer');
    expect(referrer.map((t) => t.attrs.content)).toEqual(['strict-origin-when-cross-origin']);
  });

  it('would be caught with an inline script, a handler or a foreign stylesheet', () => {
    const bad = '<script>alert(1)</script><script type="application/json">{}</script><button onclick="x()">x</button><link rel="stylesheet" href="https://cdn.example.com/a.css">';
    expect(inlineScripts(bad)).toEqual(['alert(1)']);
    expect(startTags(bad).flatMap((t) => Object.keys(t.attrs).filter((a) => /^on[a-z]+$/u.test(a)))).toEqual(['onclick']);
    expect(startTags(bad).filter((t) => t.name === 'link').map((t) => t.attrs.href)).toEqual(['https://cdn.example.com/a.css']);
  });
});

describe('the watch every end-to-end test keeps on a page', () => {
  it('reports an inline script that the policy blocks, and the script does not run', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page, problems }) => {
      expect(problems).toEqual([]);
      await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(/Content Security Policy/u);
      expect(await page.evaluate(() => 'injected' in window)).toBe(false);
      await expect.poll(() => problems.filter((p) => p.startsWith('CSP violation: script-src')).length, SOON).toBeGreaterThan(0);
    });
  });

  it('reports a request to another origin, and blocks it', async () => {
    // A context that ignores the page's policy, so that the request reaches the network layer.
    const context = await chromium.browser.newContext({ bypassCSP: true });
    try {
      const { page, problems } = await watchedPage(context, baseUrl);
      await page.goto(url(CHAPTER));
      const status = await page.evaluate(() => fetch('https://example.com/x.js').then((r) => `HTTP ${r.status}`, () => 'blocked'));
      expect(status).toBe('blocked');
      expect(problems).toContain('request to another origin: https://example.com/x.js');
    } finally {
      await context.close();
    }
  });
});

describe('under the policy, in Chromium', () => {
  it('applies the policy: the document has it and Chromium enforces it', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page, problems }) => {
      const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(meta).toBe(contentSecurityPolicy());
      const blocked = await page.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const img = document.createElement('img');
            img.onload = () => resolve('loaded');
            img.onerror = () => resolve('blocked');
            img.src = 'https://example.com/pixel.png';
          }),
      );
      expect(blocked).toBe('blocked');
      await expect.poll(() => problems.filter((p) => p.startsWith('CSP violation: img-src')).length, SOON).toBeGreaterThan(0);
    });
  });

  it('runs the search, with Pagefind and its WebAssembly, and shows results with no violation', async () => {
    await withPage(chromium.browser, `/tim-kiem/?q=${encodeURIComponent('xi măng')}`, async ({ page, problems }) => {
      await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
      expect(await page.locator('li.result').count()).toBeGreaterThan(0);
      const wasm = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith('/pagefind/wasm.')));
      expect(wasm).toBe(true);
      expect(problems).toEqual([]);
    });
  });

  it('draws a chart with Chart.js, with no violation', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page, problems }) => {
      const figure = page.locator(`#${chartAnchor('co-cau-kinh-te-2023')}`);
      await figure.scrollIntoViewIfNeeded();
      await expect.poll(() => figure.getAttribute('data-state'), { timeout: 15_000 }).toBe('drawn');
      expect(problems).toEqual([]);
    });
  });

  it('opens a footnote in its popover, with no violation', async () => {
    await withPage(chromium.browser, CHAPTER, async ({ page, problems }) => {
      await page.click('a.fn-ref#fnref-13');
      expect(await page.locator('#fn-pop-13').evaluate((el) => el.matches(':popover-open'))).toBe(true);
      expect(problems).toEqual([]);
    });
  });
});
