// Espace patient, signed in: a welcome, a booking left to create the account (offered back),
// "Consulter maintenant, sans rendez-vous" (the immediate queue), "Prendre rendez-vous" with the
// home page's search (what most patients come back for), "Mes rendez-vous", the profile the
// patient is acting for ("pour qui ?", changed from the header), and the way to each account
// page.
import { useState } from 'preact/hooks';
import { HeroSearch } from '../components/HeroSearch';
import { Icon, type IconName } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { NowEntry } from '../components/queue/NowEntry';
import { useI18n } from '../i18n';
import { clearPendingBooking, loadPendingBooking } from '../lib/booking/pendingBooking';
import { fillText } from '../lib/format';
import { ROUTES, medicalPath } from '../lib/routes';
import { currentProfile, fullName, holderProfile, initials } from '../lib/account/session';
import { slotSentence } from '../lib/booking/slots';
import type { Me } from '../lib/account/types';

export function PatientHome({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const h = t.patientHome;
  const [pending, setPending] = useState(loadPendingBooking);
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
      <PageIntro
        title={t.patient.title}
        lead={holder ? fillText(h.hello, { name: holder.first_name }) : undefined}
      />
      <div class="container">
        {pending && (
          <section class="card resume-booking" aria-labelledby="resume-title">
            <Icon name="calendar" class="callout-icon" />
            <div>
              <h2 id="resume-title" class="small-title">
                {t.booking.resume.title}
              </h2>
              <p>
                {fillText(t.booking.resume.body, {
                  name: pending.practitionerName,
                  when: slotSentence(pending.start, lang),
                })}
              </p>
              <div class="card-actions">
                <a class="btn btn-primary" href={pending.path} data-testid="resume-booking">
                  {t.booking.resume.action}
                </a>
                <button
                  type="button"
                  class="btn btn-quiet"
                  onClick={() => {
                    clearPendingBooking();
                    setPending(null);
                  }}
                >
                  {t.booking.resume.dismiss}
                </button>
              </div>
            </div>
          </section>
        )}
        <NowEntry id="patient-now-title" />
        <section class="book-entry" aria-labelledby="book-title" data-testid="book-entry">
          <h2 id="book-title" class="book-entry-title">
            {h.bookTitle}
          </h2>
          <p class="muted">{h.bookLead}</p>
          <HeroSearch />
        </section>
        <section class="card appointments-link" aria-labelledby="appointments-link-title">
          <span class="feature-icon">
            <Icon name="calendar" />
          </span>
          <div>
            <h2 id="appointments-link-title" class="appointments-link-title">
              <a href={ROUTES.myAppointments} data-testid="my-appointments-link">
                {t.appointments.navLink}
              </a>
            </h2>
            <p class="muted">{t.appointments.homeCard}</p>
          </div>
          <Icon name="arrowRight" class="appointments-link-arrow" />
        </section>
        <section class="card appointments-link" aria-labelledby="documents-link-title">
          <span class="feature-icon">
            <Icon name="file" />
          </span>
          <div>
            <h2 id="documents-link-title" class="appointments-link-title">
              <a href={ROUTES.myDocuments} data-testid="my-documents-link">
                {t.myDocs.navLink}
              </a>
            </h2>
            <p class="muted">{t.myDocs.homeCard}</p>
          </div>
          <Icon name="arrowRight" class="appointments-link-arrow" />
        </section>
        <section class="card appointments-link" aria-labelledby="messages-link-title">
          <span class="feature-icon">
            <Icon name="message" />
          </span>
          <div>
            <h2 id="messages-link-title" class="appointments-link-title">
              <a href={ROUTES.messages} data-testid="my-messages-link">
                {t.messages.title}
              </a>
            </h2>
            <p class="muted">{t.messages.homeCard}</p>
          </div>
          <Icon name="arrowRight" class="appointments-link-arrow" />
        </section>
        <section class="card appointments-link" aria-labelledby="medical-link-title">
          <span class="feature-icon">
            <Icon name="activity" />
          </span>
          <div>
            <h2 id="medical-link-title" class="appointments-link-title">
              <a href={medicalPath(me.current_profile)} data-testid="medical-link">
                {t.medical.navLink}
              </a>
            </h2>
            <p class="muted">{t.medical.homeCard}</p>
          </div>
          <Icon name="arrowRight" class="appointments-link-arrow" />
        </section>
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
                <span class="muted">
                  {' '}
                  ·{' '}
                  {current.is_holder
                    ? t.profiles.you
                    : t.profiles.relationship[current.relationship]}
                </span>
              </p>
              <p class="muted small">{me.profiles.length > 1 ? h.switchHint : h.addHint}</p>
            </div>
            {me.profiles.length === 1 && (
              <a class="btn btn-secondary" href={ROUTES.relatives}>
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
