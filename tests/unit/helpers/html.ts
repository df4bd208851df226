/** Text content of an HTML fragment: tags removed, the few entities MDX emits decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/gu, '')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'");
}
