/**
 * Mutation testing of the content: copy content/ to a temporary project folder, make one
 * mistake there, and run the build's check on the copy. Used by validate-content.test.ts
 * and content-mutations.test.ts; the real content/ is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { validateContent } from '../../../src/data/validate';
import type { ContentError } from '../../../src/data/yaml-entries';
import { ROOT } from './chapters';

/** Copies content/ to a temporary project folder, applies one mutation there, and validates it. */
export function validateMutated(mutate: (root: string) => void): ContentError[] {
  const root = mkdtempSync(join(tmpdir(), 'report-content-'));
  try {
    cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
    mutate(root);
    return validateContent(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Rewrites one content file; fails when the edit changes nothing, so that no test passes on a no-op. */
export function edit(root: string, file: string, change: (text: string) => string) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `edit of ${file}`).not.toBe(before);
  writeFileSync(path, after);
}

/** The messages of the errors about one file. */
export const messagesFor = (errors: ContentError[], file: string) => errors.filter((e) => e.file === file).map((e) => e.message);
