// Espace opérateur: practitioner verification, settings, platform health and statistics,
// and the rules that keep the operator away from clinical data.
import { FeatureGrid } from '../components/Cards';
import { Icon } from '../components/Icon';
import { PageIntro, Section } from '../components/Page';
import { useI18n } from '../i18n';

export function OperatorPage() {
  const { t } = useI18n();
  const o = t.operator;
  return (
    <>
      <PageIntro title={o.title} lead={o.lead} />
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
