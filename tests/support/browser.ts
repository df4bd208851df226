/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, with the
 * flags this machine needs, and records what a page does that it must not: console
 * errors, failed requests, requests to any origin other than the test server.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface Watched {
  page: Page;
  /** Console errors, page errors and failed or foreign requests seen so far. */
  problems: string[];
}

/** Opens a page that records problems; requests to other origins are blocked and recorded. */
export async function watchedPage(context: BrowserContext, baseUrl: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/does-not-exist/')) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}
