import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidContent, splitFrontmatter, validateContent } from '../../src/data/validate';
import { ContentError } from '../../src/data/yaml-entries';
import { ROOT } from './helpers/chapters';
import { edit, messagesFor, validateMutated } from './helpers/content-copy';

const CH02 = 'content/chapters/02-i-1-linh-vuc-kinh-te.mdx';
const CH03 = 'content/chapters/03-i-2-linh-vuc-xa-hoi.mdx';
const CH11 = 'content/chapters/11-phan-ket.mdx';
const FOOTNOTES = 'content/footnotes.yaml';

describe('validateContent', () => {
  it('finds no error in the untouched content', { timeout: 60_000 }, () => {
    expect(validateContent(ROOT).map((e) => e.message)).toEqual([]);
    expect(() => assertValidContent(ROOT)).not.toThrow();
  });

  it('finds no error in an untouched copy of the content', () => {
    expect(validateMutated(() => {})).toEqual([]);
  });

  it('names the chapter, the line and the footnote when a marker names a footnote that does not exist', () => {
    const errors = validateMutated((root) => edit(root, CH11, (t) => t.replace('báo cáo HĐND tỉnh./.', 'báo cáo HĐND tỉnh<Fn n={67} />./.')));
    expect(errors.map((e) => e.message)).toEqual([
      `${CH11}: <Fn n={67} /> (line 2 of the body): footnote 67 does not exist in content/footnotes.yaml`,
    ]);
  });

  it('reports only the unknown marker when it stands before other markers, not the later ones as out of order', () => {
    const errors = validateMutated((root) => edit(root, CH02, (t) => t.replace('8,16%<Fn n={3} />', '8,16%<Fn n={3} /><Fn n={67} />')));
    expect(errors.map((e) => e.message)).toEqual([`${CH02}: <Fn n={67} /> (line 2 of the body): footnote 67 does not exist in content/footnotes.yaml`]);
  });

  it('names the chapter when a footnote is referenced twice in the same chapter', () => {
    const errors = validateMutated((root) => edit(root, CH02, (t) => t.replace('8,16%<Fn n={3} />', '8,16%<Fn n={3} /><Fn n={3} />')));
    expect(errors.map((e) => e.message)).toEqual([`${CH02}: <Fn n={3} /> (line 2 of the body): footnote 3 is already referenced in ${CH02}`]);
  });

  it('names both chapters when a footnote is referenced again in another chapter', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace('## 2.1. Y tế', '## 2.1. Y tế\n\nChữ<Fn n={2} />.')));
    expect(messagesFor(errors, CH03)).toEqual([`${CH03}: <Fn n={2} /> (line 4 of the body): footnote 2 is already referenced in ${CH02}`]);
    expect(errors).toHaveLength(1);
  });

  it('names footnotes.yaml and the chapter when a footnote is deleted from footnotes.yaml', () => {
    const errors = validateMutated((root) => edit(root, FOOTNOTES, (t) => t.replace(/^- n: 13\n {2}text: .*\n/mu, '')));
    expect(messagesFor(errors, FOOTNOTES)).toEqual([`${FOOTNOTES}: n=13: footnote is missing`]);
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^content\/chapters\/\S+\.mdx: <Fn n=\{13\} \/> \(line \d+ of the body\): footnote 13 does not exist in content\/footnotes\.yaml$/u));
    expect(errors).toHaveLength(2);
  });

  it('names footnotes.yaml, the entry and the number when a footnote number is used twice', () => {
    const errors = validateMutated((root) => edit(root, FOOTNOTES, (t) => t.replace(/^- n: 14$/mu, '- n: 13')));
    expect(errors.map((e) => e.message)).toEqual([`${FOOTNOTES}: [14].n: duplicate value 13`]);
  });

  it('names footnotes.yaml and the field when a footnote fails its schema', () => {
    const errors = validateMutated((root) => edit(root, FOOTNOTES, (t) => t.replace(/^- n: 66$/mu, '- n: 66\n  page: 12')));
    expect(messagesFor(errors, FOOTNOTES)).toEqual([expect.stringMatching(/^content\/footnotes\.yaml: \[66\]: .*page/u)]);
  });

  it('names footnotes.yaml and the footnote when no chapter references it', () => {
    const errors = validateMutated((root) => edit(root, CH02, (t) => t.replace('8,16%<Fn n={3} />', '8,16%')));
    expect(errors.map((e) => e.message)).toEqual([`${FOOTNOTES}: n=3: footnote is never referenced by a <Fn /> in content/chapters`]);
  });

  it('names the chapter and the field when a required frontmatter field is removed', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace(/^slug: .*\n/mu, '')));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^content\/chapters\/03-i-2-linh-vuc-xa-hoi\.mdx: frontmatter\.slug: /u)]);
  });

  it('names the chapter and the field when a frontmatter value is invalid', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace('part: phan-thu-nhat', 'part: phan-thu-ba')));
    expect(messagesFor(errors, CH03)).toEqual([expect.stringMatching(/^content\/chapters\/03-i-2-linh-vuc-xa-hoi\.mdx: frontmatter\.part: /u)]);
  });

  it('names the chapter and the line of the file when its frontmatter is invalid YAML', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace('title: "Lĩnh vực xã hội"', 'title: "Lĩnh vực: xã hội: sai" thừa')));
    const lines = readFileSync(join(ROOT, CH03), 'utf8').split('\n');
    const titleLine = lines.findIndex((l) => l.startsWith('title:')) + 1;
    expect(messagesFor(errors, CH03)).toEqual([expect.stringMatching(new RegExp(`^${CH03}: line ${titleLine}: invalid YAML: .* at line ${titleLine}, column \\d+`, 'u'))]);
  });

  it('names the chapter when its frontmatter block is missing', () => {
    const errors = validateMutated((root) => edit(root, CH11, (t) => t.replace(/^---\n[\s\S]*?\n---\n/u, '')));
    expect(messagesFor(errors, CH11)).toEqual([`${CH11}: frontmatter: missing: the file must start with a "---" block`]);
  });

  it('names the chapter, the component and its line when a chapter uses an unknown component', () => {
    const errors = validateMutated((root) => edit(root, CH11, (t) => t.replace('<Signature />', '<Signature />\n\n<Chart />')));
    const line = readFileSync(join(ROOT, CH11), 'utf8').split('\n').indexOf('<Signature />') + 3;
    expect(errors.map((e) => e.message)).toEqual([
      `${CH11}:${line}:1: unknown component <Chart>: chapters may use <Fn n={…} />, <Recipients />, <Signature />, <DataChart />, <IndicatorTable />`,
    ]);
  });

  it('names the chapter and the tag when a chapter uses an unknown inline tag', () => {
    const errors = validateMutated((root) => edit(root, CH11, (t) => t.replace('trân trọng báo cáo', '<strong>trân trọng</strong> báo cáo')));
    const lines = readFileSync(join(ROOT, CH11), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('trân trọng báo cáo')) + 1;
    const column = lines[line - 1].indexOf('trân trọng báo cáo') + 1;
    expect(errors.map((e) => e.message)).toEqual([
      `${CH11}:${line}:${column}: raw HTML <strong> is not allowed: write the report's text in Markdown`,
      `${CH11}:${line}:${column + '<strong>trân trọng'.length}: raw HTML </strong> is not allowed: write the report's text in Markdown`,
    ]);
  });

  it('names the chapter and the marker when a marker repeats an earlier, higher one, without reporting the markers after it', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace('## 2.1. Y tế', '## 2.1. Y tế\n\nChữ<Fn n={30} />.')));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^content\/chapters\/03-i-2-linh-vuc-xa-hoi\.mdx: <Fn n=\{30\} \/> \(line 4 of the body\): footnote 30 is already referenced in content\/chapters\/\S+\.mdx$/u)]);
  });

  it('names the chapter and both footnotes when markers are out of order', () => {
    const errors = validateMutated((root) =>
      edit(root, CH02, (t) => t.replace('kỳ vọng<Fn n={2} />', 'kỳ vọng<Fn n={@} />').replace('8,16%<Fn n={3} />', '8,16%<Fn n={2} />').replace('<Fn n={@} />', '<Fn n={3} />')),
    );
    expect(errors.map((e) => e.message)).toEqual([
      `${CH02}: <Fn n={2} /> (line 2 of the body): footnote 2 comes after footnote 3: markers must follow the report's order`,
    ]);
  });

  it('names both chapters when two chapters share an order or a slug', () => {
    const errors = validateMutated((root) => edit(root, CH03, (t) => t.replace('order: 3', 'order: 2').replace('slug: phan-thu-nhat/i-2-linh-vuc-xa-hoi', 'slug: phan-thu-nhat/i-1-linh-vuc-kinh-te')));
    expect(messagesFor(errors, CH03)).toEqual([`${CH03}: frontmatter.order: 2 is also used by ${CH02}`, `${CH03}: frontmatter.slug: "phan-thu-nhat/i-1-linh-vuc-kinh-te" is also used by ${CH02}`]);
  });

  it('names report.yaml and the field when the report gets a field the source does not give', () => {
    const errors = validateMutated((root) => edit(root, 'content/report.yaml', (t) => `${t}date: 2023-11-20\n`));
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^content\/report\.yaml: \(root\): .*date/u)]);
  });

  it('names corrections.yaml and the entry when a correction points at a chapter file that does not exist', () => {
    const errors = validateMutated((root) => edit(root, 'content/corrections.yaml', (t) => t.replace('chapter: 10-3-nhiem-vu-giai-phap', 'chapter: 10-nhiem-vu')));
    expect(errors.map((e) => e.message)).toEqual(['content/corrections.yaml: [1].chapter: no chapter file 10-nhiem-vu.mdx']);
  });

  it('reports an error in every file at once, rather than stopping at the first', () => {
    const errors = validateMutated((root) => {
      edit(root, CH11, (t) => t.replace('<Signature />', '<Chart />'));
      edit(root, CH03, (t) => t.replace(/^slug: .*\n/mu, ''));
    });
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set([CH03, CH11]));
  });
});

describe('assertValidContent', () => {
  it('throws one error that counts and lists every problem', () => {
    const root = mkdtempSync(join(tmpdir(), 'report-content-'));
    try {
      cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
      edit(root, CH11, (t) => t.replace('báo cáo HĐND tỉnh./.', 'báo cáo HĐND tỉnh<Fn n={67} />./.'));
      expect(() => assertValidContent(root)).toThrow(`Content errors (1):\n  - ${CH11}: <Fn n={67} /> (line 2 of the body): footnote 67 does not exist in content/footnotes.yaml`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('splitFrontmatter', () => {
  it('separates the YAML frontmatter from the body', () => {
    expect(splitFrontmatter('---\norder: 1\ntitle: Mở đầu\n---\n\nThân bài.\n', 'a.mdx')).toEqual({ data: { order: 1, title: 'Mở đầu' }, body: '\nThân bài.\n' });
  });

  it('gives an empty body when the file ends after the frontmatter', () => {
    expect(splitFrontmatter('---\norder: 1\n---', 'a.mdx')).toEqual({ data: { order: 1 }, body: '' });
  });

  it('throws naming the file when the frontmatter is missing or not closed', () => {
    expect(() => splitFrontmatter('Thân bài.', 'content/chapters/x.mdx')).toThrow('content/chapters/x.mdx: frontmatter: missing');
    expect(() => splitFrontmatter('---\norder: 1\nThân bài.', 'content/chapters/x.mdx')).toThrow(ContentError);
  });

  it('names the line of the file, not of the frontmatter, when the YAML is invalid', () => {
    expect(() => splitFrontmatter('---\norder: 1\ntitle: a: b\n---\n', 'content/chapters/x.mdx')).toThrow(/^content\/chapters\/x\.mdx: line 3: invalid YAML/u);
  });
});
