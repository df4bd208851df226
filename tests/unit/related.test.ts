/**
 * content/related.yaml: every section of Phần thứ nhất, mục I has a pair, every id resolves
 * to a heading or item of the chapters, and each reason is the site's own words.
 */
import { reportYears } from '../../src/core/years';
import { describe, expect, it } from 'vitest';
import { partOneSections, placesOf, relatedLinksFor, relatedProblems, insertAfter } from '../../src/reading/related';
import { relatedBlock } from '../../src/reading/related-html';
import { relatedSchema } from '../../src/schemas/related';
import { validateRelated } from '../../src/data/validate';
import { loadContent } from '../../src/data/load';
import { ContentReader } from '../../src/data/reader';
import { ROOT } from '../support/site';

const content = loadContent(ROOT);
const pairs = content.related;
const chapters = content.chapters;
const places = placesOf(chapters);
const report = content.report;

describe('content/related.yaml', () => {
  it('covers every section of Phần thứ nhất, mục I: 1.1–1.8, 2.1–2.5, 3.1–3.3 and chapter 4', () => {
    const sections = partOneSections(places).map((s) => s.label);
    expect(sections).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '4']);
    const covered = new Set(pairs.map((p) => p.result));
    for (const section of partOneSections(places)) expect(covered.has(section.id), `${section.label} ${section.title}`).toBe(true);
  });

  it('has ids that all resolve: results to sections of mục I, plans to tasks of Phần thứ hai', () => {
    expect(relatedProblems(pairs, places)).toEqual([]);
    for (const pair of pairs) {
      expect(places.get(pair.result)?.part, pair.id).toBe('phan-thu-nhat');
      expect(places.get(pair.plan)?.part, pair.id).toBe('phan-thu-hai');
    }
  });

  it('pairs 1.1 Nông nghiệp with the Part Two task on agriculture, 3.3 (1)', () => {
    const pair = pairs.find((p) => p.result === 'p1-i-1-1');
    expect(places.get(pair!.plan)).toMatchObject({ label: '3.3 (1)', part: 'phan-thu-hai' });
    expect(places.get(pair!.plan)!.title).toMatch(/^Phát triển nông nghiệp/u);
  });

  it("gives reasons in the site's words: no run of 6 words from the report", () => {
    const words = (s: string) => s.toLocaleLowerCase('vi').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/u).filter(Boolean);
    const source = ` ${words(chapters.map((c) => c.body).join(' ')).join(' ')} `;
    for (const pair of pairs) {
      const w = words(pair.reason);
      for (let i = 0; i + 6 <= w.length; i++) expect(source.includes(` ${w.slice(i, i + 6).join(' ')} `), `${pair.id}: "${pair.reason}"`).toBe(false);
    }
  });

  it('passes the build-time check, which names the file and the field of a broken id or a missing section', () => {
    expect(validateRelated(new ContentReader(ROOT))).toEqual([]);
    const broken = [...pairs.slice(1), { ...pairs[1], id: 'x', plan: 'p2-9-9' }];
    const problems = relatedProblems(broken, places).map((p) => `${p.where}: ${p.message}`);
    expect(problems).toContain(`[${broken.length}].plan: "p2-9-9" is no heading or item of the chapters`);
    expect(problems.some((p) => p.startsWith('(list): section 1.1 "Nông nghiệp" (p1-i-1-1)'))).toBe(true);
  });

  it('rejects a pair with a field missing or an id of the wrong Part, naming the field', () => {
    expect(relatedSchema.safeParse({ id: 'a', result: 'p1-i-1-1', plan: 'p2-3-5' }).error?.issues[0].path).toEqual(['reason']);
    expect(relatedSchema.safeParse({ ...pairs[0], result: 'p2-3-5' }).error?.issues[0].path).toEqual(['result']);
    expect(relatedSchema.safeParse({ ...pairs[0], extra: 1 }).success).toBe(false);
  });
});

describe('related links on the pages', () => {
  it('links a section to the plan and the task back to the results, with the years of report.yaml', () => {
    const here = relatedLinksFor('/phan-thu-nhat/i-1-linh-vuc-kinh-te/', pairs, places).get('p1-i-1-1');
    expect(here?.direction).toBe('plan');
    const y = reportYears(report);
    const years = { results: y.result, plan: y.plan };
    const html = relatedBlock('plan', here!.links, years);
    expect(html).toContain(`Kế hoạch ${years.plan} cho lĩnh vực này`);
    expect(html).toContain('href="/phan-thu-hai/3-nhiem-vu-giai-phap/#p2-3-3-y1"');
    const back = relatedLinksFor('/phan-thu-hai/3-nhiem-vu-giai-phap/', pairs, places).get('p2-3-3-y1');
    expect(relatedBlock('result', back!.links, years)).toContain(`Kết quả ${years.results} của lĩnh vực này`);
  });

  it('places a block after its element, first for the chapter itself, and fails on an unknown id', () => {
    const html = '<h2 id="a">A</h2><p id="b">B</p>';
    expect(insertAfter(html, new Map([['a', '<aside>x</aside>']]), 'root')).toBe('<h2 id="a">A</h2><aside>x</aside><p id="b">B</p>');
    expect(insertAfter(html, new Map([['root', '<aside>r</aside>']]), 'root')).toBe(`<aside>r</aside>${html}`);
    expect(() => insertAfter(html, new Map([['c', 'x']]), 'root')).toThrow('no element with id "c"');
  });
});

describe("the years the links' headings name", () => {
  it("come from the parts' titles in report.yaml, and a title without a year is an error naming its field", () => {
    expect(reportYears({ parts: [{ title: 'Tình hình thực hiện kế hoạch năm 2030' }, { title: 'Kế hoạch năm 2031' }] })).toEqual({ result: 2030, plan: 2031 });
    expect(() => reportYears({ parts: [{ title: 'Tình hình thực hiện kế hoạch' }, { title: 'Kế hoạch năm 2031' }] })).toThrow('parts.1.title');
  });
});
