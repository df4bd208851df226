/**
 * Runs Debian's nginx on a built site with the config of deploy/nginx.conf, for
 * `npm run serve:prod` (src/site/node/serve-prod.ts), the end-to-end tests and the bench.
 * The config's @…@ values are filled in here: the port and address, the site's folder,
 * a temporary folder for nginx's pid and temporary files, the security headers of
 * src/site/headers.ts with the CSP the build put in the pages, the paths of Pagefind's gzip
 * files (PAGEFIND_GZIP), and the brotli module.
 * `node src/site/node/nginx.ts --print [dist]` prints the filled-in config.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nginxSecurityHeaders, PAGEFIND_GZIP } from '../headers.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const TEMPLATE = join(ROOT, 'deploy/nginx.conf');
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const INSTALL_HINT = 'install it with: apt-get install nginx-light libnginx-mod-http-brotli-static';

/** The nginx binary: $NGINX, or Debian's /usr/sbin/nginx, or the first nginx on PATH. */
export function nginxBinary(): string {
  const candidates = [process.env.NGINX, '/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((d) => join(d, 'nginx'))].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`nginx is not installed (looked for ${candidates.slice(0, 2).join(', ')} and on PATH): ${INSTALL_HINT}`);
  return found;
}

/** The CSP the build put in the <meta> of dist/index.html. */
export function builtPolicy(dist: string): string {
  const file = join(dist, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first`);
  const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/iu.exec(readFileSync(file, 'utf8'));
  if (!meta) throw new Error(`${file}: no <meta http-equiv="content-security-policy">`);
  return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

export interface NginxOptions {
  dist: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

/** The config of deploy/nginx.conf filled in; `runtime` is the folder of the pid, temp files and the headers include. */
export function nginxConfig(options: Required<NginxOptions>, runtime: string, brotli = existsSync(BROTLI_MODULE)): string {
  const values: Record<string, string> = {
    BROTLI_MODULE: brotli ? `load_module ${BROTLI_MODULE};` : '# brotli_static: libnginx-mod-http-brotli-static is not installed',
    BROTLI_STATIC: brotli ? 'brotli_static on;' : '',
    RUNTIME: runtime,
    HEADERS: join(runtime, 'headers.conf'),
    HOST: options.host,
    PORT: String(options.port),
    ROOT: resolve(options.dist),
    PAGEFIND_GZIP: PAGEFIND_GZIP.source,
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/@([A-Z_]+)@/gu, (whole, name: string) => {
    if (!(name in values)) throw new Error(`${TEMPLATE}: unknown placeholder ${whole}`);
    return values[name];
  });
}

/** A free TCP port on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** Resolves once something accepts connections on host:port, rejects if `child` exits first. */
function listening(host: string, port: number, child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((ok, fail) => {
    let done = false;
    const onExit = (code: number | null) => {
      if (done) return;
      done = true;
      fail(new Error(`nginx exited (code ${code}) before listening on ${host}:${port}:\n${output()}`));
    };
    child.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        done = true;
        child.off('exit', onExit);
        ok();
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

export interface RunningNginx {
  url: string;
  port: number;
  child: ChildProcess;
  /** Graceful stop (SIGQUIT), then the temporary folder is removed. */
  stop: () => Promise<void>;
}

export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port === 0 ? await freePort(host) : options.port;
  const dist = resolve(options.dist);
  const runtime = mkdtempSync(join(tmpdir(), 'report-nginx-'));
  writeFileSync(join(runtime, 'headers.conf'), nginxSecurityHeaders(builtPolicy(dist)));
  writeFileSync(join(runtime, 'nginx.conf'), nginxConfig({ dist, port, host }, runtime));
  let output = '';
  const child = spawn(nginxBinary(), ['-p', runtime, '-c', join(runtime, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d));
  child.stderr?.on('data', (d: Buffer) => {
    output += d;
    if (process.env.NGINX_LOG) process.stderr.write(d);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const cleanup = () => rmSync(runtime, { recursive: true, force: true });
  try {
    await listening(host, port, child, () => output);
  } catch (error) {
    cleanup();
    throw error;
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
      cleanup();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--print')) {
  const dist = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist');
  const runtime = '/run/report-nginx';
  console.log(nginxConfig({ dist, port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1' }, runtime).replace(`include ${runtime}/headers.conf;`, nginxSecurityHeaders(builtPolicy(dist)).trim().split('\n').join('\n      ')));
}
