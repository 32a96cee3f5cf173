// Espace patient: what the patient area holds and how a teleconsultation day unfolds.
// Sign-in arrives with the accounts API; until then this page presents the space.
import { FeatureGrid, Steps } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { useI18n } from '../i18n';

export function PatientPage() {
  const { t } = useI18n();
  const p = t.patient;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead} />
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
