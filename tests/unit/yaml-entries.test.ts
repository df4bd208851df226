import { describe, expect, it } from 'vitest';
import { ContentError, keyedEntries, parseYaml, singleEntry } from '../../src/data/yaml-entries';

const FILE = 'content/footnotes.yaml';

/** The ContentError that `fn` throws; fails the test when it throws something else or nothing. */
function contentError(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return e as ContentError;
  }
  throw new Error('expected a ContentError, but nothing was thrown');
}

describe('ContentError', () => {
  it('names the file and the field in its message, and keeps both as properties', () => {
    const e = new ContentError('content/report.yaml', 'session.number', 'must be a number');
    expect(e.message).toBe('content/report.yaml: session.number: must be a number');
    expect(e).toMatchObject({ name: 'ContentError', file: 'content/report.yaml', field: 'session.number' });
    expect(e).toBeInstanceOf(Error);
  });
});

describe('parseYaml', () => {
  it('parses valid YAML', () => {
    expect(parseYaml('- n: 1\n  text: Một\n', FILE)).toEqual([{ n: 1, text: 'Một' }]);
  });

  it('turns a syntax error into a ContentError naming the file and the line', () => {
    const e = contentError(() => parseYaml('- n: 1\n  text: "không đóng ngoặc\n- n: 2\n', FILE));
    expect(e.file).toBe(FILE);
    expect(e.field).toMatch(/^line \d+$/u);
    expect(e.message).toMatch(/^content\/footnotes\.yaml: line \d+: invalid YAML: /u);
  });

  it('names the line where the error stands', () => {
    expect(contentError(() => parseYaml('a: 1\nb: 2\nc: d: e\n', FILE)).field).toBe('line 3');
    expect(contentError(() => parseYaml('a: 1\nb: 2\n\tc: 3\n', FILE)).message).toMatch(/line 3: invalid YAML: Tabs are not allowed/u);
  });

  it('counts lines from `firstLine` when the YAML starts further down a file, in the field and in the message', () => {
    const e = contentError(() => parseYaml('a: 1\nb: c: d\n', 'content/chapters/x.mdx', 2));
    expect(e.field).toBe('line 3');
    expect(e.message).toMatch(/ at line 3, column \d+/u);
    expect(e.message).not.toMatch(/ at line 2\b/u);
  });

  it('rejects a key used twice in one mapping', () => {
    const e = contentError(() => parseYaml('n: 1\nn: 2\n', FILE));
    expect(e.message).toMatch(/invalid YAML: .*unique/iu);
    expect(e.field).toBe('line 2');
  });

  it('keeps the error message on one line', () => {
    expect(contentError(() => parseYaml('a: [', FILE)).message).not.toContain('\n');
  });
});

describe('keyedEntries', () => {
  it('keys each record of a YAML list by the given field', () => {
    expect(keyedEntries('- n: 1\n  text: Một\n- n: 2\n  text: Hai\n', FILE, 'n')).toEqual({
      '1': { n: 1, text: 'Một' },
      '2': { n: 2, text: 'Hai' },
    });
  });

  it('gives no entries for an empty list', () => {
    expect(keyedEntries('[]', FILE, 'n')).toEqual({});
  });

  it('reports invalid YAML with the file and the line', () => {
    const e = contentError(() => keyedEntries('- n: 1\n- n: [2\n', FILE, 'n'));
    expect(e.message).toMatch(/^content\/footnotes\.yaml: line \d+: invalid YAML/u);
  });

  it('names the entry that lacks the key', () => {
    const e = contentError(() => keyedEntries('- n: 1\n  text: Một\n- text: Hai\n', FILE, 'n'));
    expect(e.message).toBe('content/footnotes.yaml: [2].n: required field is missing');
  });

  it('takes an empty or null key for a missing one', () => {
    expect(contentError(() => keyedEntries('- id: ""\n', 'content/corrections.yaml', 'id')).field).toBe('[1].id');
    expect(contentError(() => keyedEntries('- n: ~\n', FILE, 'n')).field).toBe('[1].n');
  });

  it('names the entry whose key value is already used, so that no entry is overwritten', () => {
    const e = contentError(() => keyedEntries('- n: 1\n  text: Một\n- n: 2\n  text: Hai\n- n: 1\n  text: Lại một\n', FILE, 'n'));
    expect(e.message).toBe('content/footnotes.yaml: [3].n: duplicate value 1');
  });

  it('rejects a root that is not a list', () => {
    expect(contentError(() => keyedEntries('n: 1\ntext: Một\n', FILE, 'n')).message).toBe('content/footnotes.yaml: (root): must be a YAML list');
    expect(contentError(() => keyedEntries('', FILE, 'n')).field).toBe('(root)');
  });

  it('rejects a list item that is not a mapping', () => {
    expect(contentError(() => keyedEntries('- n: 1\n- chỉ là chữ\n', FILE, 'n')).message).toBe('content/footnotes.yaml: [2]: must be a mapping');
    expect(contentError(() => keyedEntries('- [1, 2]\n', FILE, 'n')).field).toBe('[1]');
  });
});

describe('singleEntry', () => {
  it('wraps one mapping as one entry with the given id', () => {
    expect(singleEntry('title: Báo cáo\n', 'content/report.yaml', 'report')).toEqual({ report: { title: 'Báo cáo' } });
  });

  it('rejects a list, a scalar or an empty file at the root', () => {
    for (const text of ['- a\n', 'chữ\n', '']) {
      expect(contentError(() => singleEntry(text, 'content/report.yaml', 'report')).message).toBe('content/report.yaml: (root): must be a YAML mapping');
    }
  });

  it('reports invalid YAML with the file and the line', () => {
    expect(contentError(() => singleEntry('title: [\n', 'content/report.yaml', 'report')).message).toMatch(/^content\/report\.yaml: line \d+: invalid YAML/u);
  });
});
