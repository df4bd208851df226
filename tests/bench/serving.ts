/**
 * A server for the bench: the production nginx of `npm run serve:prod`
 * (src/site/node/serve-prod.ts) when SERVER=nginx, otherwise the tests' Node server
 * (tests/support/server.ts), which neither compresses nor sends headers.
 */
import { serve } from '../support/server.ts';

export interface BenchServer {
  kind: string;
  url: string;
  close: () => Promise<void>;
}

export async function startServer(dist: string): Promise<BenchServer> {
  if (process.env.SERVER === 'nginx') {
    const { startNginx } = await import('../../src/site/node/nginx.ts');
    const nginx = await startNginx({ dist, port: 0 });
    return { kind: 'nginx', url: nginx.url, close: nginx.stop };
  }
  const node = await serve(dist);
  return { kind: 'the Node test server', url: node.url, close: node.close };
}
