// Espace praticien: signed in (practitioner or assistant), PractitionerHome; otherwise the
// daily tools and the verification path (RPPS checked by the operator) before appearing in
// search, with the way to apply or sign in.
import type { ComponentChildren } from 'preact';
import { FeatureGrid, Steps } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { AreaGate } from '../components/AreaGate';
import { useI18n } from '../i18n';
import { PractitionerHome } from './PractitionerHome';

export function PractitionerPage() {
  const { t } = useI18n();
  return (
    <AreaGate
      roles={['practitioner', 'assistant']}
      title={t.practitioner.title}
      signedIn={(me) => <PractitionerHome me={me} />}
      presentation={(cta) => <Presentation cta={cta} />}
    />
  );
}

function Presentation({ cta }: { cta: ComponentChildren }) {
  const { t } = useI18n();
  const p = t.practitioner;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead}>
        {cta}
      </PageIntro>
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
