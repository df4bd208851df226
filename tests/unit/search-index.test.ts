/**
 * The search index integration on a small site written to a temporary folder: it
 * indexes the passages of the chapters and the footnotes, one Pagefind record each,
 * writes the lexicon, and refuses, naming the problem, a chapter page that is missing,
 * a chapter with no passage, or fewer footnotes than the report has.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, UNUSED_BUNDLE_FILES } from '../../src/search/node/search-index';
import { passageRecord, readPassages, type SearchPassages } from '../../src/search/node/data';
import { loadContent } from '../../src/data/load';
import { readFragment } from '../../src/search/node/fragments';
import type { Passage } from '../../src/search/types';
import { ROOT } from '../support/site';

const dirs: string[] = [];

function site(slugs: string[]): string {
  const dist = mkdtempSync(join(tmpdir(), 'search-index-'));
  dirs.push(dist);
  for (const slug of slugs) {
    mkdirSync(join(dist, slug), { recursive: true });
    writeFileSync(join(dist, slug, 'index.html'), '<!doctype html><title>t</title>');
  }
  return dist;
}

const passage = (chapter: string, id: string, text: string): Passage => ({ id, kind: 'content', chapter, part: 'phan-thu-nhat', where: 'I.1', text });

function data(footnotes: number, bPassages = 1): SearchPassages {
  return {
    chapters: [
      { slug: 'a', part: 'phan-thu-nhat', number: 'I.1', passages: [passage('a', 'p1-d1', 'Đầu tư công')], footnotes: Array.from({ length: footnotes }, (_, i) => i + 1) },
      { slug: 'b/c', part: 'phan-thu-hai', number: '1', passages: Array.from({ length: bPassages }, (_, i) => passage('b/c', `p2-d${i + 1}`, 'Đường sắt')), footnotes: [] },
    ],
    footnotes: Array.from({ length: footnotes }, (_, i) => ({ id: `fn-${i + 1}`, kind: 'footnote', n: i + 1, chapter: 'a', part: 'phan-thu-nhat', where: 'I.1', text: `Chú thích số ${i + 1} về xi măng` })),
    abbreviations: [['KCN', 'khu công nghiệp']],
  };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('indexes every passage and footnote, writes the lexicon, and none of Pagefind’s own UIs', async () => {
    const dist = site(['a', 'b/c']);
    const summary = await buildSearchIndex({ root: ROOT, dist, data: data(66) });
    expect(summary).toMatchObject({ chapters: 2, footnotes: 66, passages: 68 });
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    const files = readdirSync(join(dist, 'pagefind'));
    for (const name of UNUSED_BUNDLE_FILES) expect(files).not.toContain(name);
    const lexicon = JSON.parse(readFileSync(join(dist, 'search-data/lexicon.json'), 'utf8')) as { words: string; abbreviations: string[][] };
    expect(lexicon.words.split(' ')).toEqual(expect.arrayContaining(['dau', 'tu', 'cong', 'duong', 'sat', 'xi', 'mang']));
    expect(lexicon.abbreviations).toEqual([['KCN', 'khu công nghiệp']]);
  });

  it('writes every record’s text in one file, keyed by the name of its Pagefind fragment', async () => {
    const dist = site(['a', 'b/c']);
    await buildSearchIndex({ root: ROOT, dist, data: data(3) });
    const store = JSON.parse(readFileSync(join(dist, 'search-data/fragments.json'), 'utf8')) as Record<string, [string, string, string, string]>;
    const fragments = readdirSync(join(dist, 'pagefind/fragment')).map((f) => f.replace(/\.pf_fragment$/u, ''));
    expect(Object.keys(store).sort()).toEqual(fragments.sort());
    const records = Object.values(store);
    expect(records).toHaveLength(5);
    expect(records).toContainEqual(['/a/#p1-d1', passageRecord(data(3).chapters[0].passages[0]).content, 'I.1', '']);
    expect(records).toContainEqual(['/a/#fnref-2', passageRecord(data(3).footnotes[1]).content, 'I.1', '2']);
  });

  it('names the fragment file and the field when a Pagefind fragment cannot be read', () => {
    expect(() => readFragment('x.pf_fragment', Buffer.from('nonsense'))).toThrow('search fragments: x.pf_fragment: gzip');
    const noUrl = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ content: 'a', meta: { w: 'I.1' } })}`));
    expect(() => readFragment('y.pf_fragment', noUrl)).toThrow('search fragments: y.pf_fragment: url: missing');
    const noWhere = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/a/#p1-d1', content: 'a', meta: { w: '' } })}`));
    expect(() => readFragment('z.pf_fragment', noWhere)).toThrow('search fragments: z.pf_fragment: meta.w: missing');
  });

  it('fails on a missing chapter page, naming it', async () => {
    await expect(buildSearchIndex({ root: ROOT, dist: site(['a']), data: data(66) })).rejects.toThrow('the page of chapter "b/c" is missing');
  });

  it('fails on a chapter with no passage, naming it', async () => {
    await expect(buildSearchIndex({ root: ROOT, dist: site(['a', 'b/c']), data: data(66, 0) })).rejects.toThrow('chapter "b/c" has no passage to index');
  });

  it('fails with fewer footnotes than the chapters have markers', async () => {
    const d = data(66);
    await expect(buildSearchIndex({ root: ROOT, dist: site(['a', 'b/c']), data: { ...d, footnotes: d.footnotes.slice(0, 65) } })).rejects.toThrow(
      "indexed 65 footnotes, fewer than the report's 66",
    );
  });
});

describe('readPassages', () => {
  const d = readPassages(loadContent(ROOT));

  it('reads the 11 chapters in order, each heading and paragraph with its permalink id, and the 66 footnotes at their chapters', () => {
    expect(d.chapters).toHaveLength(11);
    expect(d.chapters[0].slug).toBe('phan-thu-nhat/mo-dau');
    const i1 = d.chapters[1].passages;
    expect(i1[0]).toMatchObject({ id: 'p1-i-1-d1', kind: 'content', where: 'I.1' });
    expect(i1[0].text.startsWith('Quy mô tổng sản phẩm trên địa bàn (GRDP theo giá hiện hành)')).toBe(true);
    expect(i1[0].text).not.toContain('<Fn');
    expect(i1.find((p) => p.id === 'p1-i-1-5-1')?.where).toBe('I.1 › 1.5.1');
    expect(d.footnotes.map((f) => f.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
    expect(d.footnotes.find((f) => f.n === 7)).toMatchObject({ id: 'fn-7', chapter: 'phan-thu-nhat/i-1-linh-vuc-kinh-te', where: 'I.1' });
  });

  it('says where every passage and footnote stands: the chapter number, or the title of a chapter that has none', () => {
    const all = [...d.chapters.flatMap((c) => c.passages), ...d.footnotes];
    expect(all.filter((p) => !p.where).map((p) => p.id)).toEqual([]);
    expect(d.chapters[0].passages[0].where).toBe('Mở đầu');
    expect(d.chapters.at(-1)!.passages.at(-1)!.where).toBe('Phần kết');
  });

  it('gives every passage a unique id', () => {
    const ids = d.chapters.flatMap((c) => c.passages.map((p) => `${c.slug}#${p.id}`));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
