// Frame of the practitioner area's pages (/praticien, /praticien/agenda, …): signed in as a
// practitioner or an assistant, the page heading, then the area's tabs (Accueil, Agenda,
// Horaires, Consultations du jour, Consultations immédiates, Profil public — the last two are the
// practitioner's own, not the assistants'), then the page, full width (the agenda's week needs it).
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import type { Me, Role } from '../lib/account/types';
import { UnreadBadge } from './messaging/UnreadBadge';
import { useUnread } from './messaging/useUnread';
import { PageIntro } from './Page';
import { RequireAuth } from './RequireAuth';

export function AreaTabs({ me }: { me: Me }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const n = t.areaNav;
  const own = me.account.role === 'practitioner';
  // Only the practitioner's own count: an assistant never reads messages.
  const unread = useUnread(own);
  const links = [
    { href: ROUTES.practitioner, label: n.home },
    { href: ROUTES.agenda, label: n.agenda },
    { href: ROUTES.agendaHours, label: n.hours },
    { href: ROUTES.consultations, label: n.consultations },
    { href: ROUTES.staffMessages, label: t.staffMessages.navLink, badge: own },
    // The queue shows patients' reasons: the practitioner's own, never an assistant's.
    ...(me.account.role === 'practitioner'
      ? [
          { href: ROUTES.practitionerQueue, label: t.queue.staff.nav },
          { href: ROUTES.practitionerProfile, label: n.profile },
        ]
      : []),
  ];
  return (
    <nav class="area-tabs" aria-label={n.label}>
      <div class="container">
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                {l.label}
                {'badge' in l && l.badge && <UnreadBadge count={unread} />}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

export function PractitionerLayout({
  title,
  lead,
  roles = ['practitioner', 'assistant'],
  children,
}: {
  title: string;
  lead?: string | ((me: Me) => string);
  roles?: Role[];
  children: (me: Me) => ComponentChildren;
}) {
  return (
    <RequireAuth title={title} roles={roles}>
      {(me) => (
        <>
          <PageIntro title={title} lead={typeof lead === 'function' ? lead(me) : lead} compact />
          <AreaTabs me={me} />
          <div class="container area-content">{children(me)}</div>
        </>
      )}
    </RequireAuth>
  );
}
