/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Two projects:
 * - unit: pure logic and the content (schemas, faithfulness to the source, validation);
 *   runs before the build, with astro:content available through Astro's Vite config;
 * - edition: facts of this edition of the report (content/), kept apart from the logic tests;
 * - e2e: the built site (dist/) served on loopback and driven in Debian's Chromium.
 */
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          globalSetup: ['tests/support/unit-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'edition',
          include: ['tests/edition/**/*.test.ts'],
          globalSetup: ['tests/support/unit-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/e2e-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
