// Links between the operator's pages, at the top of each of them.
import { useLocation } from 'preact-iso';
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';

export function OperatorNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const links = [
    { href: ROUTES.operator, label: t.operatorNav.home },
    { href: ROUTES.operatorPartners, label: t.operatorNav.partners },
  ];
  return (
    <nav aria-label={t.operatorNav.label} class="container area-tabs operator-nav">
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
