/**
 * Renders a draft (src/core/draft.ts) as the files of a content folder, in the formats
 * content/ uses: MDX chapters with YAML frontmatter, and YAML lists.
 */
import { stringify } from 'yaml';
import type { Draft, DraftChapter } from '../core/draft.ts';

const q = (s: string) => JSON.stringify(s);

/** A chapter file: frontmatter, a blank line, the body. */
export function chapterFile(c: DraftChapter): string {
  const fm = [
    '---',
    `order: ${c.order}`,
    `slug: ${c.slug}`,
    `part: ${c.part}`,
    ...(c.section ? [`section: ${c.section}`] : []),
    ...(c.number ? [`number: ${q(c.number)}`] : []),
    `title: ${q(c.title)}`,
    ...(c.heading.length ? ['heading:', ...c.heading.map((h) => `  - ${q(h)}`)] : ['heading: []']),
    '---',
  ];
  return `${fm.join('\n')}\n\n${c.body}`;
}

const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/** Every file of the drafted content folder except source/, by path relative to the folder. */
export function contentFiles(draft: Draft, sourceName: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const c of draft.chapters) files.set(`chapters/${c.file}.mdx`, chapterFile(c));
  const first = draft.footnotes[0]?.n ?? 1;
  const last = draft.footnotes[draft.footnotes.length - 1]?.n ?? 0;
  files.set(
    'footnotes.yaml',
    [
      `# Chú thích của báo cáo: ${draft.footnotes.length} mục, đánh số ${first}–${last} liên tục cho toàn báo cáo như bản gốc.`,
      '# Mỗi mục: n = số gốc, text = nguyên văn (dòng bị ngắt trong PDF được nối bằng một dấu cách).',
      '# Vị trí của mỗi chú thích do thẻ <Fn n={…} /> trong content/chapters/*.mdx quyết định.',
      yaml(draft.footnotes.map((f) => ({ n: f.n, text: f.text }))),
    ].join('\n'),
  );
  files.set(
    'report.yaml',
    [
      '# Thông tin về văn bản: chỉ những gì nguồn (source/) ghi. Bản nháp do lệnh nhập tạo; cần rà soát.',
      `# Nguồn: source/${sourceName}`,
      yaml({ source: `source/${sourceName}`, ...draft.report }),
    ].join('\n'),
  );
  files.set(
    'corrections.yaml',
    [
      '# Mọi chỗ nội dung trang web khác văn bản nguồn (source/), kèm lý do.',
      '# Chỉ sửa lỗi do trích xuất văn bản từ PDF; lời văn của báo cáo, kể cả lỗi chính tả, giữ nguyên.',
      draft.corrections.length
        ? yaml(draft.corrections.map(({ id, chapter, source, content, reason }) => ({ id, chapter, source, content, reason })))
        : '[]\n',
    ].join('\n'),
  );
  const spelled = draft.abbreviations.filter((a) => a.spelledOut);
  const open = draft.abbreviations.filter((a) => !a.spelledOut);
  const abbrId = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/&/gu, '-').replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '');
  files.set(
    'abbreviations.yaml',
    [
      '# Các chữ viết tắt báo cáo dùng, mỗi chữ kèm nghĩa đầy đủ bằng tiếng Việt.',
      '# CẦN RÀ SOÁT: bản nháp do lệnh nhập tạo.',
      '# - Các mục dưới đây lấy nghĩa từ chính lời báo cáo ("… (KCN)"); kiểm tra lại.',
      '# - Các chữ in hoa khác tìm thấy (bỏ dấu # để thêm, điền nghĩa; hoặc thêm vào',
      '#   danh sách loại trừ "notAbbreviations" trong report.yaml kèm lý do):',
      ...open.map((a) => `#   - { id: ${abbrId(a.abbr)}, abbr: ${q(a.abbr)}, expansion: "" }  # ${a.count} lần, lần đầu trang ${a.page}, dòng ${a.line}`),
      spelled.length ? yaml(spelled.map((a) => ({ id: abbrId(a.abbr), abbr: a.abbr, expansion: a.spelledOut }))) : '[]\n',
    ].join('\n'),
  );
  return files;
}

/** The summary the command prints. */
export function summaryLines(draft: Draft): string[] {
  const continued = draft.footnotes.filter((f) => f.continued).map((f) => f.n);
  return [
    `Trang: ${draft.pages}`,
    `Chương: ${draft.chapters.length}`,
    `Chú thích: ${draft.footnotes.length}${continued.length ? ` (nối sang trang sau: ${continued.join(', ')})` : ''}`,
    `Dấu chú thích trong văn bản: ${draft.markers}`,
    `Chỗ sửa lỗi trích xuất: ${draft.corrections.length}`,
    `Chữ viết tắt cần rà soát: ${draft.abbreviations.length}`,
  ];
}
