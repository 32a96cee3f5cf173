// Frame of the account pages (/compte/…): signed-in only, the page heading, the account
// navigation (a side column on desktop, wrapped pills on phones) and the page's content.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import type { Me, Role } from '../lib/account/types';
import { PageIntro } from './Page';
import { RequireAuth } from './RequireAuth';

export function AccountLayout({
  title,
  lead,
  roles,
  children,
}: {
  title: string;
  lead?: string;
  roles?: Role[];
  children: (me: Me) => ComponentChildren;
}) {
  return (
    <RequireAuth title={title} roles={roles}>
      {(me) => (
        <>
          <PageIntro title={title} lead={lead} />
          <div class="container account-grid">
            <AccountNav me={me} />
            <div class="account-content">{children(me)}</div>
          </div>
        </>
      )}
    </RequireAuth>
  );
}

function AccountNav({ me }: { me: Me }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const patient = me.account.role === 'patient';
  const links = [
    { href: ROUTES.account, label: t.accountNav.identity, show: true },
    { href: ROUTES.relatives, label: t.accountNav.relatives, show: patient },
    { href: ROUTES.security, label: t.accountNav.security, show: true },
    { href: ROUTES.accessLog, label: t.accountNav.access, show: patient },
    { href: ROUTES.benefits, label: t.benefits.nav, show: patient },
    { href: ROUTES.myData, label: t.accountNav.data, show: true },
  ];
  return (
    <nav class="account-nav" aria-label={t.accountNav.label}>
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => {
            const current =
              path === l.href ||
              (l.href === ROUTES.relatives && path.startsWith(`${ROUTES.relatives}/`));
            return (
              <li key={l.href}>
                <a href={l.href} aria-current={current ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
