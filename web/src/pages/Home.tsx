// Home: the search (specialty or name, place, video), "Consulter maintenant" (the immediate
// queue), then what Cabinet does, how it works,
// what we guarantee, and where to go next.
import { Steps, FeatureGrid } from '../components/Cards';
import { HeroArt } from '../components/HeroArt';
import { HeroSearch } from '../components/HeroSearch';
import { Icon } from '../components/Icon';
import { Section, usePageTitle } from '../components/Page';
import { NowEntry } from '../components/queue/NowEntry';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';

export function HomePage() {
  const { t } = useI18n();
  const h = t.home;
  usePageTitle(null);

  return (
    <>
      <div class="hero">
        <div class="container hero-grid">
          <div class="hero-text">
            <h1 tabIndex={-1}>{h.title}</h1>
            <p class="lead">{h.lead}</p>
            <HeroSearch />
            <NowEntry id="home-now-title" />
            <p class="hero-aside">
              <a class="link-arrow" href={ROUTES.practitioner}>
                {h.ctaPractitioner}
                <Icon name="arrowRight" />
              </a>
            </p>
          </div>
          <HeroArt />
        </div>
      </div>

      <Section id="how" title={h.stepsTitle}>
        <Steps items={[h.steps.find, h.steps.book, h.steps.consult]} />
      </Section>

      <Section id="guarantees" title={h.guaranteesTitle} tone="muted">
        <FeatureGrid
          cols={4}
          items={[
            { icon: 'euro', ...h.guarantees.refund },
            { icon: 'shield', ...h.guarantees.data },
            { icon: 'reconnect', ...h.guarantees.link },
            { icon: 'device', ...h.guarantees.install },
          ]}
        />
      </Section>

      <div class="container">
        <aside class="callout callout-danger" aria-labelledby="emergency-title">
          <Icon name="alert" class="callout-icon" />
          <div>
            <h2 id="emergency-title">{h.emergencyTitle}</h2>
            <p>{h.emergencyBody}</p>
          </div>
        </aside>
      </div>

      <Section id="areas" title={h.areasTitle}>
        <ul class="card-grid cols-2">
          <li class="card area-card">
            <span class="feature-icon">
              <Icon name="users" />
            </span>
            <h3>{h.areaPatient.title}</h3>
            <p>{h.areaPatient.body}</p>
            <a class="link-arrow" href={ROUTES.patient}>
              {h.areaPatient.link}
              <Icon name="arrowRight" />
            </a>
          </li>
          <li class="card area-card">
            <span class="feature-icon">
              <Icon name="video" />
            </span>
            <h3>{h.areaPractitioner.title}</h3>
            <p>{h.areaPractitioner.body}</p>
            <a class="link-arrow" href={ROUTES.practitioner}>
              {h.areaPractitioner.link}
              <Icon name="arrowRight" />
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}
