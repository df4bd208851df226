import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterSchema, PART_IDS } from '../../src/schemas/chapter';
import { correctionSchema } from '../../src/schemas/correction';
import { footnoteSchema } from '../../src/schemas/footnote';
import { reportSchema } from '../../src/schemas/report';
import { parseYaml } from '../../src/data/yaml-entries';
import { ROOT } from './helpers/chapters';

/** The paths of the issues a schema reports for `data`, e.g. ["n"] or ["session", "term"]; [] when valid. */
const issuePaths = (schema: { safeParse: (d: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, data: unknown) =>
  schema.safeParse(data).error?.issues.map((i) => i.path.map(String).join('.')) ?? [];

describe('footnoteSchema', () => {
  it('accepts a footnote with a positive whole number and one line of text', () => {
    expect(footnoteSchema.parse({ n: 1, text: 'Dự kiến có thể đạt khoảng 8,5%.' })).toEqual({ n: 1, text: 'Dự kiến có thể đạt khoảng 8,5%.' });
    expect(footnoteSchema.safeParse({ n: 250, text: 'x' }).success).toBe(true);
    expect(footnoteSchema.safeParse({ n: 0, text: 'x' }).success).toBe(false);
    expect(footnoteSchema.safeParse({ n: 2.5, text: 'x' }).success).toBe(false);
  });

  it('trims the text', () => {
    expect(footnoteSchema.parse({ n: 3, text: '  Dự kiến.  ' }).text).toBe('Dự kiến.');
  });

  it('rejects a number below 1, a fraction, or a number given as a string', () => {
    for (const n of [0, 1.5, '3', -1]) expect(issuePaths(footnoteSchema, { n, text: 'x' }), String(n)).toEqual(['n']);
  });

  it('rejects empty or blank text, and text on several lines', () => {
    expect(issuePaths(footnoteSchema, { n: 1, text: '' })).toEqual(['text']);
    expect(issuePaths(footnoteSchema, { n: 1, text: '   ' })).toEqual(['text']);
    const multiline = footnoteSchema.safeParse({ n: 1, text: 'dòng một\ndòng hai' });
    expect(multiline.error?.issues[0].message).toMatch(/must be one line/u);
  });

  it('rejects a missing field and an unknown one', () => {
    expect(issuePaths(footnoteSchema, { n: 1 })).toEqual(['text']);
    expect(footnoteSchema.safeParse({ n: 1, text: 'x', page: 4 }).success).toBe(false);
  });
});

describe('chapterSchema', () => {
  const valid = {
    order: 2,
    slug: 'phan-thu-nhat/i-1-linh-vuc-kinh-te',
    part: 'phan-thu-nhat',
    section: 'I',
    number: 'I.1',
    title: 'Lĩnh vực kinh tế',
    heading: ['I. KẾT QUẢ PHÁT TRIỂN CÁC NGÀNH, LĨNH VỰC', '1. Lĩnh vực kinh tế'],
  };

  it('accepts a full chapter frontmatter', () => {
    expect(chapterSchema.parse(valid)).toEqual(valid);
  });

  it('defaults the number to "" and the heading lines to none', () => {
    expect(chapterSchema.parse({ order: 11, slug: 'phan-ket', part: 'phan-ket', title: 'Phần kết' })).toEqual({
      order: 11,
      slug: 'phan-ket',
      part: 'phan-ket',
      title: 'Phần kết',
      number: '',
      heading: [],
    });
  });

  it('accepts each of the report parts', () => {
    for (const part of PART_IDS) expect(chapterSchema.safeParse({ ...valid, part }).success, part).toBe(true);
  });

  it('rejects each missing required field: order, slug, part and title', () => {
    for (const key of ['order', 'slug', 'part', 'title'] as const) {
      const { [key]: _, ...rest } = valid;
      expect(issuePaths(chapterSchema, rest), key).toEqual([key]);
    }
  });

  it('rejects an order that is not a positive whole number', () => {
    for (const order of [0, -1, 1.5, '2']) expect(issuePaths(chapterSchema, { ...valid, order }), String(order)).toEqual(['order']);
  });

  it('rejects a slug with capitals, accents, spaces or stray slashes', () => {
    for (const slug of ['Phan-thu-nhat', 'phần-kết', 'phan ket', '/phan-ket', 'phan-ket/', 'a//b', 'a--b', '']) {
      expect(issuePaths(chapterSchema, { ...valid, slug }), slug).toEqual(['slug']);
    }
  });

  it('rejects an unknown part, a section other than I, II and III, and a malformed number', () => {
    expect(issuePaths(chapterSchema, { ...valid, part: 'phan-thu-ba' })).toEqual(['part']);
    expect(issuePaths(chapterSchema, { ...valid, section: 'IV' })).toEqual(['section']);
    expect(issuePaths(chapterSchema, { ...valid, number: 'I-1' })).toEqual(['number']);
    expect(issuePaths(chapterSchema, { ...valid, number: 'một' })).toEqual(['number']);
  });

  it('rejects a blank title or heading line, and a heading given as one string', () => {
    expect(issuePaths(chapterSchema, { ...valid, title: '  ' })).toEqual(['title']);
    expect(issuePaths(chapterSchema, { ...valid, heading: ['I. KẾT QUẢ', ''] })).toEqual(['heading.1']);
    expect(issuePaths(chapterSchema, { ...valid, heading: '1. Lĩnh vực kinh tế' })).toEqual(['heading']);
  });

  it('rejects an unknown field, e.g. a misspelt "headings"', () => {
    expect(chapterSchema.safeParse({ ...valid, headings: [] }).success).toBe(false);
  });
});

describe('reportSchema', () => {
  const report = parseYaml(readFileSync(join(ROOT, 'content/report.yaml'), 'utf8'), 'content/report.yaml') as Record<string, unknown>;

  it('accepts the real content/report.yaml', () => {
    expect(reportSchema.safeParse(report).error?.issues).toBeUndefined();
  });

  it('rejects a document number or a date, which the source does not give', () => {
    expect(reportSchema.safeParse({ ...report, documentNumber: '123/BC-UBND' }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report, date: '2023-11-20' }).success).toBe(false);
  });

  it('rejects an unknown field inside a nested block too', () => {
    const signature = { ...(report.signature as object), date: '2023-11-20' };
    expect(reportSchema.safeParse({ ...report, signature }).success).toBe(false);
  });

  it('rejects a missing title or issuer name', () => {
    const { title: _, ...noTitle } = report;
    expect(issuePaths(reportSchema, noTitle)).toEqual(['title']);
    expect(issuePaths(reportSchema, { ...report, issuer: { short: 'UBND tỉnh' } })).toEqual(['issuer.name']);
  });

  it('rejects a session term that is not a Roman numeral, and a session number that is not a positive whole number', () => {
    const session = report.session as object;
    expect(issuePaths(reportSchema, { ...report, session: { ...session, term: '17' } })).toEqual(['session.term']);
    expect(issuePaths(reportSchema, { ...report, session: { ...session, number: 0 } })).toEqual(['session.number']);
  });

  it('requires exactly two parts with known ids', () => {
    const parts = report.parts as { id: string }[];
    expect(issuePaths(reportSchema, { ...report, parts: parts.slice(0, 1) })).toEqual(['parts']);
    expect(issuePaths(reportSchema, { ...report, parts: [parts[0], { ...parts[1], id: 'phan-thu-ba' }] })).toEqual(['parts.1.id']);
  });

  it('requires at least one recipient', () => {
    expect(issuePaths(reportSchema, { ...report, recipients: { label: 'Nơi nhận:', items: [] } })).toEqual(['recipients.items']);
  });
});

describe('correctionSchema', () => {
  const valid = {
    id: 'dau-sac-thua',
    chapter: '10-3-nhiem-vu-giai-phap',
    source: 'và t́ìm kiếm',
    content: 'và tìm kiếm',
    reason: 'Dấu sắc kết hợp thừa do trích xuất văn bản từ PDF.',
  };

  it('accepts a complete correction', () => {
    expect(correctionSchema.parse(valid)).toEqual(valid);
  });

  it('rejects an id that is not lowercase words joined by "-"', () => {
    for (const id of ['Dau-sac', 'dấu-sắc', 'dau sac', 'dau_sac', '-dau', '']) expect(issuePaths(correctionSchema, { ...valid, id }), id).toEqual(['id']);
  });

  it('rejects empty source, content or chapter, and a reason shorter than 10 characters', () => {
    expect(issuePaths(correctionSchema, { ...valid, source: '' })).toEqual(['source']);
    expect(issuePaths(correctionSchema, { ...valid, content: '' })).toEqual(['content']);
    expect(issuePaths(correctionSchema, { ...valid, chapter: '' })).toEqual(['chapter']);
    expect(issuePaths(correctionSchema, { ...valid, reason: 'lỗi PDF' })).toEqual(['reason']);
  });

  it('rejects a missing field and an unknown one', () => {
    const { reason: _, ...noReason } = valid;
    expect(issuePaths(correctionSchema, noReason)).toEqual(['reason']);
    expect(correctionSchema.safeParse({ ...valid, line: 12 }).success).toBe(false);
  });
});
