// The operator's pages, one link each, at the top of every operator page (the area tabs'
// look). Each part of the console adds its own link here.
import { useLocation } from 'preact-iso';
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';

export function OperatorNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const n = t.operatorNav;
  const links = [
    { href: ROUTES.operator, label: n.verify },
    { href: ROUTES.operatorAccounts, label: n.accounts },
    { href: ROUTES.operatorLog, label: n.log },
  ];
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
