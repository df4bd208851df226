import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES, parseCsp, scriptHash } from '../../src/site/node/csp';

describe('contentSecurityPolicy', () => {
  it('writes the site\'s directives in order, each with its sources, separated by "; "', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it("allows no inline script and no eval: script-src has neither 'unsafe-inline' nor 'unsafe-eval'", () => {
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'");
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-eval'");
  });

  it('adds the hash of each inline script given, once, to script-src only', () => {
    const policy = parseCsp(contentSecurityPolicy({ inlineScripts: ['a()', 'a()', 'b()'] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", scriptHash('a()'), scriptHash('b()')]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it("allows no inline style but by hash: style-src has no 'unsafe-inline', and lists the hash of each inline style given", () => {
    expect(CSP_DIRECTIVES['style-src']).toEqual(["'self'"]);
    const policy = parseCsp(contentSecurityPolicy({ inlineStyles: ['p{color:red}'] }));
    expect(policy.get('style-src')).toEqual(["'self'", scriptHash('p{color:red}')]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('writes other directives when given', () => {
    expect(contentSecurityPolicy({ directives: { 'default-src': ["'none'"] } })).toBe("default-src 'none'");
  });
});

describe('scriptHash', () => {
  it("gives 'sha256-…' of the script's exact UTF-8 text, base64", () => {
    const text = 'console.log("Chú thích")';
    expect(scriptHash(text)).toBe(`'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`);
    expect(scriptHash('x()')).not.toBe(scriptHash('x() '));
  });
});

describe('parseCsp', () => {
  it('reads a policy back into its directives, names lower-cased', () => {
    expect(parseCsp("Default-Src 'self'; img-src 'self' data:;")).toEqual(
      new Map([
        ['default-src', ["'self'"]],
        ['img-src', ["'self'", 'data:']],
      ]),
    );
  });

  it('keeps the first of a repeated directive, as browsers do, and skips empty parts', () => {
    expect(parseCsp("script-src 'self';; script-src *")).toEqual(new Map([['script-src', ["'self'"]]]));
  });
});
