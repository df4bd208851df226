/**
 * The build's check of the data and of the chapters' data components: a wrong id, a
 * quote that is not the report's, a value that disagrees, fails validateContent() with a
 * message that names the file and the field, the id or the component and its line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/data/validate';
import { validateFigureData } from '../../src/figures/node/validate';
import { ContentReader } from '../../src/data/reader';
import { ROOT } from './figures-data';

const CH02 = 'content/chapters/02-i-1-linh-vuc-kinh-te.mdx';
const CH09 = 'content/chapters/09-2-muc-tieu-chi-tieu.mdx';
const FIGURES = 'content/figures/figures.yaml';
const CHARTS = 'content/figures/charts.yaml';
const INDICATORS = 'content/indicators.yaml';

/** Copies content/ to a temporary folder, edits one file there, and returns validateContent()'s messages. */
function messagesAfter(file: string, change: (text: string) => string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'figures-content-'));
  try {
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    const before = readFileSync(join(root, file), 'utf8');
    const after = change(before);
    expect(after, `edit of ${file}`).not.toBe(before);
    writeFileSync(join(root, file), after);
    return validateContent(root).map((e) => e.message);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('validateFigureData', () => {
  it('finds no problem in the data and the chapters as they are', () => {
    expect(validateFigureData(new ContentReader(ROOT)).map((e) => e.message)).toEqual([]);
  });
});

describe('validateContent, for the data components of a chapter', () => {
  it('names the chapter, the component, its line and the id when <DataChart> names a chart that does not exist', () => {
    const messages = messagesAfter(CH02, (t) => t.replace('<DataChart id="co-cau-kinh-te-2023" />', '<DataChart id="co-cau-kinh-te-2022" />'));
    expect(messages).toContain(
      `${CH02}: <DataChart id="co-cau-kinh-te-2022" /> (line 4 of the body): there is no chart "co-cau-kinh-te-2022" in content/figures/charts.yaml`,
    );
    expect(messages).toContain(`${CHARTS}: co-cau-kinh-te-2023: is placed in no chapter: add <DataChart id="co-cau-kinh-te-2023" /> after the paragraph that states its numbers`);
  });

  it('names the second place when a chart is placed twice', () => {
    const messages = messagesAfter(CH09, (t) => `${t}\n<DataChart id="co-cau-kinh-te-2023" />\n`);
    expect(messages).toEqual([expect.stringMatching(/^content\/chapters\/09-2-muc-tieu-chi-tieu\.mdx: <DataChart id="co-cau-kinh-te-2023" \/> \(line \d+ of the body\): chart "co-cau-kinh-te-2023" is already placed in content\/chapters\/02-i-1-linh-vuc-kinh-te\.mdx$/u)]);
  });

  it('names a missing id, an unknown prop, and an unknown indicator group', () => {
    expect(messagesAfter(CH02, (t) => t.replace('<DataChart id="co-cau-kinh-te-2023" />', '<DataChart />'))).toContain(`${CH02}: <DataChart /> (line 4 of the body): missing prop "id"`);
    expect(messagesAfter(CH09, (t) => t.replace('<IndicatorTable />', '<IndicatorTable nhom="kinh-te" />'))).toEqual([
      expect.stringMatching(/^content\/chapters\/09-2-muc-tieu-chi-tieu\.mdx: <IndicatorTable nhom="kinh-te" \/> \(line \d+ of the body\): unknown prop "nhom": IndicatorTable takes group$/u),
    ]);
    expect(messagesAfter(CH09, (t) => t.replace('<IndicatorTable />', '<IndicatorTable group="van-hoa" />'))).toEqual([
      expect.stringMatching(/<IndicatorTable group="van-hoa" \/> \(line \d+ of the body\): there is no indicator group "van-hoa": use kinh-te, xa-hoi, moi-truong$/u),
    ]);
  });

  it('rejects an inline <Figure> in a chapter: chapters keep the report\'s words', () => {
    const messages = messagesAfter(CH02, (t) => t.replace('ước đạt 184 nghìn 123 tỷ đồng', 'ước đạt <Figure id="grdp-2023" />'));
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${CH02}:\\d+:\\d+: unknown component <Figure>: chapters may use `, 'u')));
  });
});

describe('validateContent, for the data files', () => {
  it('names the file, the figure and the field when a quote is not the report\'s words', () => {
    const messages = messagesAfter(FIGURES, (t) => t.replace('quote: Tỷ lệ đô thị hóa đạt 40,7%', 'quote: Tỷ lệ đô thị hoá đạt 40,7%'));
    expect(messages).toEqual([`${FIGURES}: do-thi-hoa-2023.quote: "Tỷ lệ đô thị hoá đạt 40,7%" does not stand word for word in paragraph p1-i-1-6-2 of 02-i-1-linh-vuc-kinh-te`]);
  });

  it('names the field when a value disagrees with the words that state it', () => {
    const messages = messagesAfter(FIGURES, (t) => t.replace('  value: 336351\n', '  value: 336350\n'));
    expect(messages).toEqual([`${FIGURES}: gtsx-cong-nghiep-2023.value: "336 nghìn 351 tỷ đồng" gives value 336351, not 336350`]);
  });

  it('names the field when a figure breaks its schema', () => {
    const messages = messagesAfter(FIGURES, (t) => t.replace('  topic: du-lich\n', '  topic: van-hoa\n'));
    expect(messages).toEqual([expect.stringMatching(/^content\/figures\/figures\.yaml: khach-du-lich-2023\.topic: /u)]);
  });

  it('names the chart, the cell and the id when a chart names a figure that does not exist', () => {
    const messages = messagesAfter(CHARTS, (t) => t.replace('values: [xuat-khau-2023, nhap-khau-2023]', 'values: [xuat-khau-2023, nhap-khau-2022]'));
    expect(messages).toEqual([`${CHARTS}: xuat-nhap-khau-2023.series[1].values[2]: there is no figure "nhap-khau-2022" in content/figures/figures.yaml`]);
  });

  it('names the indicator and the part when it names a figure that does not exist', () => {
    const messages = messagesAfter(INDICATORS, (t) => t.replace('result: bhxh-2023', 'result: bhxh-2022'));
    expect(messages).toEqual([`${INDICATORS}: bao-hiem-xa-hoi.parts[1].result: there is no figure "bhxh-2022" in content/figures/figures.yaml`]);
  });

  it('names an indicator numbered out of the report\'s order', () => {
    const messages = messagesAfter(INDICATORS, (t) => t.replace('  group: kinh-te\n  number: 7\n', '  group: kinh-te\n  number: 8\n'));
    expect(messages).toEqual([`${INDICATORS}: do-thi-hoa.number: expected (7) in group kinh-te: indicators follow the report's order`]);
  });
});
