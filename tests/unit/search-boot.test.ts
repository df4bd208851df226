import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_PARAM, PRIMARY_INPUT_ATTR, SEARCH_INPUT_ATTR } from '../../src/lib/search-constants';
import { ROOT } from '../support/site';

const source = readFileSync(join(ROOT, 'src/scripts/search-boot.ts'), 'utf8');

describe('search-boot.ts', () => {
  it('spells out the same names as search-constants.ts', () => {
    expect(source).toContain(`const HIGHLIGHT_PARAM = '${HIGHLIGHT_PARAM}';`);
    expect(source).toContain(`const SEARCH_INPUT_ATTR = '${SEARCH_INPUT_ATTR}';`);
    expect(source).toContain(`const PRIMARY_INPUT_ATTR = '${PRIMARY_INPUT_ATTR}';`);
  });

  it('imports nothing statically, so that it stays one small file', () => {
    expect(source).not.toMatch(/^import /mu);
  });
});
