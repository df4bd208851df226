/**
 * The cross-checks' functions (src/crosschecks/crosscheck.ts) on small figures: units and
 * scales, sums that hold, fall short or run over, comparisons, ratios, the tolerance for
 * rounding, errors that name the relation, the order, and the neutral words.
 */
import { describe, expect, it } from 'vitest';
import { CrosscheckError, evaluate, evaluateAll, evaluationView, figuresOf, inReadingOrder, resolveTerm, round, splitUnit } from '../../src/crosschecks/crosscheck';
import { crosscheckSchema, type Crosscheck, type CrosscheckInput } from '../../src/schemas/crosscheck';
import type { Figure } from '../../src/schemas/figure';

const figure = (id: string, value: number, unit: string, extra: Partial<Figure> = {}): Figure => ({
  id,
  topic: 'tong-quan',
  label: `Số ${id}`,
  value,
  unit,
  text: `${value} ${unit}`,
  quote: `${value} ${unit}`,
  source: { footnote: 1 },
  estimated: false,
  ...extra,
});
const FIGURES = [
  figure('tong', 1136, 'triệu USD'),
  figure('moi', 990, 'triệu USD'),
  figure('them', 140, 'triệu USD'),
  figure('gop', 6, 'triệu USD'),
  figure('luy-ke', 10.141, 'tỷ USD'),
  figure('trong', 5.956, 'tỷ USD'),
  figure('ngoai', 4.185, 'tỷ USD'),
  figure('khach', 1.8, 'triệu lượt khách', { comparator: 'above' }),
  figure('quoc-te', 73782, 'lượt khách quốc tế'),
  figure('noi-dia', 1.7, 'triệu lượt khách nội địa'),
  figure('ty-le', 13, 'chỉ tiêu', { outOf: 15 }),
  figure('ket-qua', 198.6, 'triệu đồng/ha'),
  figure('ke-hoach', 194, 'triệu đồng/ha'),
  figure('von', 60955, 'tỷ đồng'),
  figure('grdp', 184123, 'tỷ đồng'),
  figure('von-grdp', 33.1, '%'),
  figure('co-cau-a', 8.8, '%'),
  figure('co-cau-b', 61.8, '%'),
  figure('co-cau-c', 29.4, '%'),
];
const BY_ID = new Map(FIGURES.map((f) => [f.id, f]));
const check = (input: CrosscheckInput): Crosscheck => crosscheckSchema.parse(input);
const sum = (over: Partial<Extract<CrosscheckInput, { kind: 'sum' }>> = {}) =>
  check({ id: 'fdi', kind: 'sum', title: 'Vốn FDI năm 2023', unit: 'triệu USD', total: 'tong', parts: ['moi', 'them', 'gop'], breakdown: 'some', ...over });

describe('splitUnit and round', () => {
  it('split a unit into its scale word and the rest', () => {
    expect(splitUnit('triệu USD')).toEqual({ exp: 6, base: 'USD' });
    expect(splitUnit('tỷ đồng')).toEqual({ exp: 9, base: 'đồng' });
    expect(splitUnit('nghìn con')).toEqual({ exp: 3, base: 'con' });
    expect(splitUnit('%')).toEqual({ exp: 0, base: '%' });
    expect(splitUnit('triệu đồng/ha')).toEqual({ exp: 6, base: 'đồng/ha' });
  });

  it('round without binary noise', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(round(0.1 + 0.2, 1)).toBe(0.3);
    expect(round(8.8 + 61.8 + 29.4, 1)).toBe(100);
    expect(round(5.956 + 4.185, 3)).toBe(10.141);
  });
});

describe('resolveTerm', () => {
  it('converts a figure in a scaled unit into the relation\'s unit', () => {
    expect(resolveTerm('khach', BY_ID, 'lượt khách', ['lượt khách'], 'x').value).toBe(1800000);
    expect(resolveTerm('luy-ke', BY_ID, 'triệu USD', ['USD'], 'x').value).toBe(10141);
  });

  it('gives the whole of a ratio, and a constant as it is', () => {
    expect(resolveTerm({ figure: 'ty-le', field: 'outOf' }, BY_ID, 'chỉ tiêu', ['chỉ tiêu'], 'x')).toMatchObject({ value: 15, field: 'outOf' });
    expect(resolveTerm({ constant: 100, label: 'toàn bộ nền kinh tế' }, BY_ID, '%', ['%'], 'x')).toMatchObject({ value: 100, label: 'toàn bộ nền kinh tế' });
  });

  it('fails, naming the relation\'s field, on an unknown figure, a figure without a ratio, or a unit that is not allowed', () => {
    expect(() => resolveTerm('khong-co', BY_ID, '%', ['%'], 'fdi.parts[1]')).toThrow('fdi.parts[1]: there is no figure "khong-co"');
    expect(() => resolveTerm({ figure: 'tong', field: 'outOf' }, BY_ID, 'triệu USD', ['USD'], 'fdi.total')).toThrow('fdi.total: figure "tong" has no outOf');
    expect(() => resolveTerm('von', BY_ID, 'triệu USD', ['USD'], 'fdi.total')).toThrow(CrosscheckError);
    expect(() => resolveTerm('von', BY_ID, 'triệu USD', ['USD'], 'fdi.total')).toThrow('is in "tỷ đồng", which is not "triệu USD"');
  });
});

describe('evaluate', () => {
  it('finds that 990 + 140 + 6 = 1.136 triệu USD holds', () => {
    const ev = evaluate(sum(), BY_ID);
    expect(ev).toMatchObject({ holds: true, sum: { value: 1136, difference: 0 } });
    expect(ev.gap).toBeUndefined();
  });

  it('finds that parts falling short of their total do not hold, and by how much', () => {
    const ev = evaluate(sum({ parts: ['moi', 'them'] }), BY_ID);
    expect(ev).toMatchObject({ holds: false, gap: 'less', sum: { value: 1130, difference: -6 } });
  });

  it('finds that parts running over their total do not hold either', () => {
    const ev = evaluate(sum({ total: 'moi' }), BY_ID);
    expect(ev).toMatchObject({ holds: false, gap: 'more', sum: { difference: 146 } });
  });

  it('sums in one unit across scales, within the tolerance for rounding', () => {
    const tourists = check({ id: 'khach', kind: 'sum', title: 'Khách du lịch', unit: 'lượt khách', units: ['lượt khách', 'lượt khách quốc tế', 'lượt khách nội địa'], total: 'khach', parts: ['quoc-te', 'noi-dia'], breakdown: 'some', tolerance: 50000 });
    expect(evaluate(tourists, BY_ID)).toMatchObject({ holds: true, sum: { value: 1773782, difference: -26218 } });
    expect(evaluate({ ...tourists, tolerance: 20000 }, BY_ID).holds).toBe(false);
  });

  it('checks a structure against a constant: 8,8 + 61,8 + 29,4 = 100%', () => {
    const structure = check({ id: 'co-cau', kind: 'sum', title: 'Cơ cấu kinh tế', unit: '%', total: { constant: 100, label: 'toàn bộ nền kinh tế' }, parts: ['co-cau-a', 'co-cau-b', 'co-cau-c'], breakdown: 'whole' });
    expect(evaluate(structure, BY_ID)).toMatchObject({ holds: true, sum: { value: 100, difference: 0 } });
  });

  it('compares: greater than, at least, equal', () => {
    const compare = (op: 'gt' | 'ge' | 'eq', left: string, right: string) => evaluate(check({ id: 'c', kind: 'compare', title: 'So sánh', unit: 'triệu đồng/ha', left, op, right }), BY_ID).holds;
    expect(compare('gt', 'ket-qua', 'ke-hoach')).toBe(true);
    expect(compare('gt', 'ke-hoach', 'ket-qua')).toBe(false);
    expect(compare('ge', 'ket-qua', 'ket-qua')).toBe(true);
    expect(compare('gt', 'ket-qua', 'ket-qua')).toBe(false);
    expect(compare('eq', 'ket-qua', 'ket-qua')).toBe(true);
    expect(compare('eq', 'ket-qua', 'ke-hoach')).toBe(false);
  });

  it('checks a stated percentage against its ratio: 60.955 ÷ 184.123 is 33,106%, "33,1%" within 0,05', () => {
    const ratio = check({ id: 'r', kind: 'ratio', title: 'Vốn đầu tư so với GRDP', unit: '%', ratioOf: 'tỷ đồng', numerator: 'von', denominator: 'grdp', stated: 'von-grdp', tolerance: 0.05 });
    expect(evaluate(ratio, BY_ID)).toMatchObject({ holds: true, ratio: { value: 33.106, difference: 0.006 } });
    expect(evaluate({ ...ratio, tolerance: 0 }, BY_ID).holds).toBe(false);
  });
});

describe('evaluateAll, figuresOf and inReadingOrder', () => {
  const a = sum();
  const b = check({ id: 'c', kind: 'compare', title: 'So sánh', unit: 'triệu đồng/ha', left: 'ket-qua', op: 'gt', right: 'ke-hoach' });

  it('evaluates every relation, and refuses an id used twice', () => {
    expect(evaluateAll([a, b], FIGURES).map((e) => e.holds)).toEqual([true, true]);
    expect(() => evaluateAll([a, a], FIGURES)).toThrow('fdi: the id is used twice');
  });

  it('lists the figures a relation uses, without repeats', () => {
    expect(figuresOf(evaluate(sum(), BY_ID)).map((f) => f.id)).toEqual(['moi', 'them', 'gop', 'tong']);
    const same = check({ id: 's', kind: 'compare', title: 'Cùng một số', unit: 'triệu USD', left: 'tong', op: 'eq', right: 'tong' });
    expect(figuresOf(evaluate(same, BY_ID)).map((f) => f.id)).toEqual(['tong']);
  });

  it('orders relations by the earliest place of their figures', () => {
    const place: Record<string, number> = { moi: 5, them: 6, gop: 7, tong: 4, 'ket-qua': 1, 'ke-hoach': 2 };
    const ordered = inReadingOrder(evaluateAll([a, b], FIGURES), (f) => place[f.id]);
    expect(ordered.map((e) => e.check.id)).toEqual(['c', 'fdi']);
  });
});

describe('evaluationView', () => {
  it('states an exact sum plainly', () => {
    const view = evaluationView(evaluate(sum(), BY_ID));
    expect(view).toMatchObject({ status: 'holds', statusLabel: 'Khớp', formula: '990 + 140 + 6 = 1.136\u00a0triệu USD', kindLabel: 'Phép cộng · báo cáo viết “trong đó”' });
    expect(view.sentences).toEqual(['Các phần cộng lại đúng bằng tổng, 1.136\u00a0triệu USD.']);
    expect(view.inputs.map((i) => i.role)).toEqual(['Tổng', 'Phần', 'Phần', 'Phần']);
  });

  it('records a "trong đó" breakdown that falls short neutrally, saying the parts need not be all', () => {
    const view = evaluationView(evaluate(sum({ parts: ['moi', 'them'] }), BY_ID));
    expect(view.status).toBe('differs');
    expect(view.statusLabel).toBe('Chênh lệch');
    expect(view.sentences).toEqual([
      'Các phần cộng lại 1.130\u00a0triệu USD, ít hơn tổng 1.136\u00a0triệu USD là 6\u00a0triệu USD.',
      'Báo cáo viết “trong đó”: các phần được nêu không nhất thiết là tất cả.',
    ]);
    for (const s of view.sentences) expect(s).not.toMatch(/sai|lỗi|nhầm/iu);
  });

  it('does not add that note when the parts make up the whole, nor when they run over the total', () => {
    expect(evaluationView(evaluate(sum({ parts: ['moi', 'them'], breakdown: 'whole' }), BY_ID)).sentences).toHaveLength(1);
    const over = evaluationView(evaluate(sum({ total: 'moi' }), BY_ID));
    expect(over.sentences).toEqual(['Các phần cộng lại 1.136\u00a0triệu USD, nhiều hơn tổng 990\u00a0triệu USD là 146\u00a0triệu USD.']);
  });

  it('gives the rounding allowance of a sum that holds within it', () => {
    const tourists = check({ id: 'khach', kind: 'sum', title: 'Khách du lịch', unit: 'lượt khách', units: ['lượt khách', 'lượt khách quốc tế', 'lượt khách nội địa'], total: 'khach', parts: ['quoc-te', 'noi-dia'], breakdown: 'some', tolerance: 50000 });
    expect(evaluationView(evaluate(tourists, BY_ID)).sentences[0]).toBe(
      'Các phần cộng lại 1.773.782\u00a0lượt khách, chênh 26.218\u00a0lượt khách so với tổng 1.800.000\u00a0lượt khách, trong phạm vi làm tròn (±50.000\u00a0lượt khách).',
    );
  });

  it('writes a comparison with the sign that holds', () => {
    const compare = (left: string, right: string) => evaluationView(evaluate(check({ id: 'c', kind: 'compare', title: 'So sánh', unit: 'triệu đồng/ha', left, op: 'gt', right }), BY_ID));
    expect(compare('ket-qua', 'ke-hoach')).toMatchObject({ formula: '198,6\u00a0triệu đồng/ha > 194\u00a0triệu đồng/ha', sentences: ['198,6\u00a0triệu đồng/ha lớn hơn 194\u00a0triệu đồng/ha.'] });
    expect(compare('ke-hoach', 'ket-qua')).toMatchObject({ status: 'differs', formula: '194\u00a0triệu đồng/ha ≤ 198,6\u00a0triệu đồng/ha' });
  });

  it('writes a ratio as its division and the percentage the report states', () => {
    const ratio = check({ id: 'r', kind: 'ratio', title: 'Vốn đầu tư so với GRDP', unit: '%', ratioOf: 'tỷ đồng', numerator: 'von', denominator: 'grdp', stated: 'von-grdp', tolerance: 0.05 });
    const view = evaluationView(evaluate(ratio, BY_ID));
    expect(view.formula).toBe('60.955 ÷ 184.123 × 100 = 33,106%');
    expect(view.sentences).toEqual(['60.955\u00a0tỷ đồng chia cho 184.123\u00a0tỷ đồng được 33,106%; báo cáo ghi 33,1%, trong phạm vi làm tròn (±0,05%).']);
    expect(view.inputs.map((i) => i.role)).toEqual(['Số bị chia', 'Số chia', 'Tỷ lệ báo cáo ghi']);
  });
});

describe('crosscheckSchema', () => {
  const paths = (data: unknown) => [...new Set(crosscheckSchema.safeParse(data).error?.issues.map((i) => i.path.join('.')) ?? [])];
  const SUM = { id: 'fdi', kind: 'sum', title: 'Vốn FDI năm 2023', unit: 'triệu USD', total: 'tong', parts: ['moi'], breakdown: 'some' };

  it('accepts a sum, a comparison and a ratio, and defaults the tolerance to 0', () => {
    expect(crosscheckSchema.parse(SUM)).toMatchObject({ tolerance: 0 });
    expect(paths({ id: 'c', kind: 'compare', title: 'So sánh', unit: '%', left: 'a', op: 'ge', right: { figure: 'b', field: 'outOf' } })).toEqual([]);
    expect(paths({ id: 'r', kind: 'ratio', title: 'Tỷ lệ', unit: '%', ratioOf: 'tỷ đồng', numerator: 'a', denominator: 'b', stated: 'c', tolerance: 0.05 })).toEqual([]);
  });

  it('rejects a sum without parts, an unknown breakdown, a negative tolerance, or an unknown field', () => {
    expect(crosscheckSchema.safeParse({ ...SUM, parts: [] }).success).toBe(false);
    expect(crosscheckSchema.safeParse({ ...SUM, breakdown: 'most' }).success).toBe(false);
    expect(crosscheckSchema.safeParse({ ...SUM, tolerance: -1 }).success).toBe(false);
    expect(crosscheckSchema.safeParse({ ...SUM, extra: 1 }).success).toBe(false);
  });

  it('rejects an id that is not lowercase words, an unknown comparison, and a ratio not in "%"', () => {
    expect(crosscheckSchema.safeParse({ ...SUM, id: 'FDI 2023' }).success).toBe(false);
    expect(crosscheckSchema.safeParse({ id: 'c', kind: 'compare', title: 'So sánh', unit: '%', left: 'a', op: 'lt', right: 'b' }).success).toBe(false);
    expect(crosscheckSchema.safeParse({ id: 'r', kind: 'ratio', title: 'Tỷ lệ', unit: 'tỷ đồng', ratioOf: 'tỷ đồng', numerator: 'a', denominator: 'b', stated: 'c' }).success).toBe(false);
  });
});
