// Mentions légales: software, operator, hosting (HDS), medical responsibility, emergencies.
import { PageIntro } from '../components/Page';
import { Prose, ProseSections } from '../components/Prose';
import { useI18n } from '../i18n';

export function LegalPage() {
  const { t } = useI18n();
  return (
    <>
      <PageIntro title={t.legal.title} lead={t.legal.lead} />
      <Prose>
        <ProseSections sections={t.legal.sections} />
      </Prose>
    </>
  );
}
