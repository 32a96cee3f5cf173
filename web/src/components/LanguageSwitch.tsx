// One button that switches to the other language. Its visible text is the target language's
// own name ("English" / "Français") marked with that language, so screen readers say it right
// and the accessible name equals the visible label (WCAG 2.5.3). Signed in, the account's
// language follows (emails are written in it), without making the switch wait for it.
import { useI18n } from '../i18n';
import type { Lang } from '../lib/lang';
import { Icon } from './Icon';
import { useSession } from './SessionProvider';
import { updateMe } from '../lib/account/api';

export function LanguageSwitch({ class: cls }: { class?: string }) {
  const { lang, t, setLang } = useI18n();
  const { state, session } = useSession();
  const other: Lang = lang === 'fr' ? 'en' : 'fr';

  function change() {
    setLang(other);
    if (state.status === 'signedIn' && state.me.account.locale !== other) {
      updateMe({ locale: other }).then(
        (me) => session.setMe(me),
        () => undefined, // the page already speaks the new language; the account catches up next time
      );
    }
  }

  return (
    <button
      type="button"
      class={cls ? `btn btn-quiet lang-switch ${cls}` : 'btn btn-quiet lang-switch'}
      lang={other}
      onClick={change}
    >
      <Icon name="globe" />
      {t.common.switchLanguage}
    </button>
  );
}
