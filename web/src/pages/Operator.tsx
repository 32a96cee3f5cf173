// Espace opérateur: signed in as an operator, the verification queue (OperatorHome);
// otherwise the tasks of the operator and the rules that keep them away from clinical data.
import type { ComponentChildren } from 'preact';
import { FeatureGrid } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { AreaGate } from '../components/AreaGate';
import { useI18n } from '../i18n';
import { OperatorHome } from './OperatorHome';

export function OperatorPage() {
  const { t } = useI18n();
  return (
    <AreaGate
      roles={['operator']}
      title={t.operator.title}
      signedIn={(me) => <OperatorHome me={me} />}
      presentation={(cta) => <Presentation cta={cta} />}
    />
  );
}

function Presentation({ cta }: { cta: ComponentChildren }) {
  const { t } = useI18n();
  const o = t.operator;
  return (
    <>
      <PageIntro title={o.title} lead={o.lead}>
        {cta}
      </PageIntro>
      <Section id="operator-features" title={o.featuresTitle}>
        <FeatureGrid
          items={[
            { icon: 'badge', ...o.features.verify },
            { icon: 'activity', ...o.features.health },
            { icon: 'sliders', ...o.features.settings },
            { icon: 'chart', ...o.features.stats },
          ]}
        />
      </Section>
      <Section id="operator-rules" title={o.rulesTitle} tone="muted">
        <ul class="check-list">
          {[o.rules.noClinical, o.rules.audit, o.rules.access].map((rule) => (
            <li key={rule}>
              <Icon name="lock" />
              <span>{rule}</span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
