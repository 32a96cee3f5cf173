import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANG,
  LANG_STORAGE_KEY,
  isLang,
  loadLang,
  saveLang,
  type KeyValueStore,
} from './lang';
import { fill, pageTitle } from './format';
import { frenchSpacing, mapStrings } from './typography';

function memoryStore(
  initial: Record<string, string> = {},
): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

describe('language persistence', () => {
  it('defaults to French, whatever is stored or missing', () => {
    expect(DEFAULT_LANG).toBe('fr');
    expect(loadLang(null)).toBe('fr');
    expect(loadLang(memoryStore())).toBe('fr');
    expect(loadLang(memoryStore({ [LANG_STORAGE_KEY]: 'de' }))).toBe('fr');
  });

  it('round-trips a saved choice', () => {
    const store = memoryStore();
    saveLang(store, 'en');
    expect(store.data[LANG_STORAGE_KEY]).toBe('en');
    expect(loadLang(store)).toBe('en');
  });

  it('survives a storage that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadLang(broken)).toBe('fr');
    expect(() => saveLang(broken, 'en')).not.toThrow();
  });

  it('recognises only supported languages', () => {
    expect(isLang('fr')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('FR')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });
});

describe('fill', () => {
  it('replaces tokens and keeps the surrounding text', () => {
    expect(fill('appelez le {a} ou le {b}.', { a: '15', b: '112' }).join('')).toBe(
      'appelez le 15 ou le 112.',
    );
  });

  it('leaves unknown tokens visible', () => {
    expect(fill('x {missing} y', {}).join('')).toBe('x {missing} y');
  });
});

describe('pageTitle', () => {
  it('uses the home title for the home page and a suffix elsewhere', () => {
    expect(pageTitle(null, 'Home', ' — Cabinet')).toBe('Home');
    expect(pageTitle('Espace patient', 'Home', ' — Cabinet')).toBe('Espace patient — Cabinet');
  });
});

describe('frenchSpacing', () => {
  it('binds punctuation and guillemets to their words', () => {
    expect(frenchSpacing('Vous êtes praticien ?')).toBe('Vous êtes praticien\u00a0?');
    expect(frenchSpacing('Urgence : appelez')).toBe('Urgence\u00a0: appelez');
    expect(frenchSpacing('« Tester mon matériel »')).toBe('«\u00a0Tester mon matériel\u00a0»');
    expect(frenchSpacing('Cabinet — Téléconsultation')).toBe('Cabinet — Téléconsultation');
  });

  it('maps every leaf and keeps the shape', () => {
    expect(mapStrings({ a: 'x ?', b: { c: 'y !' } }, frenchSpacing)).toEqual({
      a: 'x\u00a0?',
      b: { c: 'y\u00a0!' },
    });
  });
});
