/**
 * Serves the built site (dist/) on loopback for the end-to-end tests and shares its URL
 * through vitest's provide/inject. The build itself is `npm run build`, run before.
 * DIST_DIR overrides the folder (e.g. a build made with `astro build --outDir /tmp/x`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = resolve(process.env.DIST_DIR ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` first');
  const server = await serve(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
