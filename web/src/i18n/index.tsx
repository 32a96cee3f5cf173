// Language context: the current language, its messages and a setter that persists the choice
// and keeps <html lang> in sync (screen readers pick their voice from it).
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { setApiLang } from '../lib/api';
import { loadLang, safeStorage, saveLang, type Lang } from '../lib/lang';
import { frenchSpacing, mapStrings } from '../lib/typography';
import { en } from './en';
import { fr, type Messages } from './fr';

export const MESSAGES: Record<Lang, Messages> = { fr: mapStrings(fr, frenchSpacing), en };

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  // The API client learns the language synchronously (not in an effect): children's effects
  // run before this provider's, and their first request must already carry the right language.
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = loadLang(safeStorage());
    setApiLang(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    saveLang(safeStorage(), next);
    setApiLang(next);
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, t: MESSAGES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}
