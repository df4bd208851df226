/**
 * Every user-facing string of the site, in Vietnamese, read through t().
 * Keys are grouped by where they appear. "{name}" placeholders are filled from params.
 */
export const vi = {
  'site.skipLink': 'Bỏ qua, đến nội dung chính',
  'site.homeLink': 'Trang chủ',
  'site.nav.label': 'Điều hướng chính',
  'site.nav.contents': 'Mục lục',
  'site.nav.footnotes': 'Chú thích',
  'site.footer.label': 'Chân trang',
  'site.footer.source': 'Nội dung lấy nguyên văn từ báo cáo; chỗ sửa lỗi trích xuất được liệt kê tại',
  'site.footer.corrections': 'danh sách đính chính',
  'site.footer.noNumber': 'Văn bản nguồn không ghi số và ngày ban hành.',

  'home.title': 'Mục lục báo cáo',
  'home.lede': '{issuer} báo cáo {addressee} tại {session}.',
  'home.orientation':
    'Báo cáo gồm hai phần. Phần thứ nhất đánh giá tình hình thực hiện kế hoạch năm 2023; Phần thứ hai đề ra mục tiêu, chỉ tiêu và giải pháp cho năm 2024. Mỗi chương là một trang riêng, in được riêng; 66 chú thích giữ nguyên số gốc và mở ngay tại chỗ khi bấm vào số chú thích.',
  'home.contents': 'Mục lục',
  'home.footnoteIndex': 'Xem toàn bộ 66 chú thích',
  'home.closing': 'Phần kết',
  'home.appendixNote': 'Phụ lục số 01 (các chỉ tiêu) được báo cáo nhắc tới nhưng không có trong văn bản nguồn, nên không được đăng ở đây.',

  'chapter.breadcrumb': 'Vị trí',
  'chapter.toc': 'Trong chương này',
  'chapter.footnotes': 'Chú thích trong chương',
  'chapter.footnotesRange': 'Chú thích {from}–{to}',
  'chapter.backToRef': 'Quay lại chỗ chú thích {n} trong bài',
  'chapter.pager': 'Chương trước và chương sau',
  'chapter.prev': 'Chương trước',
  'chapter.next': 'Chương sau',
  'chapter.number': 'Chương {n} trên {total}',

  'fn.marker': 'Chú thích {n}',
  'fn.popover': 'Chú thích {n}',
  'fn.close': 'Đóng',
  'fn.inList': 'Xem trong danh sách chú thích',

  'permalink.item': 'Liên kết đến mục {label}',
  'permalink.paragraph': 'Liên kết đến đoạn này',
  'permalink.copied': 'Đã sao chép liên kết',
  'permalink.copyFailed': 'Không sao chép được; liên kết đã hiện trên thanh địa chỉ',

  'footnotes.title': 'Danh mục chú thích',
  'footnotes.lede': 'Toàn bộ {count} chú thích của báo cáo, đánh số liên tục như bản gốc. Mỗi chú thích dẫn tới câu mà nó chú giải.',
  'footnotes.inChapter': 'Trong chương',
  'footnotes.goToSentence': 'Đến câu có chú thích {n}',

  'corrections.title': 'Đính chính so với văn bản nguồn',
  'corrections.lede': 'Những chỗ duy nhất mà trang này khác văn bản trích từ bản PDF của báo cáo. Chỉ lỗi phát sinh khi trích xuất văn bản được sửa; lời văn của báo cáo, kể cả lỗi chính tả, được giữ nguyên.',
  'corrections.source': 'Văn bản nguồn',
  'corrections.content': 'Trên trang này',
  'corrections.reason': 'Lý do',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Địa chỉ này không có trong báo cáo. Mời quay lại mục lục.',
} as const;

export type UiKey = keyof typeof vi;

/** Looks up a UI string and fills its {placeholders}. Unknown placeholders are an error. */
export function t(key: UiKey, params: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/gu, (_, name: string) => {
    if (!(name in params)) throw new Error(`t("${key}"): missing parameter "${name}"`);
    return String(params[name]);
  });
}
