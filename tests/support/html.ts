/**
 * Just enough HTML reading for the link checker: the start tags of a built page with
 * their attributes. Astro writes well-formed HTML and escapes "<" in text, so a start
 * tag is "<name" up to the ">" that ends it outside quoted values. The contents of
 * <script>, <style> and comments are skipped.
 */

export interface StartTag {
  name: string;
  attrs: Record<string, string>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value can hold. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const SKIP = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
const TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/giu;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu;

/** The start tags of an HTML document, in order; <script> and <style> tags themselves are kept (their src/href count). */
export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  const text = html.replace(SKIP, (whole, name?: string) => (name ? whole.slice(0, whole.indexOf('>') + 1) : ''));
  for (const m of text.matchAll(TAG)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(ATTR)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    tags.push({ name: m[1].toLowerCase(), attrs });
  }
  return tags;
}
