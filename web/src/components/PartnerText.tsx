// A partner's own legal notice, terms or privacy text on its host (docs/operator.md
// "Partners"), shown as plain paragraphs, with the line that the service runs on Cabinet.
// Nothing on the platform's own host or when the partner has no text of its own.
import { useI18n } from '../i18n';
import { fillText } from '../lib/format';
import { fetchBrandPage } from '../lib/operator/partners';
import { useBrand } from './BrandProvider';
import { useLoad } from './useLoad';

export function PartnerText({ page }: { page: 'legal' | 'terms' | 'privacy' }) {
  const { t } = useI18n();
  const brand = useBrand();
  const own = brand ? brand.own_pages[page] : false;
  const text = useLoad(
    (signal) => (own ? fetchBrandPage(page, signal) : Promise.resolve(null)),
    [own, page],
  );
  if (!brand || !own || !text.data?.text) return null;
  return (
    <section aria-labelledby="s-partner" class="partner-text" data-testid="partner-text">
      <h2 id="s-partner">{fillText(t.brand.partnerText, { name: brand.name })}</h2>
      {text.data.text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      <p class="muted">{t.brand.operatedBy}</p>
    </section>
  );
}
