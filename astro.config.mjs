// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { loadContentOrExit } from './src/data/load.ts';
import searchIndex from './src/search/node/search-index.ts';
import siteFonts from './src/site/fonts/node/integration.ts';
import { absolute, contentFolder } from './src/data/paths.ts';
import printPdfs from './src/print/node/pdf.ts';
import production from './src/site/node/production.ts';
import serviceWorker from './src/offline/node/service-worker.ts';
import { permalinks } from './src/permalinks/hast.ts';
import { abbreviationInputs, abbreviations } from './src/abbreviations/hast.ts';
import { t } from './src/i18n/vi.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The content folder, read, checked and typed once per build by the one loader
 * (src/data/load.ts): content/, or the folder REPORT_CONTENT names (src/data/paths.ts).
 * Bad content fails `astro build`, `dev` and `check` before anything is written: every
 * error once, naming the file and the field or the file:line:column, without a stack trace.
 */
/** @type {import('./src/data/load.ts').ReportContent | undefined} */
let loaded;
const content = () => (loaded ??= loadContentOrExit(root));

/**
 * The chapters' Markdown pipeline: every heading and paragraph gets its permalink id, item
 * number and "liên kết" link here, once, from the MDX tree (src/permalinks/hast.ts); then
 * the first use of each abbreviation on the page its <abbr> (src/abbreviations/hast.ts),
 * from the loaded content.
 */
/** @type {import('./src/abbreviations/hast.ts').AbbreviationInputs | undefined} */
let marksInputs;
const chapterMdx = mdx({
  smartypants: false,
  processor: satteri({
    hastPlugins: [
      permalinks({ item: (label) => t('permalink.item', { label }), paragraph: t('permalink.paragraph') }),
      abbreviations(() => (marksInputs ??= abbreviationInputs(content(), root))),
    ],
  }),
});

const contentCheck = {
  name: 'report-content-check',
  hooks: {
    'astro:config:setup': () => void content(),
  },
};

export default defineConfig({
  trailingSlash: 'always',
  // Keep whitespace between inline elements, e.g. after a footnote marker.
  compressHTML: true,
  build: { format: 'directory' },
  // smartypants: false keeps the report's punctuation as written ("..." stays "...", no curly quotes or dashes).
  // siteFonts() subsets the fonts to the site's characters first (src/site/fonts/).
  // searchIndex() indexes dist/ with Pagefind once the build is written (see src/search/node/);
  // printPdfs() then prints the paged print views to dist/pdf/ and links them (see src/print/node/);
  // serviceWorker() precaches the finished pages and the search index (src/offline/);
  // production() comes last: it precompresses what the others wrote, sw.js included.
  integrations: [siteFonts(absolute(root, contentFolder())), contentCheck, chapterMdx, searchIndex(content), printPdfs(), serviceWorker(), production()],
  devToolbar: { enabled: false },
  prefetch: false,
  // Ship scripts as files, never inline, so that a strict Content-Security-Policy holds.
  vite: {
    build: { assetsInlineLimit: 0 },
    // The chart worker (src/figures/client/chartjs.ts) and the files it refers to (the
    // fonts) are named like every other asset, so that the worker's font URLs are the
    // page's own files, not copies.
    worker: {
      format: 'es',
      rollupOptions: { output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js', assetFileNames: '_astro/[name].[hash][extname]' } },
    },
  },
});
