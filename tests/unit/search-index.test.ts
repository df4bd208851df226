/**
 * The search index integration on a small site written to a temporary folder: it
 * indexes chapter pages and footnotes, and refuses, naming the problem, a chapter page
 * that is missing or has no data-pagefind-body, or fewer footnotes than the report has.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, extraSearchPages, hasPagefindBody, readSearchContent, UNUSED_BUNDLE_FILES, type SearchContent } from '../../src/integrations/search-index';
import { ROOT } from '../support/site';

const page = (body: string) => `<!doctype html><html lang="vi"><head><title>t</title></head><body>${body}</body></html>`;
const dirs: string[] = [];

function site(pages: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'search-index-'));
  dirs.push(dist);
  for (const [slug, html] of Object.entries(pages)) {
    mkdirSync(join(dist, slug), { recursive: true });
    writeFileSync(join(dist, slug, 'index.html'), html);
  }
  return dist;
}

function content(footnotes: number): SearchContent {
  return {
    chapters: [
      { slug: 'a', part: 'phan-thu-nhat', label: 'A', footnotes: Array.from({ length: footnotes }, (_, i) => i + 1) },
      { slug: 'b/c', part: 'phan-thu-hai', label: 'C', footnotes: [] },
    ],
    footnotes: Array.from({ length: footnotes }, (_, i) => ({ n: i + 1, text: `Chú thích số ${i + 1} về xi măng` })),
  };
}

const good = { a: page('<article data-pagefind-body><p>Đầu tư</p></article>'), 'b/c': page('<article data-pagefind-body><p>Đường sắt</p></article>') };

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('indexes every chapter and footnote and writes the bundle without Pagefind’s own UIs', async () => {
    const dist = site(good);
    const summary = await buildSearchIndex({ root: ROOT, dist, content: content(66) });
    expect(summary).toMatchObject({ chapters: 2, footnotes: 66 });
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    const files = readdirSync(join(dist, 'pagefind'));
    for (const name of UNUSED_BUNDLE_FILES) expect(files).not.toContain(name);
  });

  it('indexes the site’s own pages that hold a data-pagefind-body apart, and still counts the chapters and footnotes', async () => {
    const dist = site({ ...good, 'chu-viet-tat': page('<div data-pagefind-body><h1>Chữ viết tắt</h1><p>KCN: khu công nghiệp</p></div>'), 'so-lieu': page('<p>Số liệu</p>') });
    const summary = await buildSearchIndex({ root: ROOT, dist, content: content(66) });
    expect(summary).toMatchObject({ chapters: 2, footnotes: 66, pages: 1 });
  });

  it('fails on a missing chapter page, naming it', async () => {
    await expect(buildSearchIndex({ root: ROOT, dist: site({ a: good.a }), content: content(66) })).rejects.toThrow('the page of chapter "b/c" is missing');
  });

  it('fails on a chapter page without data-pagefind-body', async () => {
    const dist = site({ ...good, 'b/c': page('<p>Đường sắt</p>') });
    await expect(buildSearchIndex({ root: ROOT, dist, content: content(66) })).rejects.toThrow('has no data-pagefind-body');
  });

  it('fails with fewer footnotes than the chapters have markers', async () => {
    const all = content(66);
    await expect(buildSearchIndex({ root: ROOT, dist: site(good), content: { ...all, footnotes: all.footnotes.slice(0, 65) } })).rejects.toThrow(
      "indexed 65 footnotes, fewer than the report's 66",
    );
  });

  it('fails on a footnote whose marker is in no chapter', async () => {
    const c = content(66);
    c.chapters[0].footnotes = c.chapters[0].footnotes.filter((n) => n !== 9);
    await expect(buildSearchIndex({ root: ROOT, dist: site(good), content: c })).rejects.toThrow('footnote 9 has no marker in any chapter');
  });
});

describe('extraSearchPages', () => {
  it('finds the pages with a data-pagefind-body that are not chapters, by URL, the home page included', () => {
    const body = page('<main data-pagefind-body><p>Trang</p></main>');
    const dist = site({ ...good, 'chu-viet-tat': body, 'doi-chieu-so-lieu': body, 'so-lieu': page('<p>data-pagefind-body trong chữ</p>') });
    writeFileSync(join(dist, 'index.html'), body);
    expect(extraSearchPages(dist, ['a', 'b/c']).map((p) => p.url)).toEqual(['/', '/chu-viet-tat/', '/doi-chieu-so-lieu/']);
  });

  it('tells an element carrying the attribute from the words in the text', () => {
    expect(hasPagefindBody('<div class="x" data-pagefind-body>')).toBe(true);
    expect(hasPagefindBody('<article data-pagefind-body data-print-page="p">')).toBe(true);
    expect(hasPagefindBody('<p>data-pagefind-body</p><div data-pagefind-bodyx>')).toBe(false);
  });
});

describe('readSearchContent', () => {
  it('reads the 11 chapters in order and the 66 footnotes, each footnote in one chapter', () => {
    const { chapters, footnotes } = readSearchContent(ROOT);
    expect(chapters).toHaveLength(11);
    expect(chapters[0].slug).toBe('phan-thu-nhat/mo-dau');
    expect(footnotes.map((f) => f.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
    expect(chapters.flatMap((c) => c.footnotes).sort((a, b) => a - b)).toEqual(footnotes.map((f) => f.n));
  });
});
