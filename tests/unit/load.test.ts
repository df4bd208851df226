/**
 * The one content loader (src/data/load.ts, src/data/reader.ts): on the mini report,
 * imported with the command, it returns the folder checked and typed; on a folder with
 * mistakes it throws every error at once; the reader reads each file once; and the checks
 * it adds (abbreviations, cross-checks) name the file and the field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentErrors, loadContent } from '../../src/data/load';
import { chapterPath, ContentReader } from '../../src/data/reader';
import { MINI_SOURCE, runImport } from '../support/import';
import { edit, messagesFor, validateMutated } from './helpers/content-copy';
import { ROOT } from './helpers/chapters';

const mini = runImport(MINI_SOURCE);
afterAll(() => mini.dispose());

describe('loadContent, on the mini report imported with the command', () => {
  it('imports cleanly', () => {
    expect(mini.stderr).toBe('');
    expect(mini.status).toBe(0);
  });

  const content = loadContent(ROOT, mini.out);

  it('returns every chapter in reading order, with its file, id, frontmatter, body and URL', () => {
    expect(content.chapters.length).toBeGreaterThanOrEqual(3);
    const orders = content.chapters.map((c) => c.data.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    for (const c of content.chapters) {
      expect(c.file).toBe(`${mini.out}/chapters/${c.id}.mdx`);
      expect(c.url).toBe(`/${c.data.slug}/`);
      expect(c.body.length).toBeGreaterThan(0);
    }
  });

  it('returns the footnotes by number, and the source text the report names', () => {
    expect(content.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4]);
    expect(isAbsolute(content.sourceFile)).toBe(true);
    expect(readFileSync(content.sourceFile, 'utf8')).toBe(readFileSync(MINI_SOURCE, 'utf8'));
  });

  it('gives empty lists, and says so, for the data files an editor adds later', () => {
    expect(content.present).toEqual({ figures: false, charts: false, indicators: false, crosschecks: false, related: false, exclusions: false });
    expect([content.figures, content.charts, content.indicators, content.crosschecks, content.related, content.exclusions]).toEqual([[], [], [], [], [], []]);
  });
});

describe('loadContent, on a folder with mistakes', () => {
  it('throws every error at once, each naming its file, with no stack trace in the message', () => {
    const broken = runImport(MINI_SOURCE);
    try {
      const chapter = `${broken.out}/chapters/${loadContent(ROOT, broken.out).chapters[0].id}.mdx`;
      writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(/^order: \d+$/mu, 'order: zero'));
      writeFileSync(`${broken.out}/footnotes.yaml`, `${readFileSync(`${broken.out}/footnotes.yaml`, 'utf8')}- n: 4\n  text: lặp lại\n`);
      let thrown: unknown;
      try {
        loadContent(ROOT, broken.out);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ContentErrors);
      const { errors, message } = thrown as ContentErrors;
      expect(errors.map((e) => e.file)).toEqual(expect.arrayContaining([chapter, `${broken.out}/footnotes.yaml`]));
      expect(message).toMatch(/^Content errors \(\d+\):\n {2}- /u);
      expect(message).toContain(`${broken.out}/footnotes.yaml: [5].n: duplicate value 4`);
      expect(message).toContain(`${chapter}: frontmatter.order:`);
      expect(message).not.toMatch(/\n\s+at /u);
    } finally {
      broken.dispose();
    }
  });
});

describe('ContentReader', () => {
  it('reads and parses each file once, however many checks ask for it', () => {
    const copy = runImport(MINI_SOURCE);
    try {
      const reader = new ContentReader(ROOT, copy.out);
      const footnotes = reader.entries('footnotes');
      const chapter = reader.chapterFiles()[0];
      const split = reader.chapter(chapter);
      // Changed on disk after the first read: the reader keeps what it read, parsed once.
      writeFileSync(`${copy.out}/footnotes.yaml`, '- n: 1\n  text: khác\n');
      writeFileSync(chapter, '---\norder: 1\n---\nkhác\n');
      expect(reader.entries('footnotes')).toBe(footnotes);
      expect(reader.chapter(chapter)).toBe(split);
      expect(new ContentReader(ROOT, copy.out).entries('footnotes')).not.toEqual(footnotes);
    } finally {
      copy.dispose();
    }
  });

  it('gives the same error, naming the file, each time a broken file is asked for', () => {
    const reader = new ContentReader(ROOT, 'khong-co-thu-muc');
    expect(() => reader.entries('footnotes')).toThrow('khong-co-thu-muc/footnotes.yaml: (file): missing');
    expect(() => reader.entries('footnotes')).toThrow('khong-co-thu-muc/footnotes.yaml: (file): missing');
    expect(() => reader.chapterFiles()).toThrow('khong-co-thu-muc/chapters: (folder): missing');
  });
});

describe('chapterPath', () => {
  it('is the one way a chapter URL is written: slug between slashes, then the fragment', () => {
    expect(chapterPath('phan-thu-nhat/mo-dau')).toBe('/phan-thu-nhat/mo-dau/');
    expect(chapterPath('phan-thu-nhat/mo-dau', 'p1-d2')).toBe('/phan-thu-nhat/mo-dau/#p1-d2');
  });
});

describe('the checks of abbreviations.yaml and crosschecks.yaml, before the build', () => {
  const ABBR = 'content/abbreviations.yaml';
  const CROSS = 'content/crosschecks.yaml';

  it('names abbreviations.yaml and the entry when an abbreviation has no expansion', () => {
    const errors = validateMutated((root) => edit(root, ABBR, (t) => t.replace('  expansion: Hội đồng nhân dân\n', '')));
    expect(messagesFor(errors, ABBR)).toEqual([expect.stringMatching(/^content\/abbreviations\.yaml: \[1\]\.expansion: /u)]);
  });

  it('names abbreviations.yaml and the entry when an abbreviation is listed twice', () => {
    const errors = validateMutated((root) => edit(root, ABBR, (t) => t.replace('- id: ubnd\n  abbr: UBND', '- id: ubnd\n  abbr: HĐND')));
    expect(messagesFor(errors, ABBR)).toEqual(['content/abbreviations.yaml: [2].abbr: "HĐND" is also listed as hdnd']);
  });

  it('names crosschecks.yaml, the relation and the field when a relation names a figure that does not exist', () => {
    const errors = validateMutated((root) => edit(root, CROSS, (t) => t.replace('parts: [chi-tieu-2023-dat, chi-tieu-2023-vuot]', 'parts: [chi-tieu-2023-dat, khong-co]')));
    expect(messagesFor(errors, CROSS)).toEqual(['content/crosschecks.yaml: chi-tieu-2023-dat-va-vuot.parts[2]: there is no figure "khong-co" in content/figures/figures.yaml']);
  });

  it('names crosschecks.yaml and the field when a relation fails its schema', () => {
    const errors = validateMutated((root) => edit(root, CROSS, (t) => t.replace('  kind: sum\n  title: "Chỉ tiêu năm 2023: 13', '  kind: tong\n  title: "Chỉ tiêu năm 2023: 13')));
    expect(messagesFor(errors, CROSS)).toEqual([expect.stringMatching(/^content\/crosschecks\.yaml: chi-tieu-2023-dat-va-vuot\.kind: /u)]);
  });

  it('leaves the real content without error', () => {
    expect(() => loadContent(ROOT)).not.toThrow();
    expect(join(ROOT, loadContent(ROOT).sourceFile)).toMatch(/\.txt$/u);
  });
});
