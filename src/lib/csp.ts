/**
 * The site's Content-Security-Policy, set on every page by a <meta http-equiv> in
 * src/layouts/Base.astro. A static site needs nothing but itself:
 * - scripts only from the site's own files, and WebAssembly compiled by the search
 *   (Pagefind's wasm needs 'wasm-unsafe-eval'); no inline script, no eval; an inline
 *   script would need its hash listed here (scriptHash()), and the site has none;
 * - styles from the site's files and inline: Astro emits <style> for a page's print
 *   rules (@page names) and components set CSS variables in style="" attributes;
 * - images, fonts and fetches (the search index, fragments) from the site only; images
 *   may also be data: and blob: URLs (Chart.js patterns, downloads);
 * - no plugins, no <base> elsewhere, forms submit to the site only.
 * frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: they are left
 * out rather than set to no effect.
 */
import { createHash } from 'node:crypto';

export type Directives = Readonly<Record<string, readonly string[]>>;

export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives a browser ignores when the policy comes from a <meta> element. */
export const META_IGNORED = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** The CSP source that allows one inline script: 'sha256-…' of its exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * The policy as a header or meta value, e.g. "default-src 'self'; script-src 'self' …".
 * `inlineScripts` are the texts of inline scripts to allow by hash (none today).
 */
export function contentSecurityPolicy(options: { inlineScripts?: readonly string[]; directives?: Directives } = {}): string {
  const directives = options.directives ?? CSP_DIRECTIVES;
  const hashes = [...new Set((options.inlineScripts ?? []).map(scriptHash))];
  return Object.entries(directives)
    .map(([name, sources]) => {
      const all = name === 'script-src' ? [...sources, ...hashes] : sources;
      return [name, ...all].join(' ');
    })
    .join('; ');
}

/** A policy read back into its directives, lower-cased names, sources as written. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    // A repeated directive is ignored by browsers: the first one counts.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
