/**
 * Every built page is valid HTML by html-validate, with the recommended rules and the
 * project's configuration (.htmlvalidate.mjs, where each rule turned off or narrowed
 * says why): not one error or warning.
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, StaticConfigLoader, type Message } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { builtPages } from '../support/site';

const validator = new HtmlValidate(new StaticConfigLoader(config));

/** "line:column rule: message" for each problem, for a readable failure. */
const lines = (messages: Message[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);

async function problems(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) => lines(r.messages));
}

describe('html-validate, configured by .htmlvalidate.mjs', () => {
  it('extends html-validate:recommended', () => {
    expect(config.extends).toEqual(['html-validate:recommended']);
  });

  it('finds the errors of invalid markup: a duplicate id, an unclosed element, a button without type', async () => {
    const found = await problems('<!doctype html><html lang="vi"><head><title>x</title></head><body><p id="a">x</p><p id="a"><div>y</p><button>z</button></body></html>', 'bad.html');
    expect(found.join('\n')).toMatch(/no-dup-id/u);
    expect(found.join('\n')).toMatch(/element-permitted-content|close-order|no-implicit-close/u);
    expect(found.join('\n')).toMatch(/no-implicit-button-type/u);
  });

  it('finds nothing in a small valid page', async () => {
    expect(await problems('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head><body><main><h1>Trang</h1><p>Chữ.</p></main></body></html>', 'good.html')).toEqual([]);
  });
});

describe('every built page', () => {
  const pages = builtPages();

  it('is found: the home page, the chapters, the 404 page and the others', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['/', '/404.html', '/phan-thu-nhat/ii-danh-gia-chung/', '/in/']));
  });

  it.each(pages)('$path is valid HTML, with no error or warning', async ({ file, path }) => {
    expect(await problems(readFileSync(file, 'utf8'), path)).toEqual([]);
  });
});
