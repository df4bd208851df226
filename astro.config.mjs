// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { assertValidContent } from './src/lib/validate-content.ts';
import searchIndex from './src/integrations/search-index.ts';
import serviceWorker from './src/offline/node/service-worker.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Fails `astro build`, `dev` and `check` on bad content, naming the file and the field. */
const contentCheck = {
  name: 'report-content-check',
  hooks: {
    'astro:config:setup': () => assertValidContent(root),
  },
};

export default defineConfig({
  trailingSlash: 'always',
  // Keep whitespace between inline elements, e.g. after a footnote marker.
  compressHTML: true,
  build: { format: 'directory' },
  // smartypants: false keeps the report's punctuation as written ("..." stays "...", no curly quotes or dashes).
  // searchIndex() indexes dist/ with Pagefind once the build is written (see src/integrations/).
  // serviceWorker() comes after searchIndex(): it precaches the search index too.
  integrations: [contentCheck, mdx({ smartypants: false }), searchIndex(), serviceWorker()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Ship scripts as files, never inline, so that a strict Content-Security-Policy holds.
  vite: { build: { assetsInlineLimit: 0 } },
});
