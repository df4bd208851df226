/**
 * Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, with the
 * flags this machine needs, and records what a page does that it must not: console
 * errors, failed requests, requests to any origin other than the test server, and any
 * breach of the pages' Content-Security-Policy.
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

/** The URL path the tests open to reach the 404 page; its status is expected, not a problem. */
export const MISSING_PATH = '/does-not-exist/';

/** Marks the console errors by which a page reports its Content-Security-Policy violations. */
export const CSP_VIOLATION = '[csp-violation]';

/**
 * Run in every page before its own scripts: reports each `securitypolicyviolation`
 * event (what was blocked, by which directive, from where) as a console error.
 * Playwright runs it outside the page's policy, so it needs no exception in it.
 */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error(${JSON.stringify(CSP_VIOLATION)} + ' ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'an inline script or style') + ' in ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber);
}, true);`;

/** Whether a console message is about a Content-Security-Policy, as Chromium words its own reports. */
export function isCspMessage(text: string): boolean {
  return text.startsWith(CSP_VIOLATION) || /Content[ -]Security[ -]Policy/iu.test(text);
}

export interface Watched {
  page: Page;
  /** Console errors, CSP violations, page errors and failed or foreign requests seen so far. */
  problems: string[];
}

/**
 * Opens a page that records problems; requests to other origins are blocked and recorded,
 * and so is every Content-Security-Policy violation (the page's event, and Chromium's
 * console report of it, of any level).
 */
export async function watchedPage(context: BrowserContext, baseUrl: string): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(CSP_LISTENER);
  const origin = new URL(baseUrl).origin;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (isCspMessage(msg.text())) {
      problems.push(`CSP violation: ${msg.text().replace(CSP_VIOLATION, '').trim()}`);
      return;
    }
    if (msg.type() !== 'error') return;
    // The 404 page is reached through a missing URL on purpose: Chromium logs its status.
    if (msg.text().startsWith('Failed to load resource') && msg.location().url.endsWith(MISSING_PATH)) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('websocket', (ws) => {
    if (!ws.url().startsWith(origin.replace(/^http/u, 'ws'))) problems.push(`websocket to another origin: ${ws.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith(MISSING_PATH)) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { page, problems };
}
