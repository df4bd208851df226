/**
 * The reading settings dialog (src/reading/ReadingSettings.astro): each radio group sets one
 * setting, applies it to <html> at once and remembers it on the device.
 */
import { ATTRIBUTES, DEFAULTS, STORAGE_KEYS, parseSetting, type ReadingSettings } from '../settings';

function read(): ReadingSettings {
  const get = (key: keyof ReadingSettings) => {
    try {
      return window.localStorage.getItem(STORAGE_KEYS[key]);
    } catch {
      return null;
    }
  };
  return { theme: parseSetting('theme', get('theme')), size: parseSetting('size', get('size')), leading: parseSetting('leading', get('leading')) };
}

function apply<K extends keyof ReadingSettings>(key: K, value: ReadingSettings[K]) {
  const root = document.documentElement;
  if (value === DEFAULTS[key]) root.removeAttribute(ATTRIBUTES[key]);
  else root.setAttribute(ATTRIBUTES[key], value);
  try {
    if (value === DEFAULTS[key]) window.localStorage.removeItem(STORAGE_KEYS[key]);
    else window.localStorage.setItem(STORAGE_KEYS[key], value);
  } catch {
    // Not remembered, but applied to this page.
  }
}

let ready = false;

export function initReadingSettings() {
  if (ready) return;
  const form = document.querySelector<HTMLElement>('.reading-settings');
  if (!form) return;
  ready = true;
  const current = read();
  for (const key of Object.keys(STORAGE_KEYS) as (keyof ReadingSettings)[]) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${key}"][value="${current[key]}"]`);
    if (input) input.checked = true;
  }
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const key = input.name as keyof ReadingSettings;
    if (!(key in STORAGE_KEYS)) return;
    apply(key, parseSetting(key, input.value));
  });
}
