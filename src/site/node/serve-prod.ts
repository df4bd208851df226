/**
 * `npm run serve:prod`: serves dist/ as production would, with Debian's nginx and the
 * config of deploy/nginx.conf (precompressed files, security and caching headers, the
 * 404 page). PORT sets the port (default 8080), HOST the address (default 127.0.0.1;
 * 0.0.0.0 to serve a local network). Prints the URL; Ctrl+C or SIGTERM stops nginx
 * gracefully and exits.
 */
import { resolve } from 'node:path';
import { startNginx, type RunningNginx } from './nginx.ts';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number (1–65535), not "${process.env.PORT}"`);
  process.exit(2);
}
const host = process.env.HOST ?? '127.0.0.1';

const nginx: RunningNginx = await startNginx({ dist: resolve(process.env.DIST_DIR ?? 'dist'), port, host }).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
console.log(`Serving dist/ with nginx at ${nginx.url}/ (Ctrl+C to stop)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping nginx…`);
  await nginx.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
nginx.child.once('exit', (code) => {
  if (stopping) return;
  console.error(`nginx exited unexpectedly (code ${code})`);
  process.exit(1);
});
