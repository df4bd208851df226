/**
 * Lighthouse (pinned in package.json) on a URL, mobile (its default form factor and
 * simulated throttling), in Debian's Chromium: the four category scores, 0–100.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouseRun from 'lighthouse';
import { CHROMIUM } from '../support/browser.ts';

export interface Scores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export async function lighthouse(url: string): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const result = await lighthouseRun(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const c = result.lhr.categories;
    const score = (id: string) => Math.round((c[id]?.score ?? 0) * 100);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') };
  } finally {
    chrome.kill();
  }
}

export const scoresLine = (s: Scores) => `Performance ${s.performance}, Accessibility ${s.accessibility}, Best Practices ${s.bestPractices}, SEO ${s.seo}`;

/** Lighthouse on each path of `base`, one after another (one Chromium at a time); prints a line per page as it goes. */
export async function lighthouseAll(base: string, paths: readonly string[], log: (line: string) => void = console.error): Promise<{ path: string; scores: Scores }[]> {
  const rows = [];
  for (const path of paths) {
    const scores = await lighthouse(`${base}${path}`);
    log(`lighthouse ${path}: ${scoresLine(scores)}`);
    rows.push({ path, scores });
  }
  return rows;
}

/** The scores as table rows, with the pages whose Performance or Accessibility is under `floor` marked. */
export function lighthouseTable(rows: readonly { path: string; scores: Scores }[], floor = 95): string[][] {
  return [
    ['page', 'Performance', 'Accessibility', 'Best Practices', 'SEO', `P and A ≥ ${floor}`],
    ...rows.map(({ path, scores: s }) => [path, String(s.performance), String(s.accessibility), String(s.bestPractices), String(s.seo), s.performance >= floor && s.accessibility >= floor ? 'yes' : 'NO']),
  ];
}
