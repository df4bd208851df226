/**
 * Every figure is traceable: its quote stands word for word at the paragraph or footnote
 * it names (and in the extracted source itself), and its value is what the quote says.
 */
import { describe, expect, it } from 'vitest';
import { checkProvenance, sourceText } from '../../src/figures/check';
import { parseReportNumber } from '../../src/figures/parse';
import { tokenize } from '../../src/core/source';
import type { Figure } from '../../src/schemas/figure';
import { readSource, sourceWords } from '../support/faithful';
import { loadFigures } from './figures-data';

const { figures, index } = loadFigures();
const byId = new Map(figures.map((f) => [f.id, f]));
const source = readSource();
/** The source's body words, markers removed and corrections applied, joined by single spaces. */
const bodyText = sourceWords().tokens.join(' ');

describe('each figure of content/figures/figures.yaml', () => {
  it.each(figures.map((f) => ({ id: f.id, f })))('$id: its quote stands word for word at its source', ({ f }) => {
    const text = sourceText(f, index);
    expect(text, `source of ${f.id}`).not.toBeNull();
    expect(text).toContain(f.quote);
  });

  it.each(figures.map((f) => ({ id: f.id, f })))('$id: its quote is in the extracted source too, in the body or in its footnote', ({ f }) => {
    if ('footnote' in f.source) {
      const n = f.source.footnote;
      expect(source.footnotes.find((x) => x.n === n)?.text).toContain(f.quote);
    } else {
      expect(bodyText).toContain(tokenize(f.quote).join(' '));
    }
  });

  it.each(figures.map((f) => ({ id: f.id, f })))('$id: its words stand once in the quote and give its value, unit and qualifiers', ({ f }) => {
    expect(f.quote.split(f.text).length - 1).toBe(1);
    const { value, unit, comparator, direction, outOf } = f;
    expect(parseReportNumber(f.text)).toEqual(JSON.parse(JSON.stringify({ value, unit, comparator, direction, outOf })));
  });

  it('passes checkProvenance, the check the build runs, with no problem', () => {
    expect(figures.flatMap((f) => checkProvenance(f, index))).toEqual([]);
  });

  it('has a unique id', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });
});

describe('the figures the report states and the issue names', () => {
  const value = (id: string) => {
    const f = byId.get(id);
    if (!f) throw new Error(`no figure ${id}`);
    return { value: f.value, unit: f.unit, ...(f.comparator ? { comparator: f.comparator } : {}), ...(f.direction ? { direction: f.direction } : {}), ...(f.outOf ? { outOf: f.outOf } : {}) };
  };

  it('give GRDP as 184123 tỷ đồng, 11th of 63, growing 8,16% against a plan of "trên 9%"', () => {
    expect(value('grdp-2023')).toEqual({ value: 184123, unit: 'tỷ đồng' });
    expect(value('grdp-xep-hang-2023')).toEqual({ value: 11, outOf: 63, unit: 'tỉnh, thành phố' });
    expect(value('tang-truong-grdp-2023')).toEqual({ value: 8.16, unit: '%' });
    expect(value('ke-hoach-tang-truong-grdp-2023')).toEqual({ value: 9, unit: '%', comparator: 'above', direction: 'increase' });
    expect(value('kh2024-tang-truong-grdp')).toEqual({ value: 9, unit: '%', comparator: 'at-least', direction: 'increase' });
  });

  it('give the economic structure as 8,8% – 61,8% – 29,4%', () => {
    expect(['co-cau-nong-lam-thuy-san-2023', 'co-cau-cong-nghiep-xay-dung-2023', 'co-cau-dich-vu-2023'].map((id) => value(id).value)).toEqual([8.8, 61.8, 29.4]);
  });

  it('give production value and growth for agriculture, industry, construction and services', () => {
    const sectors = ['nong-nghiep', 'cong-nghiep', 'xay-dung', 'dich-vu'];
    expect(sectors.map((s) => value(`gtsx-${s}-2023`).value)).toEqual([22542, 336351, 21945, 50240]);
    expect(sectors.map((s) => value(`gtsx-${s}-tang-2023`).value)).toEqual([4.1, 8.7, 7.5, 7.4]);
  });

  it('give exports and imports in triệu USD, both down on the year before', () => {
    expect(value('xuat-khau-2023')).toEqual({ value: 9801, unit: 'triệu USD' });
    expect(value('nhap-khau-2023')).toEqual({ value: 7837, unit: 'triệu USD' });
    expect(value('xuat-khau-giam-2023')).toEqual({ value: 6.3, unit: '%', direction: 'decrease' });
    expect(value('nhap-khau-giam-2023')).toEqual({ value: 6.8, unit: '%', direction: 'decrease' });
  });

  it('give budget revenue and spending against the estimate as the report words them', () => {
    expect(value('thu-nsnn-2023').value).toBe(21069);
    expect(value('thu-nsnn-so-du-toan-2023')).toEqual({ value: 19, unit: '%', direction: 'increase' });
    expect(['chi-nsdp', 'chi-dau-tu-phat-trien', 'chi-thuong-xuyen'].map((k) => [value(`${k}-2023`).value, value(`${k}-so-du-toan-2023`).value])).toEqual([
      [19485, 119],
      [5619, 97],
      [11377, 111],
    ]);
  });

  it('give FDI as 1 tỷ 136 triệu USD, made of 990, 140 and 06 triệu USD', () => {
    expect(value('fdi-2023')).toEqual({ value: 1136, unit: 'triệu USD' });
    expect(['fdi-cap-moi-von-2023', 'fdi-dieu-chinh-von-2023', 'fdi-gop-von-2023'].map((id) => value(id).value)).toEqual([990, 140, 6]);
  });

  it('give the 2023 tally as 13/15, 06 đạt and 07 vượt, and by group as footnote 1 does', () => {
    expect(value('chi-tieu-2023-dat-va-vuot')).toEqual({ value: 13, outOf: 15, unit: 'chỉ tiêu' });
    expect([value('chi-tieu-2023-dat').value, value('chi-tieu-2023-vuot').value]).toEqual([6, 7]);
    expect(value('chi-tieu-2023-kinh-te-vuot')).toEqual({ value: 4, outOf: 6, unit: 'chỉ tiêu' });
    expect(value('chi-tieu-2023-xa-hoi-vuot')).toEqual({ value: 3, outOf: 7, unit: 'chỉ tiêu' });
    expect(value('chi-tieu-2023-moi-truong-dat')).toEqual({ value: 2, outOf: 2, unit: 'chỉ tiêu' });
    for (const id of ['chi-tieu-2023-kinh-te-vuot', 'chi-tieu-2023-xa-hoi-vuot', 'chi-tieu-2023-moi-truong-dat']) expect(byId.get(id)?.source).toEqual({ footnote: 1 });
  });

  it('give the 2023 figures the targets are set against: investment/GRDP, value per ha, urbanisation, insurance, beds, doctors, poverty', () => {
    expect(value('von-dau-tu-grdp-2023').value).toBe(33.1);
    expect(value('gia-tri-thu-hoach-ha-2023')).toEqual({ value: 198.6, unit: 'triệu đồng/ha' });
    expect(value('do-thi-hoa-2023').value).toBe(40.7);
    expect(value('bhxh-2023').value).toBe(45);
    expect(value('giuong-benh-2023')).toEqual({ value: 32, unit: 'giường bệnh/ 1 vạn dân' });
    expect(value('bac-si-2023')).toEqual({ value: 9.7, unit: 'bác sĩ/ 1 vạn dân' });
    expect(value('ho-ngheo-2023').value).toBe(1.37);
  });
});

describe('checkProvenance', () => {
  const grdp = byId.get('grdp-2023')!;
  const fields = (f: Figure) => checkProvenance(f, index).map((p) => p.field);

  it('finds nothing wrong with a figure as the report states it', () => {
    expect(checkProvenance(grdp, index)).toEqual([]);
  });

  it('names the quote when it does not stand word for word in the paragraph', () => {
    const problems = checkProvenance({ ...grdp, quote: 'Quy mô GRDP ước đạt 184 nghìn 123 tỷ đồng' }, index);
    expect(problems).toEqual([{ id: 'grdp-2023', field: 'quote', message: expect.stringContaining('does not stand word for word in paragraph p1-i-1-d1 of 02-i-1-linh-vuc-kinh-te') }]);
  });

  it('names the quote when it stands in the report, but in another paragraph', () => {
    expect(fields({ ...grdp, source: { chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-1-d1' } })).toEqual(['quote']);
  });

  it('names the value, the unit or a qualifier that the words do not give', () => {
    expect(fields({ ...grdp, value: 184124 })).toEqual(['value']);
    expect(fields({ ...grdp, unit: 'triệu đồng' })).toEqual(['unit']);
    expect(fields({ ...grdp, comparator: 'about' })).toEqual(['comparator']);
    expect(fields({ ...byId.get('xuat-khau-giam-2023')!, direction: 'increase' })).toEqual(['direction']);
  });

  it('names the words when they are not a number as the report writes them', () => {
    expect(fields({ ...grdp, text: 'tổng sản phẩm', quote: grdp.quote.replace('Quy mô tổng sản phẩm', 'Quy mô tổng sản phẩm') })).toContain('text');
  });

  it('names a paragraph id, a chapter or a footnote that does not exist', () => {
    expect(fields({ ...grdp, source: { chapter: '02-i-1-linh-vuc-kinh-te', paragraph: 'p1-i-1-d99' } })).toEqual(['source.paragraph']);
    expect(fields({ ...grdp, source: { chapter: '99-khong-co', paragraph: 'p1-i-1-d1' } })).toEqual(['source.chapter']);
    const footnote = byId.get('ho-ngheo-2023')!;
    expect(fields(footnote)).toEqual([]);
    expect(fields({ ...footnote, source: { footnote: 52 } })).toEqual(['quote']);
  });

  it('names estimated when it does not match the quote\'s "ước", "dự kiến" or "sơ bộ"', () => {
    expect(fields({ ...grdp, estimated: false })).toEqual(['estimated']);
    expect(fields({ ...byId.get('grdp-xep-hang-2023')!, estimated: true })).toEqual(['estimated']);
  });
});
