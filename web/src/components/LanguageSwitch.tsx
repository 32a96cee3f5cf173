// One button that switches to the other language. Its visible text is the target language's
// own name ("English" / "Français") marked with that language, so screen readers say it right
// and the accessible name equals the visible label (WCAG 2.5.3).
import { useI18n } from '../i18n';
import type { Lang } from '../lib/lang';
import { Icon } from './Icon';

export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" class="btn btn-quiet lang-switch" lang={other} onClick={() => setLang(other)}>
      <Icon name="globe" />
      {t.common.switchLanguage}
    </button>
  );
}
