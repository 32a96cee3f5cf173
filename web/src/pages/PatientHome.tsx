// Espace patient, signed in: a welcome, the profile the patient is acting for ("pour qui ?",
// changed from the header), and the way to each account page.
import { Icon, type IconName } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { currentProfile, fullName, holderProfile, initials } from '../lib/session';
import type { Me } from '../lib/types';

export function PatientHome({ me }: { me: Me }) {
  const { t } = useI18n();
  const h = t.patientHome;
  const holder = holderProfile(me);
  const current = currentProfile(me);
  const cards: Array<{ href: string; icon: IconName; title: string; body: string }> = [
    { href: ROUTES.relatives, icon: 'users', title: t.accountNav.relatives, body: h.relatives },
    { href: ROUTES.account, icon: 'user', title: t.accountNav.identity, body: h.identity },
    { href: ROUTES.security, icon: 'lock', title: t.accountNav.security, body: h.security },
    { href: ROUTES.accessLog, icon: 'eye', title: t.accountNav.access, body: h.access },
  ];
  return (
    <>
      <PageIntro title={t.patient.title} lead={holder ? fillText(h.hello, { name: holder.first_name }) : undefined} />
      <div class="container">
        {current && (
          <section class="card current-profile" aria-labelledby="current-title">
            <span class="avatar avatar-large" aria-hidden="true">
              {initials(current)}
            </span>
            <div>
              <h2 id="current-title" class="small-title">
                {h.actingFor}
              </h2>
              <p class="current-name">
                {fullName(current)}
                <span class="muted"> · {current.is_holder ? t.profiles.you : t.profiles.relationship[current.relationship]}</span>
              </p>
              <p class="muted small">{me.profiles.length > 1 ? h.switchHint : h.addHint}</p>
            </div>
            {me.profiles.length === 1 && (
              <a class="btn btn-primary" href={ROUTES.relatives}>
                {h.addRelative}
              </a>
            )}
          </section>
        )}
      </div>
      <Section id="patient-account" title={h.accountTitle}>
        <ul class="card-grid cols-4 link-cards">
          {cards.map((c) => (
            <li key={c.href} class="card link-card">
              <span class="feature-icon">
                <Icon name={c.icon} />
              </span>
              <h3>
                <a href={c.href}>{c.title}</a>
              </h3>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
        <p class="section-foot">
          {h.data} <a href={ROUTES.myData}>{t.accountNav.data}</a>
        </p>
      </Section>
    </>
  );
}
