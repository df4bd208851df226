/**
 * Readies dist/ for production once the site is built (and indexed: keep this integration
 * after the search index's in astro.config.mjs):
 * - checks every page against its Content-Security-Policy <meta> (src/site/node/csp.ts): each
 *   inline script and <style> allowed by its hash, no style="" attribute (hashes cannot
 *   allow one), and the same policy on every page, since one header serves them all;
 * - writes dist/_headers (src/site/headers.ts) for static hosts that read one;
 * - writes x.br (brotli, best) and x.gz (gzip, best) next to each text file x of dist/,
 *   for the server to send by Accept-Encoding (deploy/nginx.conf). Both are deterministic:
 *   identical builds give identical files. A compressed copy that would not be smaller is
 *   not written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { parseCsp, scriptHash } from './csp';
import { headersFile } from '../headers';

/** Extensions of the files sent compressed. Fonts, images and Pagefind's files are compressed already. */
export const TEXT_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.csv', '.xml', '.webmanifest', '.map'];

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Writes .br and .gz next to each text file under `dir`; returns how many files were compressed. */
export function precompress(dir: string): number {
  let count = 0;
  for (const file of files(dir)) {
    if (!TEXT_EXTENSIONS.some((ext) => file.endsWith(ext))) continue;
    const body = readFileSync(file);
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    // gzip without a file name or time in its header (zlib writes neither): the same bytes for the same input.
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < body.length) writeFileSync(`${file}.br`, br);
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
    count++;
  }
  return count;
}

/** The URL path of a page of dist/: "/a/b/" for a/b/index.html, "/404.html" for 404.html. */
export function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/iu;
const decode = (v: string) => v.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/** What a page's policy does not allow of its inline content: lines naming each problem. */
export function inlineProblems(html: string, policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  for (const [whole, attrs, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/giu)) {
    if (/\bsrc\s*=/iu.test(attrs)) continue;
    const type = /\btype\s*=\s*"?([^"\s>]+)/iu.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !/^(?:text|application)\/(?:java|ecma)script$/u.test(type)) continue;
    if (!csp.get('script-src')?.includes(scriptHash(text))) problems.push(`an inline script not allowed by script-src: ${whole.slice(0, 80)}`);
  }
  for (const [whole, text] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/giu)) {
    if (!csp.get('style-src')?.includes(scriptHash(text))) problems.push(`an inline <style> not allowed by style-src: ${whole.slice(0, 80)}`);
  }
  for (const [attr] of html.matchAll(/<[a-z][^>]*?\sstyle\s*=\s*("[^"]*"|'[^']*')/giu)) problems.push(`a style attribute, which a hash-only style-src blocks: ${attr.slice(0, 80)}`);
  return problems;
}

/** The one policy of every page of dist/; throws, naming the page, when a page has none, another, or inline content it does not allow. */
export function sitePolicy(dist: string, pages: readonly string[]): string {
  let policy: string | undefined;
  let first = '';
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const m = META.exec(html);
    const page = relative(dist, file);
    if (!m) throw new Error(`${page}: no Content-Security-Policy <meta> (src/site/Base.astro)`);
    const value = decode(m[1]);
    const problems = inlineProblems(html, value);
    if (problems.length > 0) throw new Error(`${page}: ${problems.join('; ')}`);
    if (policy === undefined) {
      policy = value;
      first = page;
    } else if (value !== policy) throw new Error(`${page}: its Content-Security-Policy differs from ${first}'s; one header cannot serve both`);
  }
  if (policy === undefined) throw new Error(`${dist}: no page`);
  return policy;
}

export default function production(): AstroIntegration {
  return {
    name: 'report-production-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const pages = files(dist).filter((f) => f.endsWith('.html')).sort();
        const policy = sitePolicy(dist, pages);
        writeFileSync(join(dist, '_headers'), headersFile(policy, pages.map((p) => pagePath(dist, p))));
        const count = precompress(dist);
        logger.info(`_headers written; ${count} text files precompressed (.br, .gz)`);
      },
    },
  };
}
