/**
 * content/crosschecks.yaml evaluated from content/figures/figures.yaml, as the build does:
 * each relation's result is stated here, those that hold and those that do not, so that a
 * changed figure or relation shows up as a changed line.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAll, evaluationView, type Evaluation } from '../../src/crosschecks/crosscheck';
import { content } from '../support/content';
import { loadFigures } from './figures-data';

const checks = content().crosschecks;
const { figures } = loadFigures();
const evaluations = evaluateAll(checks, figures);
const byId = new Map(evaluations.map((e) => [e.check.id, e]));
const get = (id: string): Evaluation => {
  const e = byId.get(id);
  if (!e) throw new Error(`no relation ${id}`);
  return e;
};

/** The calculation of each relation, and whether it holds: the whole result of the file. */
const EXPECTED: Record<string, { formula: string; holds: boolean }> = {
  'chi-tieu-2023-dat-va-vuot': { formula: '6 + 7 = 13 chỉ tiêu', holds: true },
  'chi-tieu-2023-dat-theo-nhom': { formula: '1 + 3 + 2 = 6 chỉ tiêu', holds: true },
  'chi-tieu-2023-vuot-theo-nhom': { formula: '4 + 3 = 7 chỉ tiêu', holds: true },
  'chi-tieu-2023-so-chi-tieu-theo-nhom': { formula: '6 + 7 + 2 = 15 chỉ tiêu', holds: true },
  'chi-tieu-2023-nhac-lai': { formula: '13 chỉ tiêu = 13 chỉ tiêu', holds: true },
  'chi-tieu-2024-theo-nhom': { formula: '7 + 6 + 2 = 15 chỉ tiêu', holds: true },
  'co-cau-kinh-te-2023': { formula: '8,8 + 61,8 + 29,4 = 100%', holds: true },
  'dien-tich-cay-hang-nam-2023': { formula: '108.325 + 31.178 + 7.176 = 146.679 ha', holds: false },
  'san-luong-thuy-san-2023': { formula: '103.356 + 1.902 = 105.258 tấn', holds: true },
  'khach-du-lich-2023': { formula: '73.782 + 1.700.000 = 1.773.782 lượt khách', holds: true },
  'thu-nsnn-2023': { formula: '18.200 + 2.789 = 20.989 tỷ đồng', holds: false },
  'chi-nsdp-2023': { formula: '5.619 + 11.377 = 16.996 tỷ đồng', holds: false },
  'von-dau-tu-so-grdp-2023': { formula: '60.955 ÷ 184.123 × 100 = 33,106%', holds: true },
  'von-dau-tu-so-grdp-vuot-ke-hoach-2023': { formula: '33,1% > 33%', holds: true },
  'gia-tri-thu-hoach-ha-vuot-muc-tieu-2023': { formula: '198,6 triệu đồng/ha > 194 triệu đồng/ha', holds: true },
  'ke-hoach-dau-tu-cong-2023': { formula: '7.455 + 56,4 = 7.511,4 tỷ đồng', holds: true },
  'fdi-von-2023': { formula: '990 + 140 + 6 = 1.136 triệu USD', holds: true },
  'fdi-von-2023-nhac-lai': { formula: '1.136 triệu USD = 1.136 triệu USD', holds: true },
  'fdi-luy-ke-du-an': { formula: '284 + 250 = 534 dự án', holds: true },
  'fdi-luy-ke-von': { formula: '5,956 + 4,185 = 10,141 tỷ USD', holds: true },
  'co-so-giao-duc-2023': { formula: '289 + 245 + 251 + 55 = 840 cơ sở', holds: true },
  'thcs-va-lien-cap-2023': { formula: '240 + 11 = 251 đơn vị', holds: true },
  'giuong-benh-2023': { formula: '32 giường = 32 giường', holds: true },
  'cho-2023': { formula: '3 + 20 + 163 = 186 chợ', holds: true },
  'bai-chon-lap-2023': { formula: '756 bãi chôn lấp = 756 bãi chôn lấp', holds: true },
  'cum-cong-nghiep-2023': { formula: '32 + 25 = 57 cụm công nghiệp', holds: false },
  'kh-cn-ho-so-2023': { formula: '422 + 9 + 1 = 432 hồ sơ', holds: true },
  'gcn-qsdd-2023': { formula: '163 + 18.029 = 18.192 hồ sơ', holds: true },
  'giao-dich-bao-dam-2023': { formula: '518 + 43.814 = 44.332 hồ sơ', holds: true },
  'dang-ky-bien-dong-2023': { formula: '196 + 51.928 = 52.124 hồ sơ', holds: true },
  'sang-loc-truoc-sinh-2023': { formula: '75% > 45%', holds: true },
  'bptt-nguoi-moi-2023': { formula: '97.500 người lớn hơn hoặc bằng 92.500 người', holds: true },
  'sang-loc-so-sinh-2023': { formula: '55% lớn hơn hoặc bằng 55%', holds: true },
  'van-dong-vien-dang-cap-2023': { formula: '73 + 81 = 154 vận động viên', holds: true },
  'tctn-2023': { formula: '13.144 người lớn hơn hoặc bằng 12.330 người', holds: true },
  'tuyen-dung-theo-khu-vuc-2023': { formula: '8.323 + 9.324 = 17.647 lao động', holds: true },
  'tuyen-dung-theo-loai-2023': { formula: '12.150 + 5.497 = 17.647 lao động', holds: true },
  'giay-phep-lao-dong-2023': { formula: '1.170 + 197 + 882 = 2.249 hồ sơ', holds: false },
  'dao-tao-nghe-2023': { formula: '2.900 + 4.000 = 6.900 người', holds: false },
  'dich-vu-cong-2023': { formula: '577 + 1.126 + 196 = 1.899 dịch vụ công', holds: true },
  'dich-vu-cong-phat-sinh-ho-so-2023': { formula: '90% = 90%', holds: true },
  'khieu-nai-to-cao-2023': { formula: '69 + 104 = 173 đơn', holds: true },
  'tro-giup-phap-ly-2023': { formula: '430 + 246 + 9 + 51 = 736 vụ việc', holds: true },
};

describe('content/crosschecks.yaml', () => {
  it('holds at least 20 relations, each evaluated from the figures without error', () => {
    expect(evaluations.length).toBeGreaterThanOrEqual(20);
  });

  it('has exactly the relations whose results this test states', () => {
    expect(evaluations.map((e) => e.check.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED).map(([id, expected]) => ({ id, ...expected })))('$id: $formula, which holds: $holds', ({ id, formula, holds }) => {
    const e = get(id);
    expect(evaluationView(e).formula.replace(/\u00a0/gu, ' ')).toBe(formula);
    expect(e.holds).toBe(holds);
  });
});

describe('the relations the issue names', () => {
  it('find the economic structure summing to 100% and FDI 990 + 140 + 6 = 1.136 triệu USD', () => {
    expect(get('co-cau-kinh-te-2023').sum).toMatchObject({ value: 100, difference: 0 });
    expect(get('fdi-von-2023').sum).toMatchObject({ value: 1136, difference: 0 });
  });

  it('find 13 = 6 + 7 chỉ tiêu, and footnote 1\'s split by group giving the same 6, 7 and 15', () => {
    expect(['chi-tieu-2023-dat-va-vuot', 'chi-tieu-2023-dat-theo-nhom', 'chi-tieu-2023-vuot-theo-nhom', 'chi-tieu-2023-so-chi-tieu-theo-nhom'].map((id) => get(id).sum?.value)).toEqual([13, 6, 7, 15]);
  });

  it('find 534 = 284 + 250 FDI projects and 10,141 = 5,956 + 4,185 tỷ USD (footnote 15)', () => {
    expect(get('fdi-luy-ke-du-an').holds && get('fdi-luy-ke-von').holds).toBe(true);
    expect(get('fdi-luy-ke-von').sum?.value).toBe(10.141);
  });

  it('find the 840 schools of footnote 21, the 186 markets of footnote 22, footnotes 30 and 31, and 18.192 = 163 + 18.029', () => {
    for (const id of ['co-so-giao-duc-2023', 'cho-2023', 'giao-dich-bao-dam-2023', 'dang-ky-bien-dong-2023', 'gcn-qsdd-2023']) expect(get(id).holds, id).toBe(true);
  });

  it('find footnotes 49, 55 and 59, and 173 = 69 + 104 complaints and denunciations', () => {
    for (const id of ['tuyen-dung-theo-khu-vuc-2023', 'tuyen-dung-theo-loai-2023', 'dich-vu-cong-2023', 'tro-giup-phap-ly-2023', 'khieu-nai-to-cao-2023']) expect(get(id).holds, id).toBe(true);
  });
});

describe('the relations that do not hold', () => {
  it('are six "trong đó" or implied breakdowns whose stated parts come to less than their total', () => {
    const differing = evaluations.filter((e) => !e.holds);
    expect(differing.map((e) => [e.check.id, e.gap, e.sum?.difference])).toEqual(
      expect.arrayContaining([
        ['thu-nsnn-2023', 'less', -80],
        ['chi-nsdp-2023', 'less', -2489],
        ['dien-tich-cay-hang-nam-2023', 'less', -3385],
        ['cum-cong-nghiep-2023', 'less', -1],
        ['giay-phep-lao-dong-2023', 'less', -682],
        ['dao-tao-nghe-2023', 'less', -31500],
      ]),
    );
    expect(differing).toHaveLength(6);
  });

  it('are described without judging: the difference, and for "trong đó" that the parts need not be all', () => {
    const revenue = evaluationView(get('thu-nsnn-2023'));
    expect(revenue.sentences.map((s) => s.replace(/\u00a0/gu, ' '))).toEqual([
      'Các phần cộng lại 20.989 tỷ đồng, ít hơn tổng 21.069 tỷ đồng là 80 tỷ đồng.',
      'Báo cáo viết “trong đó”: các phần được nêu không nhất thiết là tất cả.',
    ]);
    const crops = evaluationView(get('dien-tich-cay-hang-nam-2023'));
    expect(crops.sentences[1]).toBe('Báo cáo không viết phép cộng này; nó được suy ra từ lời báo cáo.');
  });
});
