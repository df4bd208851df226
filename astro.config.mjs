// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { exitOnContentErrors } from './src/lib/validate-content.ts';
import searchIndex from './src/integrations/search-index.ts';
import siteFonts from './src/site/fonts/node/integration.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Fails `astro build`, `dev` and `check` on bad content before anything is written: every
 * error once, naming the file and the field or the file:line:column, without a stack trace.
 * The content is content/, or the folder REPORT_CONTENT names (src/data/paths.ts).
 */
const contentCheck = {
  name: 'report-content-check',
  hooks: {
    'astro:config:setup': () => exitOnContentErrors(root),
  },
};

export default defineConfig({
  trailingSlash: 'always',
  // Keep whitespace between inline elements, e.g. after a footnote marker.
  compressHTML: true,
  build: { format: 'directory' },
  // smartypants: false keeps the report's punctuation as written ("..." stays "...", no curly quotes or dashes).
  // siteFonts() subsets the fonts to the site's characters first (src/site/fonts/).
  // searchIndex() indexes dist/ with Pagefind once the build is written (see src/integrations/).
  integrations: [siteFonts(fileURLToPath(new URL('./content/', import.meta.url))), contentCheck, mdx({ smartypants: false }), searchIndex()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Ship scripts as files, never inline, so that a strict Content-Security-Policy holds.
  vite: { build: { assetsInlineLimit: 0 } },
});
