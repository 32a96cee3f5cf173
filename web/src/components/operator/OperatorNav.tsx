// The operator's pages, linked at the top of each (the verifications, the statistics, and the
// other parts of the console as they come). A partner administrator sees its statistics only.
import { useLocation } from 'preact-iso';
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';
import { useSession } from '../SessionProvider';

export function OperatorNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { state } = useSession();
  const role = state.status === 'signedIn' ? state.me.account.role : null;
  const links = [
    ...(role === 'operator' ? [{ href: ROUTES.operator, label: t.operatorNav.home }] : []),
    { href: ROUTES.operatorStats, label: t.operatorNav.stats },
  ];
  return (
    <nav class="operator-nav container" aria-label={t.operatorNav.label}>
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={path === l.href ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
