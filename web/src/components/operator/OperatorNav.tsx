// The operator's pages, one link each, at the top of every operator page (the area tabs'
// look). A partner administrator sees only its partner's statistics.
import { useLocation } from 'preact-iso';
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';
import { useSession } from '../SessionProvider';

export function OperatorNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const { state } = useSession();
  const role = state.status === 'signedIn' ? state.me.account.role : null;
  const n = t.operatorNav;
  const links =
    role === 'operator'
      ? [
          { href: ROUTES.operator, label: n.verify },
          { href: ROUTES.operatorAccounts, label: n.accounts },
          { href: ROUTES.operatorStats, label: n.stats },
          { href: ROUTES.operatorPartners, label: n.partners },
          { href: ROUTES.operatorSettings, label: n.settings },
          { href: ROUTES.operatorLog, label: n.log },
        ]
      : [{ href: ROUTES.operatorStats, label: n.stats }];
  return (
    <nav class="area-tabs" aria-label={n.label}>
      <div class="container">
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
