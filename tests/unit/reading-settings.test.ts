/**
 * The reading settings: the blocking boot script (src/reading/client/boot.js, plain JS)
 * and the settings module agree on the storage keys, the attributes and the allowed values;
 * boot.js applies saved values, ignores bad ones and survives blocked storage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, DEFAULTS, LEADINGS, STORAGE_KEYS, TEXT_SIZES, THEMES, attributesFor, parseSetting } from '../../src/reading/settings';
import { ROOT } from '../support/site';

const BOOT = readFileSync(join(ROOT, 'src/reading/client/boot.js'), 'utf8');

/** Runs boot.js against a fake <html> and storage; returns the attributes and classes it set. */
function boot(stored: Record<string, string>, storageThrows = false) {
  const attrs: Record<string, string> = {};
  const classes: string[] = [];
  const documentElement = { setAttribute: (k: string, v: string) => (attrs[k] = v), classList: { add: (c: string) => classes.push(c) } };
  const localStorage = {
    getItem: (k: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return stored[k] ?? null;
    },
  };
  runInNewContext(BOOT, { document: { documentElement }, localStorage });
  return { attrs, classes };
}

describe('reading settings', () => {
  it('boot.js applies every non-default value of each setting, with the keys and attributes of settings.ts', () => {
    const all = { theme: THEMES, size: TEXT_SIZES, leading: LEADINGS } as const;
    for (const key of Object.keys(all) as (keyof typeof all)[]) {
      for (const value of all[key]) {
        const { attrs } = boot({ [STORAGE_KEYS[key]]: value });
        expect(attrs, `${key}=${value}`).toEqual(value === DEFAULTS[key] ? {} : { [ATTRIBUTES[key]]: value });
        expect(attributesFor({ ...DEFAULTS, [key]: value })[ATTRIBUTES[key]]).toBe(value === DEFAULTS[key] ? null : value);
      }
    }
  });

  it('boot.js marks that scripts run, ignores unknown values and blocked storage', () => {
    expect(boot({ 'reading.theme': 'purple', 'reading.size': '9' })).toEqual({ attrs: {}, classes: ['js'] });
    expect(boot({ 'reading.theme': 'dark' }, true)).toEqual({ attrs: {}, classes: ['js'] });
  });

  it('reads a stored value back, the default for anything else', () => {
    expect(parseSetting('theme', 'sepia')).toBe('sepia');
    expect(parseSetting('theme', null)).toBe('auto');
    expect(parseSetting('size', '4')).toBe('0');
    expect(parseSetting('leading', 'wide')).toBe('wide');
  });

  it('has 4 text sizes and 3 themes besides following the device', () => {
    expect(TEXT_SIZES).toHaveLength(4);
    expect(THEMES.filter((t) => t !== 'auto')).toEqual(['light', 'dark', 'sepia']);
  });
});
