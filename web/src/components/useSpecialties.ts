// The specialties of GET /specialties ({"items": [...]}, docs/directory.md), in the user's
// language. Loaded once per language and shared by the pages that need them.
import type { Specialty } from '../lib/directory/directory';
import type { Lang } from '../lib/lang';
import { useLoad, type Loaded } from './useLoad';
import { fetchSpecialties } from '../lib/directory/api';

const cache = new Map<Lang, Promise<Specialty[]>>();

export function loadSpecialties(lang: Lang): Promise<Specialty[]> {
  let p = cache.get(lang);
  if (!p) {
    p = fetchSpecialties();
    // A failure is not cached: the next page (or "Réessayer") asks again.
    p.catch(() => cache.delete(lang));
    cache.set(lang, p);
  }
  return p;
}

export function useSpecialties(lang: Lang): Loaded<Specialty[]> {
  return useLoad(() => loadSpecialties(lang), [lang]);
}

/** A specialty's label, or its id while the list loads (or if it is unknown). */
export function specialtyLabel(list: Specialty[] | undefined, id: string): string {
  return list?.find((s) => s.id === id)?.label ?? id;
}
