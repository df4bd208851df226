/**
 * Shared pieces of the end-to-end test files: one Chromium per file, the server's URL,
 * opening a page while recording its problems, and running axe-core in a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, watchedPage, type Watched } from './browser';
import { ROOT } from './site';

export const baseUrl = inject('baseUrl');

/** Absolute URL of a path on the test server. */
export function url(path: string): string {
  return new URL(path, baseUrl).href;
}

/**
 * Launches Chromium before the file's tests and closes it after them. The returned
 * object's `browser` is set once beforeAll has run.
 */
export function useBrowser(): { browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await launch();
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

export interface Opened extends Watched {
  context: BrowserContext;
  /** HTTP status of the main document. */
  status: number | undefined;
  close: () => Promise<void>;
}

/**
 * Opens `path` in a fresh context, recording console errors, failed and foreign requests.
 * Service workers are blocked unless `options` allows them (tests/e2e/offline.test.ts):
 * otherwise each fresh context would save the whole site for offline reading in the
 * background, and answer the tests' requests from that copy.
 */
export async function open(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const watched = await watchedPage(context, baseUrl);
  const response = await watched.page.goto(url(path), { waitUntil: 'load' });
  return { ...watched, context, status: response?.status(), close: () => context.close() };
}

/** Opens `path` as open() does, runs `fn` on it, and closes its context whatever happens. */
export async function withPage<T>(
  browser: Browser,
  path: string,
  fn: (opened: Opened) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const opened = await open(browser, path, options);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe-core on the page as it is now; returns its violations. */
export async function axeViolations(page: Page): Promise<Result[]> {
  // Evaluated rather than added as an inline <script>, which the pages' CSP rightly blocks.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations;
  }, WCAG_TAGS);
}

/** Violations as readable lines: rule, impact, help, and for each node its target and summary. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'no impact'}): ${v.help}`,
        ...v.nodes.map((n) => `  at ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n\s*/gu, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n');
}

/** Whether the element matching `selector` is (at least partly) inside the viewport. */
export function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  });
}

/**
 * Options for expect.poll on what the page does in response to an event (toggle events,
 * fragment navigation, scrolling): the state is checked until it holds, for at most
 * this long, so that a busy machine does not fail a correct page.
 */
export const SOON = { timeout: 5_000, interval: 50 };
