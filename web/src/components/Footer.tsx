// Footer: the emergency numbers first (a medical product must never let someone in danger
// wait for a video call), then the legal links. Numbers are tel:/sms: links for phones.
import { useI18n } from '../i18n';
import { fill } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { useBrand } from './BrandProvider';
import { Icon } from './Icon';

export function Footer() {
  const { t } = useI18n();
  const brand = useBrand();
  const contact = brand
    ? [brand.contact_email, brand.contact_phone].filter(Boolean).join(' · ')
    : '';
  return (
    <footer class="site-footer">
      <div class="container">
        <p class="emergency-line">
          <Icon name="phone" />
          <span>
            <strong>{t.footer.emergencyLead}</strong>{' '}
            {fill(t.footer.emergency, {
              n15: <a href="tel:15">15</a>,
              n112: <a href="tel:112">112</a>,
              n114: <a href="sms:114">{t.footer.sms}</a>,
            })}
          </span>
        </p>
        <div class="footer-bottom">
          {brand ? (
            <div class="footer-about">
              <p>
                <strong>{brand.name}</strong>
                {contact && <> · {fill(t.brand.contact, { contact })}</>}
              </p>
              <p data-testid="operated-by">{t.brand.operatedBy}</p>
            </div>
          ) : (
            <p class="footer-about">{t.footer.about}</p>
          )}
          <nav aria-label={t.common.footerNav}>
            <ul class="footer-links">
              <li>
                <a href={ROUTES.legal}>{t.footer.legal}</a>
              </li>
              <li>
                <a href={ROUTES.privacy}>{t.footer.privacy}</a>
              </li>
              {brand && (
                <li>
                  <a href={ROUTES.terms}>{t.brand.terms}</a>
                </li>
              )}
              <li>
                <a href={ROUTES.accessibility}>{t.footer.accessibility}</a>
              </li>
            </ul>
          </nav>
        </div>
      </div>
    </footer>
  );
}
