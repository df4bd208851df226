/**
 * The link checker: reads every HTML file of the build (no browser) and follows every
 * internal href and src — "/path/", "/path/#anchor", "#anchor" — to an existing file
 * and, for a fragment, to an existing id on that page. Also: ids are unique on a page,
 * and in-page id references (aria-labelledby, for, …) resolve.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolvePath } from '../support/server';
import { startTags, type StartTag } from '../support/html';
import { builtPages, DIST, urlPathOf } from '../support/site';

const ORIGIN = 'http://site.invalid';
const URL_ATTRS = ['href', 'src'];
const IDREF_ATTRS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'list', 'popovertarget', 'headers'];

const pages = builtPages();
const tagsOf = new Map<string, StartTag[]>();
function tags(file: string): StartTag[] {
  if (!tagsOf.has(file)) tagsOf.set(file, startTags(readFileSync(file, 'utf8')));
  return tagsOf.get(file)!;
}
const idsOf = (file: string) => tags(file).flatMap((t) => (t.attrs.id !== undefined ? [t.attrs.id] : []));

interface Link {
  tag: string;
  attr: string;
  value: string;
}

function links(file: string): Link[] {
  return tags(file).flatMap((t) => URL_ATTRS.filter((a) => a in t.attrs).map((attr) => ({ tag: t.name, attr, value: t.attrs[attr] })));
}

/** Why an internal link of the page at `pagePath` does not resolve, or null when it does (or is not internal). */
function problem(pagePath: string, value: string): string | null {
  const target = new URL(value, ORIGIN + pagePath);
  if (target.origin !== ORIGIN) return null;
  const file = resolvePath(DIST, target.pathname);
  if (!file) return 'no such file in the build';
  if (file.endsWith('index.html') && !target.pathname.endsWith('/') && !target.pathname.endsWith('.html')) {
    return `a folder without its trailing slash (the server redirects to ${target.pathname}/)`;
  }
  if (value.endsWith('#')) return 'an empty fragment';
  if (!target.hash) return null;
  if (!file.endsWith('.html')) return `a fragment on a file that is not a page (${urlPathOf(file)})`;
  const id = decodeURIComponent(target.hash.slice(1));
  return idsOf(file).includes(id) ? null : `no element with id "${id}" on ${urlPathOf(file)}`;
}

describe('the link checker', () => {
  it('reads the built pages and finds their links, fragments and ids', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    const chapter = pages.find((p) => p.path === '/phan-thu-nhat/i-1-linh-vuc-kinh-te/')!;
    const values = links(chapter.file).map((l) => l.value);
    expect(values).toEqual(expect.arrayContaining(['/', '/chu-thich/', '#noi-dung', '#fn-13', '#fnref-13', '#p1-i-1-5-1']));
    expect(idsOf(chapter.file)).toEqual(expect.arrayContaining(['noi-dung', 'fn-13', 'fnref-13', 'p1-i-1-5-1']));
  });

  it('reports what does not resolve', () => {
    const chapter = '/phan-thu-nhat/i-1-linh-vuc-kinh-te/';
    expect(problem(chapter, '#fn-13')).toBeNull();
    expect(problem(chapter, '/chu-thich/#chu-thich-13')).toBeNull();
    expect(problem(chapter, '#fn-99')).toMatch(/no element with id "fn-99"/u);
    expect(problem(chapter, '/khong-co/')).toBe('no such file in the build');
    expect(problem(chapter, '/chu-thich')).toMatch(/trailing slash/u);
    expect(problem(chapter, 'https://example.org/')).toBeNull();
  });
});

describe('every built page', () => {
  it.each(pages)('$path: every internal href and src leads to a file of the build and, with a fragment, to an id on that page', ({ path, file }) => {
    const broken = links(file)
      .map((l) => ({ ...l, why: problem(path, l.value) }))
      .filter((l) => l.why !== null)
      .map((l) => `<${l.tag} ${l.attr}="${l.value}">: ${l.why}`);
    expect(broken).toEqual([]);
  });

  it.each(pages)('$path: uses each id once', ({ file }) => {
    const seen = new Set<string>();
    const twice = idsOf(file).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(twice).toEqual([]);
  });

  it.each(pages)('$path: refers by id (aria-labelledby, for, …) only to ids on the page', ({ file }) => {
    const ids = new Set(idsOf(file));
    const dangling = tags(file).flatMap((t) =>
      IDREF_ATTRS.filter((a) => a in t.attrs).flatMap((a) =>
        t.attrs[a]
          .split(/\s+/u)
          .filter((id) => id && !ids.has(id))
          .map((id) => `<${t.name} ${a}="${t.attrs[a]}">: no id "${id}"`),
      ),
    );
    expect(dangling).toEqual([]);
  });
});

describe('the 404 page', () => {
  it('links only with root-relative or absolute URLs, since it is served at any missing address', () => {
    const page = pages.find((p) => p.path === '/404.html')!;
    const relative = links(page.file)
      .map((l) => l.value)
      .filter((v) => !v.startsWith('/') && !v.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/iu.test(v));
    expect(relative).toEqual([]);
  });
});
