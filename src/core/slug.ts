/** Lowercase ASCII words joined by "-": "Lĩnh vực kinh tế" → "linh-vuc-kinh-te". */
export function slugify(text: string, maxWords = Infinity): string {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/** Sentence case for a heading printed in capitals: "ĐÁNH GIÁ CHUNG" → "Đánh giá chung". */
export function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase('vi')) return text;
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** A chapter's URL path, with its trailing slash, then the fragment if any: "/phan-thu-nhat/mo-dau/#p1-d2". The one way a chapter URL is written. */
export function chapterPath(slug: string, hash?: string): string {
  return `/${slug}/${hash ? `#${hash}` : ''}`;
}
