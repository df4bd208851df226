/** The content helpers, reading the real collections through astro:content (synced by tests/support/unit-setup.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chapterFootnoteNumbers,
  chapterUrl,
  getChapterFootnotes,
  getChapters,
  getCorrections,
  getFootnote,
  getFootnoteChapters,
  getFootnotes,
  getNeighbours,
  getOutline,
  getReport,
} from '../../src/data/content';
import { content } from '../support/content';
import { ROOT } from './helpers/chapters';

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const yamlFootnotes = content().footnotes;

describe('the content helpers', () => {
  it('getChapters gives the 11 chapters in order 1 to 11, with unique slugs', async () => {
    const chapters = await getChapters();
    expect(chapters.map((c) => c.data.order)).toEqual(oneToN(11));
    expect(new Set(chapters.map((c) => c.data.slug)).size).toBe(11);
    expect(chapters[0].data.slug).toBe('phan-thu-nhat/mo-dau');
    expect(chapters[10].data.slug).toBe('phan-ket');
  });

  it('getFootnotes gives the 66 footnotes of footnotes.yaml, in order', async () => {
    expect(await getFootnotes()).toEqual(yamlFootnotes);
  });

  it('getFootnote gives one footnote by its number, e.g. 13', async () => {
    const fn = await getFootnote(13);
    expect(fn.n).toBe(13);
    expect(fn.text).toMatch(/^Như các dự án: Tu bổ, tôn tạo hạ tầng phía trước Đền Kiếp Bạc/u);
    expect(fn.text).toBe(yamlFootnotes[12].text);
  });

  it('getFootnote throws naming footnotes.yaml and the number when there is no such footnote', async () => {
    await expect(getFootnote(99)).rejects.toThrow('content/footnotes.yaml: there is no footnote 99');
    await expect(getFootnote(0)).rejects.toThrow(/footnotes\.yaml: there is no footnote 0/u);
  });

  it('getChapterFootnotes covers footnotes 1 to 66 exactly once across the chapters, in order', async () => {
    const perChapter = await Promise.all((await getChapters()).map(getChapterFootnotes));
    expect(perChapter.flat().map((f) => f.n)).toEqual(oneToN(66));
    expect(perChapter[0].map((f) => f.n)).toEqual([1]);
    expect(perChapter[10]).toEqual([]);
  });

  it('chapterFootnoteNumbers gives the numbers of a chapter in order of appearance', async () => {
    const [, economy] = await getChapters();
    const numbers = chapterFootnoteNumbers(economy);
    expect(numbers.slice(0, 2)).toEqual([2, 3]);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('getFootnoteChapters maps each of the 66 footnotes to the chapter that carries its marker', async () => {
    const map = await getFootnoteChapters();
    const chapters = await getChapters();
    expect([...map.keys()].sort((a, b) => a - b)).toEqual(oneToN(66));
    expect(map.get(1)?.data.slug).toBe('phan-thu-nhat/mo-dau');
    expect(map.get(2)?.data.slug).toBe('phan-thu-nhat/i-1-linh-vuc-kinh-te');
    for (const chapter of chapters) {
      for (const n of chapterFootnoteNumbers(chapter)) expect(map.get(n)?.id, `footnote ${n}`).toBe(chapter.id);
    }
  });

  it('getNeighbours gives the chapters before and after, and none beyond the ends', async () => {
    const chapters = await getChapters();
    expect(await getNeighbours(chapters[0])).toMatchObject({ prev: undefined, next: chapters[1], index: 0, total: 11 });
    expect(await getNeighbours(chapters[5])).toMatchObject({ prev: chapters[4], next: chapters[6], index: 5 });
    expect(await getNeighbours(chapters[10])).toMatchObject({ prev: chapters[9], next: undefined, index: 10 });
  });

  it('getOutline gives a chapter its contents from its MDX body', async () => {
    const [, economy] = await getChapters();
    const outline = getOutline(economy);
    expect(outline.rootId).toBe('p1-i-1');
    expect(outline.items[0]).toMatchObject({ id: 'p1-i-1-1', label: '1.1.', title: 'Nông nghiệp' });
  });

  it('getReport gives the report metadata, with no document number or date', async () => {
    const report = await getReport();
    expect(report.issuer.short).toBe('UBND tỉnh');
    expect(report.parts.map((p) => p.id)).toEqual(['phan-thu-nhat', 'phan-thu-hai']);
    expect(report).not.toHaveProperty('documentNumber');
    expect(report).not.toHaveProperty('date');
  });

  it('getCorrections gives every correction, each naming an existing chapter file', async () => {
    const corrections = await getCorrections();
    expect(corrections.length).toBeGreaterThan(0);
    for (const c of corrections) expect(() => readFileSync(join(ROOT, 'content/chapters', `${c.chapter}.mdx`)), c.id).not.toThrow();
  });

  it('chapterUrl gives the chapter path with slashes on both sides, and an optional fragment', async () => {
    const [first] = await getChapters();
    expect(chapterUrl(first)).toBe('/phan-thu-nhat/mo-dau/');
    expect(chapterUrl(first, 'p1-d1')).toBe('/phan-thu-nhat/mo-dau/#p1-d1');
  });
});
