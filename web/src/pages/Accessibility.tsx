// Déclaration d'accessibilité, in the structure the RGAA asks for: status, results,
// non-accessible content, how the statement was made, contact and legal remedies.
import { PageIntro } from '../components/Page';
import { Prose } from '../components/Prose';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';

export function AccessibilityPage() {
  const { t } = useI18n();
  const a = t.a11y;
  const pages = [
    { href: ROUTES.home, label: a.homePage },
    { href: ROUTES.search, label: t.search.title },
    { href: ROUTES.patient, label: t.nav.patient },
    { href: ROUTES.practitioner, label: t.nav.practitioner },
    { href: ROUTES.operator, label: t.nav.operator },
    { href: ROUTES.signup, label: t.signup.title },
    { href: ROUTES.login, label: t.login.title },
    { href: ROUTES.account, label: t.accountNav.label },
    { href: ROUTES.legal, label: t.footer.legal },
    { href: ROUTES.privacy, label: t.footer.privacy },
    { href: ROUTES.accessibility, label: a.title },
  ];
  return (
    <>
      <PageIntro title={a.title} lead={a.lead} />
      <Prose>
        <h2>{a.statusTitle}</h2>
        <p class="status-badge">{a.status}</p>
        <h2>{a.resultsTitle}</h2>
        <p>{a.results}</p>
        <h3>{a.pagesTitle}</h3>
        <ul>
          {pages.map((p) => (
            <li key={p.href}>
              <a href={p.href}>{p.label}</a>
            </li>
          ))}
          <li>{a.notFoundPage}</li>
        </ul>
        <h2>{a.gapsTitle}</h2>
        <p>{a.gaps}</p>
        <h2>{a.methodTitle}</h2>
        <ul>
          <li>{a.method.date}</li>
          <li>{a.method.tech}</li>
          <li>{a.method.env}</li>
          <li>{a.method.tools}</li>
        </ul>
        <h2>{a.contactTitle}</h2>
        <p>{a.contact}</p>
        <h2>{a.remedyTitle}</h2>
        <p>{a.remedy}</p>
        <ul>
          <li>
            <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener noreferrer">
              {a.remedyOnline}
            </a>
          </li>
          <li>{a.remedyPhone}</li>
          <li>{a.remedyMail}</li>
        </ul>
      </Prose>
    </>
  );
}
