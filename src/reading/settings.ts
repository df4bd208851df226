/**
 * The reader's display settings, remembered on the device (localStorage) and applied as
 * attributes of <html>: read before first paint by client/boot.js, changed by the settings
 * dialog (ReadingSettings.astro, client/settings.ts). The CSS is reading.css.
 * boot.js is a plain script, shipped as written (imported with ?url in Base.astro), that
 * cannot import this module: it repeats the storage keys and the allowed values, and
 * tests/unit/reading-settings.test.ts checks that the two agree. It is the one blocking
 * script, so that the saved theme and size show without a flash; it also marks that
 * scripts run (class "js" on <html>), and ignores storage that is blocked.
 */

/** The themes; "auto" follows the device's prefers-color-scheme and sets no attribute. */
export const THEMES = ['auto', 'light', 'dark', 'sepia'] as const;
/** Text sizes: 0 is the default, 1–3 larger (reading.css). */
export const TEXT_SIZES = ['0', '1', '2', '3'] as const;
/** Line spacing. */
export const LEADINGS = ['normal', 'wide'] as const;

export type Theme = (typeof THEMES)[number];
export type TextSize = (typeof TEXT_SIZES)[number];
export type Leading = (typeof LEADINGS)[number];

export interface ReadingSettings {
  theme: Theme;
  size: TextSize;
  leading: Leading;
}

export const DEFAULTS: ReadingSettings = { theme: 'auto', size: '0', leading: 'normal' };

/** localStorage key of each setting. */
export const STORAGE_KEYS: Record<keyof ReadingSettings, string> = {
  theme: 'reading.theme',
  size: 'reading.size',
  leading: 'reading.leading',
};

/** The <html> attribute of each setting; absent when the setting has its default value. */
export const ATTRIBUTES: Record<keyof ReadingSettings, string> = {
  theme: 'data-theme',
  size: 'data-text-size',
  leading: 'data-leading',
};

const ALLOWED: { [K in keyof ReadingSettings]: readonly ReadingSettings[K][] } = {
  theme: THEMES,
  size: TEXT_SIZES,
  leading: LEADINGS,
};

/** A stored value read back: the default when it is missing or not one of the allowed values. */
export function parseSetting<K extends keyof ReadingSettings>(key: K, value: string | null | undefined): ReadingSettings[K] {
  return (ALLOWED[key] as readonly string[]).includes(value ?? '') ? (value as ReadingSettings[K]) : DEFAULTS[key];
}

/** The attribute values for settings: null where the default applies (no attribute). */
export function attributesFor(settings: ReadingSettings): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(ATTRIBUTES) as (keyof ReadingSettings)[]) {
    out[ATTRIBUTES[key]] = settings[key] === DEFAULTS[key] ? null : settings[key];
  }
  return out;
}
