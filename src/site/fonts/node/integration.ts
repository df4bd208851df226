/**
 * Astro integration: makes the site's subset fonts (./subset.ts) before anything is
 * built, so that every build, dev server and check has them.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { FACES } from '../faces';
import { buildFonts } from './subset';

export default function siteFonts(contentDir: string): AstroIntegration {
  return {
    name: 'report-fonts',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const started = performance.now();
        const result = await buildFonts(fileURLToPath(config.root), contentDir);
        if (!result.cached) {
          logger.info(`${result.characters} characters, ${(result.bytes / 1024).toFixed(1)} KB of woff2 in ${FACES.length} faces (${Math.round(performance.now() - started)} ms)`);
        }
      },
    },
  };
}
