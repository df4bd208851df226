import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_PARAM, PRIMARY_INPUT_ATTR, SEARCH_INPUT_ATTR } from '../../src/search/constants';
import { readSearchState, searchPageUrl } from '../../src/search/url';
import { decodeD, encodeD, normaliseQuery, QUERY_MAX, queryKind, tokens } from '../../src/search/text';
import { ROOT } from '../support/site';

describe('normaliseQuery', () => {
  it('composes to NFC', () => {
    expect(normaliseQuery('xi ma\u0306ng').text).toBe('xi măng');
  });

  it('strips bidi controls, NUL, zero-width and other control characters, keeping the words apart', () => {
    expect(normaliseQuery('xi\u202Emang').text).toBe('xi mang');
    expect(normaliseQuery('\u202Axi mang\u202C\u0000').text).toBe('xi mang');
    expect(normaliseQuery('xi\u200Bmang\u2066').text).toBe('xi mang');
    expect(normaliseQuery('xi\tmang\n').text).toBe('xi mang');
  });

  it('cuts to one limit and says so', () => {
    const long = normaliseQuery('a'.repeat(5000));
    expect(long).toEqual({ text: 'a'.repeat(QUERY_MAX), truncated: true });
    expect(normaliseQuery('a'.repeat(QUERY_MAX)).truncated).toBe(false);
  });

  it('is the normalisation of the URL too, so that a shared link runs the same search', () => {
    const raw = `xi\u202E mang ${'b'.repeat(300)}`;
    const state = readSearchState(`?q=${encodeURIComponent(raw)}`);
    expect(state.query).toBe(normaliseQuery(raw).text);
    expect(readSearchState(new URL(searchPageUrl(state), 'http://x').search).query).toBe(state.query);
  });
});

describe('queryKind', () => {
  it('tells empty, punctuation-only and word queries apart', () => {
    expect(queryKind('')).toBe('empty');
    expect(queryKind('!!!???')).toBe('punctuation');
    expect(queryKind('\\')).toBe('punctuation');
    expect(queryKind('😀 %')).toBe('punctuation');
    expect(queryKind('<img src=x onerror=alert(1)>')).toBe('words');
    expect(queryKind('8,16')).toBe('words');
  });
});

describe('tokens', () => {
  it('keeps numbers whole and folds words', () => {
    expect(tokens('tăng 8,16% và 13.144 người; Đầu tư.').map((t) => t.folded)).toEqual(['tang', '8,16', 'va', '13.144', 'nguoi', 'dau', 'tu']);
  });

  it('gives each word’s place in the text', () => {
    const [t] = tokens('  (KCN)');
    expect(t).toMatchObject({ start: 3, end: 6, raw: 'KCN' });
  });
});

describe('encodeD and decodeD', () => {
  it('write đ as d with a combining stroke for the index, which folds to d, and bring it back exactly', () => {
    const text = 'Đầu tư đường dẫn; HĐND và dự án';
    const content = encodeD(text);
    expect(content.normalize('NFD').replace(/\p{M}/gu, '')).toBe('Dau tu duong dan; HDND va du an');
    expect(decodeD(content)).toBe(text);
    expect(encodeD('xi măng')).toBe('xi măng');
  });
});

describe('the always-loaded search script', () => {
  it('uses the same names as src/search/constants.ts', () => {
    const boot = readFileSync(join(ROOT, 'src/search/client/boot.ts'), 'utf8');
    expect(boot).toContain(`const HIGHLIGHT_PARAM = '${HIGHLIGHT_PARAM}';`);
    expect(boot).toContain(`const SEARCH_INPUT_ATTR = '${SEARCH_INPUT_ATTR}';`);
    expect(boot).toContain(`const PRIMARY_INPUT_ATTR = '${PRIMARY_INPUT_ATTR}';`);
    expect(boot).not.toMatch(/^import /mu);
  });
});
