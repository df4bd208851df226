import { describe, expect, it } from 'vitest';
import { chapterOutline } from '../../src/lib/outline';
import { annotate, htmlText, type PermalinkLabels } from '../../src/lib/permalinks';
import { readChapterFiles, renderLikeMdx } from './helpers/chapters';

const labels: PermalinkLabels = { item: (label) => `Liên kết đến mục ${label}`, paragraph: 'Liên kết đến đoạn này' };
const chapterI1 = { part: 'phan-thu-nhat' as const, section: 'I', heading: ['I. KẾT QUẢ', '1. Lĩnh vực kinh tế'] };

/** The ids of the annotated HTML's headings and paragraphs, in order. */
const idsOf = (html: string) => [...html.matchAll(/<(?:h[2-6]|p) id="([^"]*)"/gu)].map((m) => m[1]);

describe('htmlText', () => {
  it('removes tags and decodes the entities MDX emits', () => {
    expect(htmlText('<a href="#x">A &amp; B</a> &lt;c&gt; &quot;d&quot; &#39;e&#39;')).toBe('A & B <c> "d" \'e\'');
  });

  it('leaves plain text unchanged', () => {
    expect(htmlText('1.5.1. Đầu tư công')).toBe('1.5.1. Đầu tư công');
  });
});

describe('annotate', () => {
  const html = [
    '<p>Quy mô tổng sản phẩm</p>',
    '<h2 id="11-nông-nghiệp">1.1. Nông nghiệp</h2>',
    '<p>Sản xuất nông nghiệp<sup class="fn"><a href="#fn-4">4</a></sup>.</p>',
    '<p class="lead">1.1.1. Trồng trọt: Toàn tỉnh</p>',
  ].join('\n');
  const out = annotate(html, chapterI1, labels);

  it('gives headings and paragraphs their ids in reading order', () => {
    expect(idsOf(out)).toEqual(['p1-i-1-d1', 'p1-i-1-1', 'p1-i-1-1-d1', 'p1-i-1-1-1']);
  });

  it('replaces the id the Markdown processor gave a heading, leaving one id', () => {
    expect(out).not.toContain('11-nông-nghiệp');
    expect(out).toMatch(/<h2 id="p1-i-1-1">1\.1\. Nông nghiệp /u);
    expect(out.match(/ id="/gu)?.length).toBe(4);
  });

  it('keeps the other attributes of a block', () => {
    expect(out).toContain('<p id="p1-i-1-1-1" class="lead">');
  });

  it('wraps the numbering of a run-in item in span.item-num, and not that of a heading', () => {
    expect(out).toContain('<span class="item-num">1.1.1.</span> Trồng trọt: Toàn tỉnh');
    expect(out.match(/item-num/gu)?.length).toBe(1);
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
    expect(out).toContain('Sản xuất nông nghiệp<sup class="fn"><a href="#fn-4">4</a></sup>.');
  });

  it('labels a paren item with its parentheses', () => {
    const paren = annotate('<h3>3.1. Về khách quan</h3><p>(2) Kinh tế</p>', { part: 'phan-thu-nhat', section: 'II', heading: ['II. ĐÁNH GIÁ CHUNG'] }, labels);
    expect(idsOf(paren)).toEqual(['p1-ii-3-1', 'p1-ii-3-1-y2']);
    expect(paren).toContain('aria-label="Liên kết đến mục (2)"');
    expect(paren).toContain('<span class="item-num">(2)</span> Kinh tế');
  });

  it('leaves h1, lists, divs and other tags that start with "p" alone', () => {
    const other = '<h1>Tiêu đề</h1><ul><li>1. Một</li></ul><pre>x</pre><div class="signature"></div>';
    expect(annotate(other, chapterI1, labels)).toBe(other);
  });

  it('throws when two blocks would get the same id', () => {
    expect(() => annotate('<h2>1.1. A</h2><h2>1.1. A</h2>', chapterI1, labels)).toThrow(/duplicate permalink id "p1-i-1-1"/u);
  });

  it('gives every real chapter the ids that chapterOutline computes from its MDX', () => {
    for (const { name, data, body } of readChapterFiles()) {
      const annotated = annotate(renderLikeMdx(body), data, labels);
      const outline = chapterOutline(data, body);
      expect(idsOf(annotated), name).toEqual(outline.ids.slice(1));
      for (const item of outline.items.filter((i) => i.kind === 'item')) {
        expect(annotated, `${name} ${item.label}`).toContain(`<p id="${item.id}"><span class="item-num">${item.label}</span>`);
      }
    }
  });
});
