/** The web app manifest, in Vietnamese (src/offline/app.ts). */
import type { APIRoute } from 'astro';
import { getReport } from '../data/content';
import { webAppManifest } from '../offline/app';

export const GET: APIRoute = async () => {
  const manifest = webAppManifest(await getReport());
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'content-type': 'application/manifest+json' } });
};
