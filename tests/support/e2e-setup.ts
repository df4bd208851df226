/**
 * Serves the built site (dist/) on loopback for the end-to-end tests and shares its URL
 * through vitest's provide/inject. The build itself is `npm run build`, run before.
 * The site is served as in production, by nginx with deploy/nginx.conf (src/site/node/nginx.ts:
 * precompressed files, the security and caching headers, the 404 page), when nginx is
 * installed (.ci/run installs it); E2E_SERVER=node serves it with the minimal Node server
 * of tests/support/server.ts instead. DIST_DIR overrides the folder (e.g. a build made
 * with `astro build --outDir /tmp/x`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { nginxBinary, startNginx } from '../../src/site/node/nginx';
import { serve } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** "nginx" or "node": which server the suite runs against. */
    server: string;
  }
}

function nginxInstalled(): boolean {
  try {
    nginxBinary();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  const dist = resolve(process.env.DIST_DIR ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` first');
  if (process.env.E2E_SERVER !== 'node' && nginxInstalled()) {
    const nginx = await startNginx({ dist, port: 0 });
    project.provide('baseUrl', nginx.url);
    project.provide('server', 'nginx');
    return () => nginx.stop();
  }
  const server = await serve(dist);
  project.provide('baseUrl', server.url);
  project.provide('server', 'node');
  return () => server.close();
}
