// The type system already forces en to have fr's keys; these tests guard what types cannot:
// empty strings, leftover placeholders, and the titles other teams and tests rely on.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const frLeaves = leaves(fr);
const enLeaves = leaves(en);

describe('messages', () => {
  it('has exactly the same keys in French and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...frLeaves.keys()].sort());
  });

  it('has no empty or placeholder text', () => {
    for (const [path, text] of [...frLeaves, ...enLeaves]) {
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/lorem|ipsum|TODO|coming soon|bientôt disponible/i);
    }
  });

  it('uses the same {tokens} in both languages', () => {
    const tokens = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [path, text] of frLeaves) {
      expect(tokens(enLeaves.get(path) ?? ''), path).toEqual(tokens(text));
    }
  });

  it('carries the product titles and hero', () => {
    expect(fr.meta.homeTitle).toBe('Cabinet — Téléconsultation avec votre praticien');
    expect(en.meta.homeTitle).toBe('Cabinet — Video consultation with your practitioner');
    expect(fr.home.title).toBe('Trouvez un praticien et consultez en vidéo');
    expect(fr.common.skipLink).toBe('Aller au contenu');
  });

  it('labels the language switch with the other language, in that language', () => {
    expect(fr.common.switchLanguage).toBe(en.meta.langName);
    expect(en.common.switchLanguage).toBe(fr.meta.langName);
  });
});
