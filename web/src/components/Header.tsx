// Site header: wordmark, navigation, the account area (signed out: "Se connecter" and
// "Créer un compte"; signed in: the account menu with the profile switch), language switch.
// Below the tablet breakpoint the navigation folds behind a "Menu" disclosure button (CSS
// decides when); only one of the two panels is open at a time.
import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import { homeForRole } from '../lib/account/session';
import { AccountMenu } from './AccountMenu';
import { useBrand } from './BrandProvider';
import { UnreadBadge } from './messaging/UnreadBadge';
import { useUnread } from './messaging/useUnread';
import { Icon } from './Icon';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './SessionProvider';
import { useDismiss } from './useDisclosure';

type Panel = 'nav' | 'account' | null;

export function Header() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { state } = useSession();
  const brand = useBrand();
  const [open, setOpen] = useState<Panel>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const closeNav = useCallback(() => setOpen((o) => (o === 'nav' ? null : o)), []);
  const setAccountOpen = useCallback((v: boolean) => setOpen(v ? 'account' : null), []);

  // A followed link closes the panels: the new page should not open under one.
  useEffect(() => setOpen(null), [path]);
  useDismiss(open === 'nav', closeNav, toggle, nav);

  const signedIn = state.status === 'signedIn' ? state.me : null;
  const role = signedIn?.account.role;
  // "Messages" with its unread count, live: the patient's and the practitioner's own.
  const messaging = role === 'patient' || role === 'practitioner';
  const unread = useUnread(messaging);
  const messagesHref = role === 'patient' ? ROUTES.messages : ROUTES.staffMessages;
  const links = signedIn
    ? [
        { href: homeForRole(signedIn.account.role), label: t.nav[areaKey(signedIn.account.role)] },
        ...(messaging ? [{ href: messagesHref, label: t.messages.navLink, badge: true }] : []),
      ]
    : [
        { href: ROUTES.patient, label: t.nav.patient },
        { href: ROUTES.practitioner, label: t.nav.practitioner },
        { href: ROUTES.operator, label: t.nav.operator },
      ];

  return (
    <header class="site-header">
      <div class="container header-bar">
        <a href={ROUTES.home} class="brand" aria-label={brand ? brand.name : t.common.logoLabel}>
          <img src={brand?.logo_url ?? '/favicon.svg'} alt="" height={32} class="brand-logo" />
          <span class="brand-name" data-testid="brand-name">
            {brand ? brand.name : 'Cabinet'}
          </span>
        </a>
        <nav
          ref={nav}
          id="site-nav"
          class={open === 'nav' ? 'site-nav is-open' : 'site-nav'}
          aria-label={t.common.mainNav}
        >
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <a
                  href={l.href}
                  aria-current={path === l.href ? 'page' : undefined}
                  data-testid={'badge' in l ? 'nav-messages' : undefined}
                >
                  {l.label}
                  {'badge' in l && <UnreadBadge count={unread} />}
                </a>
              </li>
            ))}
            {!signedIn && (
              <li class="only-mobile">
                <a href={ROUTES.signup} aria-current={path === ROUTES.signup ? 'page' : undefined}>
                  {t.header.signup}
                </a>
              </li>
            )}
          </ul>
          {!signedIn && <LanguageSwitch class="only-mobile nav-lang" />}
        </nav>
        {signedIn ? (
          <AccountMenu
            me={signedIn}
            open={open === 'account'}
            setOpen={setAccountOpen}
            unread={unread}
          />
        ) : (
          <div class={state.status === 'loading' ? 'header-auth is-loading' : 'header-auth'}>
            <a class="btn btn-quiet header-login" href={ROUTES.login}>
              <span class="long-label">{t.header.login}</span>
              <span class="short-label">{t.header.loginShort}</span>
            </a>
            <a class="btn btn-secondary header-signup not-mobile" href={ROUTES.signup}>
              {t.header.signup}
            </a>
          </div>
        )}
        <LanguageSwitch class="not-mobile" />
        {!signedIn && (
          <button
            ref={toggle}
            type="button"
            class="btn btn-quiet menu-toggle"
            aria-expanded={open === 'nav'}
            aria-controls="site-nav"
            onClick={() => setOpen((o) => (o === 'nav' ? null : 'nav'))}
          >
            <Icon name={open === 'nav' ? 'close' : 'menu'} />
            {t.common.menu}
          </button>
        )}
      </div>
    </header>
  );
}

function areaKey(
  role: 'patient' | 'practitioner' | 'assistant' | 'operator' | 'partner_admin',
): 'patient' | 'practitioner' | 'operator' {
  if (role === 'partner_admin') return 'operator';
  return role === 'assistant' ? 'practitioner' : role;
}
