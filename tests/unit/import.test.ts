/**
 * The import command on the mini report (tests/fixtures/mini-report/): 2 pages, 3 sections,
 * 4 footnotes (footnote 3 continues onto page 2), a range of numbers broken at a line end,
 * a stray blank line inside a paragraph, and a two-column closing. Run as a publisher runs
 * it: `node src/import/cli.ts SOURCE --out DIR`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chapterSchema } from '../../src/schemas/chapter';
import { correctionSchema } from '../../src/schemas/correction';
import { reportSchema } from '../../src/schemas/report';
import { MINI_SOURCE, runImport } from '../support/import';

const run = runImport(MINI_SOURCE);
afterAll(() => run.dispose());
const read = (path: string) => readFileSync(join(run.out, path), 'utf8');
const chapterFiles = () => readdirSync(join(run.out, 'chapters')).sort();
const frontmatter = (file: string) => chapterSchema.parse(parse(/^---\n([\s\S]*?)\n---\n/u.exec(read(`chapters/${file}`))![1]));
const body = (file: string) => read(`chapters/${file}`).replace(/^---\n[\s\S]*?\n---\n\n/u, '');

describe('npm run import on the mini report', () => {
  it('succeeds and copies the source verbatim', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(read('source/source.txt')).toBe(readFileSync(MINI_SOURCE, 'utf8'));
  });

  it('writes one chapter per section, plus the opening and the closing, with the report\'s headings', () => {
    expect(chapterFiles()).toEqual(['01-mo-dau.mdx', '02-i-ket-qua-thuc-hien-cac.mdx', '03-ii-danh-gia-chung.mdx', '04-1-muc-tieu-va-chi-tieu.mdx', '05-phan-ket.mdx']);
    expect(chapterFiles().map((f) => frontmatter(f).heading)).toEqual([
      ['PHẦN THỨ NHẤT', 'Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2031'],
      ['I. KẾT QUẢ THỰC HIỆN CÁC LĨNH VỰC'],
      ['II. ĐÁNH GIÁ CHUNG'],
      ['PHẦN THỨ HAI', 'Kế hoạch phát triển kinh tế - xã hội năm 2032', '1. Mục tiêu và chỉ tiêu'],
      [],
    ]);
    expect(chapterFiles().map((f) => frontmatter(f).number)).toEqual(['', 'I', 'II', '1', '']);
    expect(chapterFiles().map((f) => frontmatter(f).order)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps numbered headings inside a section as sub-headings', () => {
    expect(body('02-i-ket-qua-thuc-hien-cac.mdx')).toMatch(/^## 1\. Kinh tế\n\n/u);
    expect(body('02-i-ket-qua-thuc-hien-cac.mdx')).toContain('\n\n## 2. Xã hội\n\n');
  });

  it('joins line wraps and stray blank lines into paragraphs, and puts each marker after its word', () => {
    expect(body('02-i-ket-qua-thuc-hien-cac.mdx')).toContain(
      'Tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,2%, cao hơn mức bình quân cả nước<Fn n={2} />; thu ngân sách đạt 12 nghìn 40 tỷ đồng, vượt dự toán từ 3,5-4,1%.',
    );
    // The paragraph broken by footnotes and the page break continues on page 2.
    expect(body('02-i-ket-qua-thuc-hien-cac.mdx')).toContain('bảo hiểm y tế<Fn n={3} />. Chất lượng giáo dục, đào tạo tiếp tục được nâng lên.\n');
    expect(body('01-mo-dau.mdx')).toBe(
      'Năm 2031, tỉnh Nam Hà thực hiện kế hoạch trong bối cảnh còn nhiều khó khăn; các ngành, địa phương đã nỗ lực thực hiện các mục tiêu đề ra<Fn n={1} />. Kết quả cụ thể như sau:\n',
    );
  });

  it('writes the footnotes, joining the one that continues onto the next page', () => {
    expect(parse(read('footnotes.yaml'))).toEqual([
      { n: 1, text: 'Có 10/12 chỉ tiêu đạt và vượt kế hoạch đề ra.' },
      { n: 2, text: 'Bình quân cả nước ước tăng 6,5%.' },
      { n: 3, text: 'Trong đó, tỷ lệ học sinh tham gia bảo hiểm y tế đạt 100%; tỷ lệ người cao tuổi có thẻ bảo hiểm y tế đạt 99,2%.' },
      { n: 4, text: 'Có 07/08 chỉ tiêu về xã hội đạt và vượt kế hoạch.' },
    ]);
  });

  it('closes with the last paragraph, and reads the two-column recipients and signature', () => {
    expect(body('05-phan-ket.mdx')).toBe(
      'Trên đây là tình hình thực hiện kế hoạch năm 2031 và kế hoạch năm 2032, UBND tỉnh trân trọng báo cáo HĐND tỉnh./.\n\n<Recipients />\n\n<Signature />\n',
    );
    const report = reportSchema.parse(parse(read('report.yaml')));
    expect(report.recipients).toEqual({ label: 'Nơi nhận:', items: ['Thường trực HĐND tỉnh;', 'Đại biểu dự kỳ họp thứ 7 HĐND tỉnh khoá XVIII;', 'Lưu: VT.'] });
    expect(report.signature).toEqual({ onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Nam' });
    expect(report.session).toEqual({ number: 7, term: 'XVIII', text: 'kỳ họp thứ 7 HĐND tỉnh khoá XVIII' });
    expect(report.parts.map((p) => p.title)).toEqual(['Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2031', 'Kế hoạch phát triển kinh tế - xã hội năm 2032']);
    expect(report.source).toBe('source/source.txt');
  });

  it('lists the repaired extraction artifact in corrections.yaml', () => {
    const corrections = (parse(read('corrections.yaml')) as unknown[]).map((c) => correctionSchema.parse(c));
    expect(corrections.map(({ chapter, source, content }) => ({ chapter, source, content }))).toEqual([
      { chapter: '02-i-ket-qua-thuc-hien-cac', source: 'toán từ 3,5- 4,1%.', content: 'toán từ 3,5-4,1%.' },
    ]);
  });

  it('drafts the abbreviation list: spelled-out ones filled in, the others left for review', () => {
    const text = read('abbreviations.yaml');
    expect(parse(text)).toEqual([{ id: 'grdp', abbr: 'GRDP', expansion: 'tổng sản phẩm trên địa bàn' }]);
    expect(text).toMatch(/^# {3}- \{ id: ubnd, abbr: "UBND", expansion: "" \} {2}# 1 lần, lần đầu trang 2, dòng \d+$/mu);
  });

  it('prints a summary and every guess with its page and line', () => {
    expect(run.stdout).toContain('Trang: 2');
    expect(run.stdout).toContain('Chương: 5');
    expect(run.stdout).toContain('Chú thích: 4 (nối sang trang sau: 3)');
    expect(run.stdout).toContain('Dấu chú thích trong văn bản: 4');
    expect(run.stdout).toContain('Chỗ sửa lỗi trích xuất: 1');
    expect(run.stdout).toMatch(/trang 1, dòng 14: joined "3,5-" and "4,1%\." without a space/u);
    expect(run.stdout).toMatch(/trang 2, dòng 25: chapter title "Đánh giá chung"/u);
  });
});

describe('npm run import on a broken text', { timeout: 120_000 }, () => {
  const broken = (change: (text: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'broken-source-'));
    const file = join(dir, 'source.txt');
    const before = readFileSync(MINI_SOURCE, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    const r = runImport(file);
    rmSync(dir, { recursive: true, force: true });
    return r;
  };
  const failsCleanly = (r: ReturnType<typeof runImport>, message: RegExp) => {
    try {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /u);
      expect(existsSync(r.out)).toBe(false);
      expect(readdirSync(dirname(r.out))).toEqual([]);
    } finally {
      r.dispose();
    }
  };

  it('fails, naming the footnote\'s page and line, when a footnote has no marker', () => {
    failsCleanly(broken((t) => t.replace('đề ra1.', 'đề ra.')), /page 1, line 20: footnote 1 has no marker in the text\n/u);
  });

  it('fails, naming the marker\'s page and line, when a marker has no footnote', () => {
    failsCleanly(broken((t) => t.replace(/\n4- [^\n]*/u, '')), /page 2, line 27: "cực4\." looks like the marker of footnote 4, but there is no footnote 4\n/u);
  });

  it('fails when a footnote is missing from the numbering', () => {
    failsCleanly(broken((t) => t.replace('2- Bình quân cả nước ước tăng 6,5%.\n', '')), /page 1, line \d+: .*footnote 2/u);
  });

  it('fails without a closing "Nơi nhận" block', () => {
    failsCleanly(broken((t) => t.replace('Nơi nhận:', 'Nơi gửi:')), /no "Nơi nhận:" line/u);
  });

  it('refuses to write into a folder that is not empty', () => {
    const r = runImport(MINI_SOURCE);
    try {
      const again = runImport(MINI_SOURCE, '--out', r.out);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/already exists and is not empty/u);
      again.dispose();
    } finally {
      r.dispose();
    }
  });
});
