import { describe, expect, it } from 'vitest';
import { getChapters, getFootnotes } from '../../src/data/content';

describe('content collections', () => {
  it('reads the chapters and the 66 footnotes', async () => {
    expect((await getChapters()).length).toBe(11);
    expect((await getFootnotes()).length).toBe(66);
  });
});
