/**
 * The permalinks plugin (src/permalinks/hast.ts) on small MDX fixtures, rendered through
 * Sätteri as the site renders chapters, and on every real chapter.
 */
import { describe, expect, it } from 'vitest';
import { chapterOutline } from '../../src/core/outline';
import { permalinks, permalinksPlugin, type PermalinkLabels } from '../../src/permalinks/hast';
import { readChapterFiles } from './helpers/chapters';
import { mdxHtml } from './helpers/mdx-html';

const labels: PermalinkLabels = { item: (label) => `Liên kết đến mục ${label}`, paragraph: 'Liên kết đến đoạn này' };
const chapterI1 = { part: 'phan-thu-nhat' as const, section: 'I' as const, heading: ['I. KẾT QUẢ', '1. Lĩnh vực kinh tế'] };
const render = (mdx: string, chapter: Parameters<typeof permalinksPlugin>[0] = chapterI1) => mdxHtml(mdx, [permalinksPlugin(chapter, labels)]);

/** The ids of the rendered headings and paragraphs, in order. */
const idsOf = (html: string) => [...html.matchAll(/<(?:h[2-6]|p) id="([^"]*)"/gu)].map((m) => m[1]);

describe('permalinks plugin', async () => {
  const out = await render(['Quy mô tổng sản phẩm', '## 1.1. Nông nghiệp', 'Sản xuất nông nghiệp<Fn n={4} />.', '1.1.1. Trồng trọt: Toàn tỉnh'].join('\n\n'));

  it('gives headings and paragraphs their ids in reading order', () => {
    expect(idsOf(out)).toEqual(['p1-i-1-d1', 'p1-i-1-1', 'p1-i-1-1-d1', 'p1-i-1-1-1']);
  });

  it('gives a heading the id of its numbering, not a slug of its text, and one id only', () => {
    expect(out).toMatch(/<h2 id="p1-i-1-1">1\.1\. Nông nghiệp /u);
    expect(out.match(/ id="/gu)?.length).toBe(4);
  });

  it('wraps the numbering of a run-in item in span.item-num, and not that of a heading', () => {
    expect(out).toContain('<p id="p1-i-1-1-1"><span class="item-num">1.1.1.</span> Trồng trọt: Toàn tỉnh');
    expect(out.match(/item-num/gu)?.length).toBe(1);
  });

  it('finds the numbering of an item inside its emphasis', async () => {
    expect(await render('**1.2.** Chăn nuôi')).toContain('<p id="p1-i-1-2"><strong><span class="item-num">1.2.</span></strong> Chăn nuôi');
  });

  it('appends a permalink to each block, labelled with its numbering without the final dot, or as a paragraph', () => {
    const links = [...out.matchAll(/<a class="permalink" href="#([^"]+)" aria-label="([^"]+)" data-pagefind-ignore><\/a>/gu)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['p1-i-1-d1', 'Liên kết đến đoạn này'],
      ['p1-i-1-1', 'Liên kết đến mục 1.1'],
      ['p1-i-1-1-d1', 'Liên kết đến đoạn này'],
      ['p1-i-1-1-1', 'Liên kết đến mục 1.1.1'],
    ]);
    expect(out).toMatch(/Nông nghiệp <a class="permalink"[^>]*><\/a><\/h2>/u);
    // The icon is drawn by CSS, not repeated in every link.
    expect(out).not.toContain('<svg');
  });

  it('keeps the content of a block, footnote markers included', () => {
    expect(out).toContain('Sản xuất nông nghiệp<sup class="fn"><a class="fn-ref" href="#fn-4">4</a></sup>.');
  });

  it('labels a paren item with its parentheses', async () => {
    const paren = await render('### 3.1. Về khách quan\n\n(2) Kinh tế', { part: 'phan-thu-nhat', section: 'II', heading: ['II. ĐÁNH GIÁ CHUNG'] });
    expect(idsOf(paren)).toEqual(['p1-ii-3-1', 'p1-ii-3-1-y2']);
    expect(paren).toContain('aria-label="Liên kết đến mục (2)"');
    expect(paren).toContain('<span class="item-num">(2)</span> Kinh tế');
  });

  it('leaves h1, lists and block components alone', async () => {
    const other = await render('# Tiêu đề\n\n- 1. Một\n\n<Recipients />');
    expect(other).not.toContain('permalink');
    expect(other).not.toMatch(/ id="/u);
  });

  it('throws naming the file when two blocks would get the same id', async () => {
    await expect(mdxHtml('## 1.1. A\n\n## 1.1. A', [permalinksPlugin(chapterI1, labels, 'content/chapters/x.mdx')])).rejects.toThrow(
      /content\/chapters\/x\.mdx: duplicate permalink id "p1-i-1-1"/u,
    );
  });

  it('reads the chapter from the frontmatter Astro hands it, and leaves other documents alone', async () => {
    const frontmatter = { order: 2, slug: 'phan-thu-nhat/i-1', part: 'phan-thu-nhat', section: 'I', title: 'Lĩnh vực kinh tế', heading: chapterI1.heading };
    expect(idsOf(await mdxHtml('1.1. A', [permalinks(labels)], { frontmatter }))).toEqual(['p1-i-1-1']);
    expect(await mdxHtml('1.1. A', [permalinks(labels)], { frontmatter: { title: 'x' } })).toBe('<p>1.1. A</p>');
  });

  it('gives every real chapter the ids that chapterOutline computes from its MDX', async () => {
    for (const { name, data, body } of readChapterFiles()) {
      const html = await mdxHtml(body, [permalinksPlugin(data, labels)], { components: { Signature: () => '<div class="signature"></div>', DataChart: () => '<figure></figure>', IndicatorTable: () => '<figure></figure>' } });
      const outline = chapterOutline(data, body);
      expect(idsOf(html), name).toEqual(outline.ids.slice(1));
      for (const item of outline.items.filter((i) => i.kind === 'item')) {
        expect(html, `${name} ${item.label}`).toContain(`<p id="${item.id}"><span class="item-num">${item.label}</span>`);
      }
    }
  });
});
