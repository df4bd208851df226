/**
 * A minimal static file server for the built site (dist/), for the end-to-end tests
 * and the benchmarks: loopback only, an ephemeral port, index.html for folders,
 * dist/404.html (status 404) for anything else, hashed assets cacheable for a year,
 * Pagefind's gzip files sent with Content-Encoding: gzip.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { HASHED_DIR, IMMUTABLE, PAGEFIND_GZIP } from '../../src/site/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface RunningServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  close: () => Promise<void>;
}

/** Resolves a URL path to a file under root, or null. */
export function resolvePath(root: string, urlPath: string): string | null {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0].split('#')[0]));
  const file = resolve(join(root, clean));
  if (!file.startsWith(resolve(root))) return null;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : null;
  }
  return existsSync(file) ? file : null;
}

export function serve(root = resolve('dist'), port = 0): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const file = resolvePath(root, path);
    if (file && statSync(join(root, decodeURIComponent(path.split('?')[0]))).isDirectory?.() && !path.split('?')[0].endsWith('/')) {
      res.writeHead(301, { location: `${path.split('?')[0]}/` });
      res.end();
      return;
    }
    const target = file ?? join(root, '404.html');
    // Hashed assets are cached for good, as in production (src/site/headers.ts): a file that
    // two parts of a page fetch (the page and its chart worker, the fonts) comes over the wire once.
    const cache = file && path.startsWith(HASHED_DIR) ? { 'cache-control': IMMUTABLE } : {};
    // Pagefind's gzip files go as they are, to be inflated by the browser (as nginx does, deploy/nginx.conf).
    const gzip = file && PAGEFIND_GZIP.test(path.split('?')[0]) && /\bgzip\b/iu.test(String(req.headers['accept-encoding'] ?? '')) ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {};
    res.writeHead(file ? 200 : 404, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', ...cache, ...gzip });
    createReadStream(target).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      ok({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
