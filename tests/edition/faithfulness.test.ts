/**
 * This edition's facts about its source and footnotes (moved from tests/unit/faithfulness.test.ts,
 * whose general checks run on any content folder).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footnoteSchema } from '../../src/schemas/footnote';
import { keyedEntries } from '../../src/data/yaml-entries';
import { contentWords, readSource, ROOT } from '../support/faithful';

const source = readSource();
const actual = contentWords();

describe('the footnote markers', () => {
  it('reference each of the 66 footnotes exactly once, in the source order', () => {
    expect(actual.markers.map((m) => m.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });
});

describe('content/footnotes.yaml', () => {
  const entries = Object.values(keyedEntries(readFileSync(join(ROOT, 'content/footnotes.yaml'), 'utf8'), 'content/footnotes.yaml', 'n')).map(
    (e) => footnoteSchema.parse(e),
  );

  it('has exactly 66 entries, numbered 1 to 66', () => {
    expect(entries.map((f) => f.n)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
  });

  it('gives every footnote word for word as the source does, including 9 and 36 across the page break', () => {
    for (const f of source.footnotes) {
      expect(entries[f.n - 1].text, `footnote ${f.n}`).toBe(f.text);
    }
    expect(entries[8].text).toMatch(/Thương vụ, doanh nghiệp xuất nhập khẩu/u);
    expect(entries[35].text).toMatch(/giấy chứng sinh, giấy báo tử/u);
  });
});

describe('content/source', () => {
  it('is the extracted report text, unchanged (SHA-256 pinned)', () => {
    const bytes = readFileSync(join(ROOT, 'content/source/000_6f843c5cfe42939f.txt'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('f94e36af2fd4315b43b05a910eb233aa1cac2155070c4ed3d4d09b9691113bfb');
  });
});
