/**
 * The site's Content-Security-Policy, given to Astro's built-in CSP (security.csp in
 * astro.config.mjs). Astro writes the policy in a <meta http-equiv> in each page's <head>,
 * with script-src and style-src made of 'self' and the hashes of every script and style it
 * bundles or inlines, so no 'unsafe-inline' is needed or allowed: the site has no inline
 * script, no inline event handler and no style="" attribute (sizes are set from the
 * external scripts through the CSSOM, which CSP does not govern). The build copies the
 * policy, with frame-ancestors 'none', into the HTTP header (src/site/headers.ts).
 * A static site needs nothing but itself:
 * - scripts only from the site's own files, and WebAssembly compiled by the search
 *   (Pagefind's wasm needs 'wasm-unsafe-eval'); no eval;
 * - images, fonts and fetches (the search index, fragments) from the site only; images
 *   may also be data: and blob: URLs (Chart.js patterns, downloads, the link icon);
 * - no plugins, no <base> elsewhere, forms submit to the site only.
 * frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: they are left
 * out of it, and frame-ancestors goes to the header only.
 */
import { createHash } from 'node:crypto';

/** The directives besides script-src and style-src, which Astro writes itself. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Sources of script-src besides the hashes Astro adds. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
/** Sources of style-src besides the hashes Astro adds. */
export const STYLE_RESOURCES = ["'self'"] as const;

/** Directives a browser ignores when the policy comes from a <meta> element. */
export const META_IGNORED = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'] as const;

/** The options of Astro's `security.csp`. */
export const astroCsp = {
  algorithm: 'SHA-256' as const,
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: [...SCRIPT_RESOURCES] },
  styleDirective: { resources: [...STYLE_RESOURCES] },
};

/** The CSP source that allows one inline script or style: 'sha256-…' of its exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
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
