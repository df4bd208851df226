/**
 * The same pages on every machine: every glyph of every page is drawn in one of the
 * site's own faces (src/site/fonts/faces.ts), whatever fonts the machine has; the fonts
 * cost at most 30 KB a page; swapping them in moves nothing; no page scrolls sideways at
 * 320 px; and footnote markers stay with their word and are easy to tap.
 *
 * Which font Chromium actually used for each text node is read through the DevTools
 * protocol (CSS.getPlatformFontsForNode), so a glyph missing from a subset, or text set
 * in a family the site does not ship, fails here even on a machine that happens to have
 * that family installed.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FACES, SITE_FAMILIES } from '../../src/site/fonts/faces';
import { url, useBrowser } from '../support/e2e';
import { DIST, pagesToVisit } from '../support/site';
import { measurePage, totals } from '../support/transfer';
import { content } from '../support/content';
import { footnoteRefs } from '../../src/core/mdx-text';

const KB = 1000;
const FONTS_PER_PAGE_BUDGET = 30 * KB;
const CLS_BUDGET = 0.02;
const WIDTHS = [390, 1280];
const pages = pagesToVisit();
const chromium = useBrowser();

/** Starts summing layout shifts (those not caused by input) before the page's own scripts run. */
const CLS_OBSERVER = `window.__cls = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`;

/** Waits until the fonts are in and two frames have been drawn with them. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.fonts.ready.then(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))),
  );
}

interface FontUse {
  /** The element whose text it is, e.g. "p#p1-i-1-1-d1". */
  where: string;
  /** The start of that text. */
  text: string;
  family: string;
  custom: boolean;
  glyphs: number;
}

/** Every platform font Chromium used for the text of each element that holds text, read through CDP. */
async function platformFonts(page: Page): Promise<FontUse[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    type Node = { nodeId: number; nodeType: number; nodeName: string; nodeValue: string; attributes?: string[]; children?: Node[] };
    const holders: { node: Node; text: string }[] = [];
    const visit = (node: Node) => {
      const text = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
      if (node.nodeType === 1 && text && !['SCRIPT', 'STYLE', 'TITLE', 'NOSCRIPT', 'TEMPLATE'].includes(node.nodeName)) holders.push({ node, text });
      for (const child of node.children ?? []) visit(child);
    };
    visit(root as unknown as Node);
    const uses: FontUse[] = [];
    for (const { node, text } of holders) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId });
      const attrs = node.attributes ?? [];
      const id = attrs[attrs.indexOf('id') + 1];
      const where = `${node.nodeName.toLowerCase()}${attrs.includes('id') ? `#${id}` : ''}`;
      for (const f of fonts) uses.push({ where, text: text.slice(0, 40), family: f.familyName, custom: f.isCustomFont, glyphs: f.glyphCount });
    }
    return uses;
  } finally {
    await cdp.detach();
  }
}

describe('the site ships its fonts', () => {
  it('as one woff2 file per face of src/site/fonts/faces.ts, and no other font file', () => {
    const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(?:woff2?|ttf|otf|eot)$/u.test(e.name))
      .map((e) => e.name.replace(/\.[\w-]+\.woff2$/u, '.woff2'))
      .sort();
    expect(files).toEqual(FACES.map((f) => `${f.file}.woff2`).sort());
  });
});

describe.each(pages)('$name', ({ path }) => {
  it.each(WIDTHS)(`at %i px draws every glyph in the site's own faces, and shifts no more than ${CLS_BUDGET} as it loads`, async (width) => {
    const context = await chromium.browser.newContext({ viewport: { width, height: 844 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.addInitScript(CLS_OBSERVER);
      await page.goto(url(path), { waitUntil: 'load' });
      await settled(page);
      const uses = await platformFonts(page);
      expect(uses.length, 'text nodes with fonts').toBeGreaterThan(0);
      const foreign = uses.filter((u) => !u.custom || !SITE_FAMILIES.includes(u.family));
      expect(foreign.map((u) => `${u.glyphs} glyph(s) in ${u.family}${u.custom ? '' : ' (a system font)'} at ${u.where}: "${u.text}"`)).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThanOrEqual(CLS_BUDGET);
    } finally {
      await context.close();
    }
  });

  it('at 320 px does not scroll sideways', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(url(path), { waitUntil: 'load' });
      await settled(page);
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        // For the message: the outermost elements wider than the screen, outside scroll boxes.
        const scrolls = (el: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
        const wide = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
          .filter((el) => { for (let a = el.parentElement; a; a = a.parentElement) if (scrolls(a)) return false; return true; })
          .slice(0, 8)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().width)} px)`);
        return { by: doc.scrollWidth - doc.clientWidth, wide };
      });
      expect(overflow.by, `wider than the screen: ${overflow.wide.join(', ')}`).toBe(0);
    } finally {
      await context.close();
    }
  });

  it(`loads at most ${FONTS_PER_PAGE_BUDGET / KB} KB of fonts, all the site's woff2 files`, async () => {
    const cost = await measurePage(chromium.browser, url(path), { viewport: { width: 1280, height: 800 } });
    const fonts = cost.transfers.filter((t) => t.kind === 'font');
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.contentType).toBe('font/woff2');
      expect(FACES.some((face) => f.path.startsWith(`/_astro/${face.file}.`))).toBe(true);
    }
    expect(totals(fonts).font.bytes).toBeLessThanOrEqual(FONTS_PER_PAGE_BUDGET);
  });
});

describe('footnote markers', () => {
  const chaptersWithMarkers = content().chapters.filter((c) => footnoteRefs(c.body).length > 0);

  it.each(chaptersWithMarkers.map((c) => ({ path: c.url })))('on $path stay on the line of the word they follow, and take taps over 24 × 24 px', async ({ path }) => {
    const context = await chromium.browser.newContext({ viewport: { width: 360, height: 800 }, reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(url(path), { waitUntil: 'load' });
      await settled(page);
      expect(await page.locator('article .fn-ref').count()).toBeGreaterThan(0);
      for (const width of [360, 390, 820, 1280, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        await settled(page);
        const problems = await page.evaluate(() => {
          const out: string[] = [];
          for (const ref of document.querySelectorAll<HTMLElement>('article .fn-ref')) {
            const sup = ref.closest('sup')!;
            // The last character before the marker, wherever the text node holding it is.
            const walker = document.createTreeWalker(sup.closest('p, li, td, h2, h3, h4, div')!, NodeFilter.SHOW_TEXT);
            let before: Text | null = null;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (sup.contains(n)) break;
              if (n.textContent) before = n as Text;
            }
            if (!before) continue;
            const range = document.createRange();
            range.setStart(before, before.length - 1);
            range.setEnd(before, before.length);
            const rects = range.getClientRects();
            const ch = rects[rects.length - 1];
            const mark = ref.getBoundingClientRect();
            if (!(mark.left >= ch.right - 1 && mark.top < ch.bottom)) out.push(`marker ${ref.textContent} wraps away from "${before.textContent!.slice(-12)}" at ${innerWidth} px`);
            // A 24 × 24 px square centred on the marker: each corner (1 px in) hits the marker.
            ref.scrollIntoView({ block: 'center' });
            const box = ref.getBoundingClientRect();
            const cx = box.left + box.width / 2;
            const cy = box.top + box.height / 2;
            for (const [dx, dy] of [[-11, -11], [11, -11], [-11, 11], [11, 11]]) {
              const hit = document.elementFromPoint(cx + dx, cy + dy);
              if (!hit || !ref.contains(hit)) out.push(`marker ${ref.textContent} at ${innerWidth} px: (${dx}, ${dy}) from its centre hits ${hit?.tagName ?? 'nothing'}`);
            }
          }
          return out;
        });
        expect(problems).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
