/** The app's icons, 192 and 512 px PNG, drawn at build from src/offline/app.ts's artwork. */
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { ICON_SIZES, iconSvg } from '../../offline/app';

export const getStaticPaths: GetStaticPaths = () => ICON_SIZES.map((size) => ({ params: { file: `icon-${size}.png` }, props: { size } }));

export const GET: APIRoute = async ({ props }) => {
  const size = props.size as number;
  const png = await sharp(Buffer.from(iconSvg(size))).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
