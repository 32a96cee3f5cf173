// Espace patient: signed in as a patient, the home of the account (PatientHome); otherwise
// what the patient area holds, how a teleconsultation day unfolds, and how to get in.
import type { ComponentChildren } from 'preact';
import { FeatureGrid, Steps } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { AreaGate } from '../components/AreaGate';
import { useI18n } from '../i18n';
import { PatientHome } from './PatientHome';

export function PatientPage() {
  const { t } = useI18n();
  return (
    <AreaGate
      roles={['patient']}
      title={t.patient.title}
      signedIn={(me) => <PatientHome me={me} />}
      presentation={(cta) => <Presentation cta={cta} />}
    />
  );
}

function Presentation({ cta }: { cta: ComponentChildren }) {
  const { t } = useI18n();
  const p = t.patient;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead}>
        {cta}
      </PageIntro>
      <Section id="patient-features" title={p.featuresTitle}>
        <FeatureGrid
          items={[
            { icon: 'calendar', ...p.features.appointments },
            { icon: 'users', ...p.features.relatives },
            { icon: 'file', ...p.features.documents },
            { icon: 'eye', ...p.features.access },
          ]}
        />
      </Section>
      <Section id="patient-journey" title={p.journeyTitle} tone="muted">
        <Steps items={[p.journey.before, p.journey.ten, p.journey.during, p.journey.after]} />
      </Section>
      <Section id="patient-payment" title={p.paymentTitle}>
        <FeatureGrid
          cols={3}
          items={[
            { icon: 'euro', ...p.payment.estimate },
            { icon: 'card', ...p.payment.hold },
            { icon: 'check', ...p.payment.thirdParty },
          ]}
        />
        <aside class="callout callout-info" aria-labelledby="patient-account">
          <Icon name="lock" class="callout-icon" />
          <div>
            <h3 id="patient-account">{p.accountTitle}</h3>
            <p>{p.accountBody}</p>
          </div>
        </aside>
      </Section>
    </>
  );
}
