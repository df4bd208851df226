/**
 * The app's icons, 192 and 512 px PNG, drawn at build from src/offline/app.ts's artwork;
 * and the browser tab's icon, a 32 px PNG drawn from public/favicon.svg (see FAVICON_SIZE).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { FAVICON_PATH, FAVICON_SIZE, FAVICON_SOURCE, ICON_SIZES, iconSvg } from '../../offline/app';

export const getStaticPaths: GetStaticPaths = () => [
  ...ICON_SIZES.map((size) => ({ params: { file: `icon-${size}.png` }, props: { size, favicon: false } })),
  { params: { file: FAVICON_PATH.split('/').pop()! }, props: { size: FAVICON_SIZE, favicon: true } },
];

export const GET: APIRoute = async ({ props }) => {
  const size = props.size as number;
  // The favicon's artwork has no size of its own (a 32-unit viewBox): drawn large, then scaled down.
  const image = props.favicon ? sharp(readFileSync(join(process.cwd(), FAVICON_SOURCE)), { density: 72 * 4 }).resize(size, size) : sharp(Buffer.from(iconSvg(size)));
  const png = await image.png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
