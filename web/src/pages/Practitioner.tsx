// Espace praticien: the practitioner's daily tools and the verification path (RPPS checked
// by the operator) that comes before appearing in search.
import { FeatureGrid, Steps } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { useI18n } from '../i18n';

export function PractitionerPage() {
  const { t } = useI18n();
  const p = t.practitioner;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead} />
      <Section id="practitioner-features" title={p.featuresTitle}>
        <FeatureGrid
          items={[
            { icon: 'clock', ...p.features.today },
            { icon: 'calendar', ...p.features.agenda },
            { icon: 'video', ...p.features.call },
            { icon: 'prescription', ...p.features.documents },
          ]}
        />
      </Section>
      <Section id="practitioner-verify" title={p.verifyTitle} tone="muted">
        <p class="section-lead">{p.verifyLead}</p>
        <Steps items={[p.verify.profile, p.verify.check, p.verify.open]} />
      </Section>
      <div class="container section-tail">
        <aside class="callout callout-info" aria-labelledby="practitioner-payment">
          <Icon name="card" class="callout-icon" />
          <div>
            <h2 id="practitioner-payment">{p.paymentTitle}</h2>
            <p>{p.paymentBody}</p>
          </div>
        </aside>
      </div>
    </>
  );
}
