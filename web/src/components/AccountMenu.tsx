// The signed-in account menu, top right: who we act for ("pour qui ?": the holder and each
// proche, switched with POST /me/current-profile), the account pages, and "Se déconnecter".
// A disclosure (button + panel), not an ARIA menu: it holds a group of choices and links,
// and plain Tab order serves keyboard users best.
import { useLocation } from 'preact-iso';
import { useCallback, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { ROUTES, medicalPath } from '../lib/routes';
import { currentProfile, fullName, homeForRole, initials } from '../lib/account/session';
import type { Me } from '../lib/account/types';
import { Icon } from './Icon';
import { LanguageSwitch } from './LanguageSwitch';
import { UnreadBadge } from './messaging/UnreadBadge';
import { useSession } from './SessionProvider';
import { useDismiss } from './useDisclosure';

export function AccountMenu({
  me,
  open,
  setOpen,
  unread = null,
}: {
  me: Me;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Unread messages (the header's count): on phones the menu is the navigation. */
  unread?: number | null;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  const { route } = useLocation();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const close = useCallback(() => setOpen(false), [setOpen]);
  useDismiss(open, close, button, panel);

  const profile = currentProfile(me);
  const isPatient = me.account.role === 'patient';
  // An operator created from the command line may have no name: the email stands in.
  const named = profile !== undefined && fullName(profile) !== '';

  async function choose(id: string) {
    setError(null);
    try {
      await session.switchProfile(id);
    } catch (e) {
      setError(errorText(e, t.errors));
    }
  }

  async function logout() {
    setOpen(false);
    route(ROUTES.home);
    try {
      await session.logout();
    } catch (e) {
      setError(errorText(e, t.errors));
    }
  }

  const links = [
    { href: homeForRole(me.account.role), label: t.menu.myArea, show: true },
    { href: ROUTES.myAppointments, label: t.appointments.navLink, show: isPatient },
    { href: ROUTES.myDocuments, label: t.myDocs.navLink, show: isPatient },
    { href: medicalPath(me.current_profile), label: t.medical.navLink, show: isPatient },
    { href: ROUTES.messages, label: t.messages.navLink, show: isPatient, badge: true },
    {
      href: ROUTES.staffMessages,
      label: t.staffMessages.navLink,
      show: me.account.role === 'practitioner',
      badge: true,
    },
    { href: ROUTES.account, label: t.accountNav.identity, show: true },
    { href: ROUTES.relatives, label: t.accountNav.relatives, show: isPatient },
    { href: ROUTES.security, label: t.accountNav.security, show: true },
    { href: ROUTES.accessLog, label: t.accountNav.access, show: isPatient },
    { href: ROUTES.myData, label: t.accountNav.data, show: true },
  ].filter((l) => l.show);

  return (
    <div class="account-menu">
      <button
        ref={button}
        type="button"
        class="btn btn-quiet account-button"
        aria-expanded={open}
        aria-controls="account-panel"
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {named ? initials(profile) : (Array.from(me.account.email)[0] ?? '?').toUpperCase()}
        </span>
        <span class="account-name">
          {named ? (
            <>
              {profile.first_name} <span class="account-last">{profile.last_name}</span>
            </>
          ) : (
            me.account.email
          )}
        </span>
        <span class="visually-hidden">{t.menu.accountSuffix}</span>
        <UnreadBadge count={unread} />
      </button>
      <div ref={panel} id="account-panel" class={open ? 'account-panel is-open' : 'account-panel'}>
        <p class="account-email">{fillText(t.menu.signedInAs, { email: me.account.email })}</p>
        {isPatient && (
          <fieldset class="profile-switch">
            <legend>{t.menu.forWhom}</legend>
            <ul>
              {me.profiles.map((p) => {
                const selected = p.id === me.current_profile;
                return (
                  <li key={p.id}>
                    <button
                      type="button"
                      class="profile-choice"
                      aria-pressed={selected}
                      onClick={() => void choose(p.id)}
                    >
                      <span class="avatar" aria-hidden="true">
                        {initials(p)}
                      </span>
                      <span class="profile-choice-text">
                        <span class="profile-choice-name">{fullName(p)}</span>
                        <span class="profile-choice-rel">
                          {p.is_holder ? t.profiles.you : t.profiles.relationship[p.relationship]}
                        </span>
                      </span>
                      {selected && <Icon name="check" class="profile-choice-check" />}
                    </button>
                  </li>
                );
              })}
            </ul>
            <a class="link-arrow small" href={ROUTES.relatives}>
              {t.menu.addRelative}
            </a>
          </fieldset>
        )}
        <p role="status" class={error ? 'menu-error' : 'visually-hidden'}>
          {error ??
            (profile && me.profiles.length > 1
              ? fillText(t.menu.actingFor, { name: fullName(profile) })
              : '')}
        </p>
        <nav aria-label={t.menu.accountNav}>
          <ul class="account-links">
            {links.map((l) => (
              <li key={l.href}>
                <a href={l.href} onClick={close}>
                  {l.label}
                  {'badge' in l && <UnreadBadge count={unread} />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account-panel-foot">
          <LanguageSwitch class="only-mobile" />
          <button type="button" class="btn btn-secondary" onClick={() => void logout()}>
            {t.menu.logout}
          </button>
        </div>
      </div>
    </div>
  );
}
