/**
 * The site's Content-Security-Policy: set on every page by a <meta http-equiv> right
 * after its charset (src/site/Base.astro), and sent as an HTTP header, with
 * frame-ancestors 'none' added, by the production server (src/site/headers.ts).
 * Hashes only: neither script-src nor style-src has 'unsafe-inline'. An inline script or
 * <style> would need its hash listed (scriptHash(), styleHash()); the site has none:
 * scripts are files, styles are files, and no element has a style="" attribute (sizes are
 * set from the external scripts through the CSSOM, which CSP does not govern). The build
 * checks every page against its policy (src/site/node/production.ts) and fails, naming the
 * page, on an inline script, style or style attribute that the policy does not allow.
 * (Astro's security.csp was tried: it lists the hash of every bundled file, allowed by
 * 'self' anyway, about 0.5 KB gzip of hashes on every page.)
 * A static site needs nothing but itself:
 * - scripts only from the site's own files, and WebAssembly compiled by the search
 *   (Pagefind's wasm needs 'wasm-unsafe-eval'); no eval;
 * - styles from the site's files;
 * - images, fonts and fetches (the search index, fragments) from the site only; images
 *   may also be data: and blob: URLs (Chart.js patterns, downloads, the link icon);
 * - no plugins, no <base> elsewhere, forms submit to the site only.
 * frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: they are left
 * out of it; frame-ancestors goes to the header.
 */
import { createHash } from 'node:crypto';

export type Directives = Readonly<Record<string, readonly string[]>>;

export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives a browser ignores when the policy comes from a <meta> element. */
export const META_IGNORED = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** The CSP source that allows one inline script or <style>: 'sha256-…' of its exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}
export const styleHash = scriptHash;

/**
 * The policy as a header or meta value, e.g. "default-src 'self'; script-src 'self' …".
 * `inlineScripts` and `inlineStyles` are the texts of inline scripts and <style> elements
 * to allow by hash (none today).
 */
export function contentSecurityPolicy(options: { inlineScripts?: readonly string[]; inlineStyles?: readonly string[]; directives?: Directives } = {}): string {
  const directives = options.directives ?? CSP_DIRECTIVES;
  const scripts = [...new Set((options.inlineScripts ?? []).map(scriptHash))];
  const styles = [...new Set((options.inlineStyles ?? []).map(styleHash))];
  return Object.entries(directives)
    .map(([name, sources]) => {
      const all = name === 'script-src' ? [...sources, ...scripts] : name === 'style-src' ? [...sources, ...styles] : sources;
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
