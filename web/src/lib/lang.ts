// Language choice: which languages exist, how the choice is read and saved.
// Kept free of Preact so that it can be unit-tested in Node.

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** French is the default whatever the browser says: the product is French first. */
export const DEFAULT_LANG: Lang = 'fr';

/** localStorage key; namespaced so it cannot collide with anything the server adds later. */
export const LANG_STORAGE_KEY = 'cabinet.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Minimal view of Storage, so tests can pass a plain object. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Storage can be missing or throw (private browsing, disabled cookies): never let that break the page. */
export function safeStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadLang(store: KeyValueStore | null): Lang {
  try {
    const saved = store?.getItem(LANG_STORAGE_KEY);
    return isLang(saved) ? saved : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function saveLang(store: KeyValueStore | null, lang: Lang): void {
  try {
    store?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Quota or privacy mode: the choice then lasts for this page view only, which is acceptable.
  }
}
