// Confidentialité: health data, hosting, security, and the user's GDPR rights.
import { PageIntro } from '../components/Page';
import { PartnerText } from '../components/PartnerText';
import { Prose, ProseSections } from '../components/Prose';
import { useI18n } from '../i18n';

export function PrivacyPage() {
  const { t } = useI18n();
  const p = t.privacy;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead} />
      <Prose>
        <PartnerText page="privacy" />
        <ProseSections sections={p.sections} />
        <p>
          {p.complaint}{' '}
          <a href="https://www.cnil.fr/fr/adresser-une-plainte" rel="noopener noreferrer">
            {p.complaintLink}
          </a>
        </p>
      </Prose>
    </>
  );
}
