// Espace praticien, signed in. A practitioner sees their verification status first ("En
// attente de vérification", "Vérifié", or the reason of a refusal), their RPPS and
// specialty, and their assistants; an assistant sees whom they work for. Both are invited
// to protect the account with an authenticator app.
import { Assistants } from '../components/Assistants';
import { Icon, type IconName } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { AreaTabs } from '../components/PractitionerArea';
import { TeleShareCard } from '../components/TeleShareCard';
import { specialtyLabel, useSpecialties } from '../components/useSpecialties';
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { fullName, holderProfile } from '../lib/account/session';
import type { Me, VerificationStatus } from '../lib/account/types';

const TONES: Record<VerificationStatus, { tone: string; icon: IconName }> = {
  pending: { tone: 'warning', icon: 'clock' },
  verified: { tone: 'success', icon: 'check' },
  rejected: { tone: 'danger', icon: 'alert' },
};

export function PractitionerHome({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const h = t.practitionerHome;
  const holder = holderProfile(me);
  const name = holder ? fullName(holder) : me.account.email;
  const pr = me.account.practitioner;
  const specialties = useSpecialties(lang);
  const specialty = pr ? specialtyLabel(specialties.data, pr.specialty) : '';

  return (
    <>
      <PageIntro
        title={t.practitioner.title}
        lead={fillText(me.account.role === 'assistant' ? h.helloAssistant : h.hello, { name })}
        compact
      />
      <AreaTabs me={me} />
      <div class="container stack">
        {pr && (
          <section
            class={`status-banner banner-${TONES[pr.status].tone}`}
            aria-labelledby="verification-title"
          >
            <Icon name={TONES[pr.status].icon} class="status-banner-icon" />
            <div>
              <h2 id="verification-title">{h.status[pr.status]}</h2>
              <p>{h.statusBody[pr.status]}</p>
              {pr.status === 'rejected' && pr.rejection_reason && (
                <p>
                  <strong>{h.reason}</strong> {pr.rejection_reason}
                </p>
              )}
            </div>
          </section>
        )}
        {pr && (
          <section class="card panel" aria-labelledby="practice-title">
            <h2 id="practice-title">{h.practiceTitle}</h2>
            <dl class="facts">
              <div>
                <dt>{t.fields.rpps}</dt>
                <dd translate={false}>{pr.rpps}</dd>
              </div>
              <div>
                <dt>{t.fields.specialty}</dt>
                <dd>{specialty}</dd>
              </div>
              <div>
                <dt>{t.fields.email}</dt>
                <dd>{me.account.email}</dd>
              </div>
            </dl>
          </section>
        )}
        {me.account.role === 'practitioner' && pr?.status === 'verified' && <TeleShareCard />}
        {me.account.role === 'assistant' && me.account.assistant_of && (
          <section class="card panel" aria-labelledby="assisting-title">
            <h2 id="assisting-title">{h.assistingTitle}</h2>
            <p class="current-name">{me.account.assistant_of.name}</p>
            <p class="muted">{h.assistingBody}</p>
          </section>
        )}
        {!me.account.totp_enabled && (
          <aside class="callout callout-info" aria-labelledby="totp-callout">
            <Icon name="lock" class="callout-icon" />
            <div>
              <h2 id="totp-callout">{h.totpTitle}</h2>
              <p>{h.totpBody}</p>
              <p>
                <a class="link-arrow" href={ROUTES.security}>
                  {h.totpLink}
                  <Icon name="arrowRight" />
                </a>
              </p>
            </div>
          </aside>
        )}
        {me.account.role === 'practitioner' && <Assistants />}
      </div>
    </>
  );
}
