// CGU: on a partner's host its own conditions of use (docs/operator.md "Partners"); on the
// platform's own host, where they are.
import { PageIntro } from '../components/Page';
import { PartnerText } from '../components/PartnerText';
import { Prose } from '../components/Prose';
import { useBrand } from '../components/BrandProvider';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';

export function TermsPage() {
  const { t } = useI18n();
  const brand = useBrand();
  return (
    <>
      <PageIntro title={t.brand.termsTitle} />
      <Prose>
        <PartnerText page="terms" />
        {!brand?.own_pages.terms && (
          <p>
            <a href={ROUTES.legal}>{t.brand.termsPlatform}</a>
          </p>
        )}
      </Prose>
    </>
  );
}
