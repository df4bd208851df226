/**
 * The HTTP headers the site is served with, in one place: the production server
 * (deploy/nginx.conf, filled in by src/site/node/nginx.ts) and the `_headers` file the build
 * writes for static hosts that read one (Netlify, Cloudflare Pages) both come from here.
 * - Content-Security-Policy: the policy Astro puts in each page's <meta> (hashes of its
 *   scripts and styles, see astro.config.mjs), plus what only a header can carry:
 *   frame-ancestors 'none';
 * - X-Content-Type-Options, Referrer-Policy, Permissions-Policy on every response;
 * - Cache-Control: a year, immutable, for the hashed files of /_astro/; no-cache (always
 *   revalidate) for the HTML pages, the service worker and the search index's entry, whose
 *   names do not change when their content does;
 * - Content-Encoding: gzip for Pagefind's binary files, which are gzip already (PAGEFIND_GZIP).
 * No imports: Node scripts load this file as it is.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
/** Features the site never uses, turned off for it and anything it might embed. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()';
/** Files whose URL stays the same when they change, besides the HTML pages. */
export const NO_CACHE_FILES = ['/sw.js', '/pagefind/pagefind-entry.json', '/print-pages.css', '/paged.css'] as const;
/** The folder of Astro's content-hashed assets. */
export const HASHED_DIR = '/_astro/';
/**
 * Pagefind's binary files (index and filter chunks, fragments, metadata, its wasm), by URL
 * path. Pagefind writes them gzip-compressed. A server that sends them as they are with
 * `Content-Encoding: gzip`, to a browser that accepts gzip, lets the browser inflate them
 * as they arrive. Without that header (a host without this rule), Pagefind's script
 * inflates them itself, in JavaScript, on the main thread: the search still works, only
 * slower (about 0.3 s more for a first query on a phone-class CPU).
 */
export const PAGEFIND_GZIP = /^\/pagefind\/(?:(?:index|filter|fragment)\/[^/]+\.pf_(?:index|filter|fragment)|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind)$/u;

/** The header policy: the page's <meta> policy and frame-ancestors 'none', which a <meta> cannot carry. */
export function headerPolicy(metaPolicy: string): string {
  const directives = metaPolicy
    .split(';')
    .map((d) => d.trim().replace(/\s+/gu, ' '))
    .filter(Boolean)
    .filter((d) => !/^frame-ancestors\b/u.test(d));
  return [...directives, "frame-ancestors 'none'"].join('; ');
}

/** The headers every response carries. */
export function securityHeaders(policy: string): [string, string][] {
  return [
    ['Content-Security-Policy', headerPolicy(policy)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', REFERRER_POLICY],
    ['Permissions-Policy', PERMISSIONS_POLICY],
  ];
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages): the security headers for every path, a
 * year for /_astro/, and no-cache for each HTML page (by its URL) and NO_CACHE_FILES.
 * Cache-Control is never set by two rules for one path, since hosts join repeated values.
 */
export function headersFile(policy: string, htmlPaths: readonly string[]): string {
  const block = (path: string, headers: [string, string][]) => [path, ...headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n');
  return `${[
    block('/*', securityHeaders(policy)),
    block(`${HASHED_DIR}*`, [['Cache-Control', IMMUTABLE]]),
    // Pages in code-unit order, whatever order they come in: the same file for the same site.
    ...[...[...htmlPaths].sort(), ...NO_CACHE_FILES].map((p) => block(p, [['Cache-Control', NO_CACHE]])),
  ].join('\n\n')}\n`;
}

/** The security headers as nginx `add_header … always;` lines (an nginx include file). */
export function nginxSecurityHeaders(policy: string): string {
  const quote = (v: string) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return `${securityHeaders(policy)
    .map(([n, v]) => `add_header ${n} ${quote(v)} always;`)
    .join('\n')}\n`;
}
