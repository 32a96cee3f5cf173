// Mentions légales: software and its licence, operator, hosting (HDS), medical responsibility,
// emergencies, and the free components Cabinet carries (THIRD-PARTY.md has the full list).
import { PageIntro } from '../components/Page';
import { PartnerText } from '../components/PartnerText';
import { Prose, ProseSections } from '../components/Prose';
import { useI18n } from '../i18n';

export function LegalPage() {
  const { t } = useI18n();
  const tp = t.legal.thirdParty;
  return (
    <>
      <PageIntro title={t.legal.title} lead={t.legal.lead} />
      <Prose>
        <PartnerText page="legal" />
        <ProseSections sections={t.legal.sections} />
        <section aria-labelledby="s-third-party">
          <h2 id="s-third-party">{tp.title}</h2>
          <p>{tp.lead}</p>
          <ul>
            {Object.entries(tp.items).map(([key, text]) => (
              <li key={key}>{text}</li>
            ))}
          </ul>
          <p>{tp.more}</p>
        </section>
      </Prose>
    </>
  );
}
