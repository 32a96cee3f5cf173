// /praticien/:id — a practitioner's public page (SPEC DIR2, shared/UX.md patient screen 3):
// identity, the week of slots with a mode and motif selector, presentation, fees by motif,
// sector with what it means for the price, payment, languages, address, opening hours.
//
// Times are the practitioner's wall clock (the offset in each instant), with the zone named
// when it is not Paris's. The week of slots, with what a chosen slot leads to, is the booking
// widget (components/booking/BookingWidget.tsx).
import { useRoute } from 'preact-iso';
import { BookingWidget } from '../components/booking/BookingWidget';
import { Avatar, PractitionerBadges, shouldNameZone, useZoneName } from '../components/Directory';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { MotifName } from '../components/MotifName';
import { PageIntro, usePageTitle } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import {
  formatPrice,
  languageName,
  modesOf,
  type Motif,
  type OpeningRange,
  type PublicProfile,
} from '../lib/directory/directory';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { spokenHHMM } from '../lib/booking/slots';
import { formatPhone } from '../lib/validate';
import { fetchPractitioner } from '../lib/directory/api';

export function PractitionerPublicPage() {
  const { t, lang } = useI18n();
  const { params } = useRoute();
  const id = params.id ?? '';
  const profile = useLoad((signal) => fetchPractitioner(id, signal), [id, lang]);

  if (profile.failure instanceof ApiError && profile.failure.status === 404)
    return (
      <PageIntro title={t.profile.notFoundTitle} lead={t.profile.notFoundBody}>
        <div class="actions">
          <a class="btn btn-primary" href={ROUTES.search}>
            {t.profile.backToSearch}
          </a>
        </div>
      </PageIntro>
    );
  if (!profile.data)
    return (
      <>
        <PageIntro title={t.profile.loadingTitle} />
        <div class="container narrow">
          <LoadState loading={profile.loading} error={profile.error} onRetry={profile.reload}>
            {null}
          </LoadState>
        </div>
      </>
    );
  return <Profile p={profile.data} />;
}

function Profile({ p }: { p: PublicProfile }) {
  const { t, lang } = useI18n();
  const pr = t.profile;
  usePageTitle(`${p.name} — ${p.specialty.label}`);
  return (
    <>
      <div class="page-intro profile-intro">
        <div class="container profile-head">
          <Avatar name={p.name} photo={p.photo_url} size="large" />
          <div class="profile-head-text">
            <h1 tabIndex={-1}>{p.name}</h1>
            <p class="profile-specialty">{p.specialty.label}</p>
            {p.address && (
              <p class="result-address">
                <Icon name="mapPin" />
                <span>
                  {p.address.line}, {p.address.postcode} {p.address.city}
                </span>
              </p>
            )}
            <PractitionerBadges p={p} />
          </div>
        </div>
      </div>
      <div class="container profile-grid">
        <div class="profile-main">
          {p.delay_minutes > 0 && (
            <section class="status-banner banner-warning" aria-labelledby="delay-title">
              <Icon name="clock" class="status-banner-icon" />
              <div>
                <h2 id="delay-title">{fillText(pr.delay, { minutes: p.delay_minutes })}</h2>
                <p>{pr.delayBody}</p>
              </div>
            </section>
          )}
          <BookingWidget p={p} />
          {p.presentation?.trim() && (
            <section class="card panel" aria-labelledby="about-title">
              <h2 id="about-title">{pr.about}</h2>
              {p.presentation
                .split(/\n{2,}/)
                .filter((para) => para.trim())
                .map((para, i) => (
                  <p key={i} class="presentation">
                    {para}
                  </p>
                ))}
            </section>
          )}
          <Motifs motifs={p.motifs} />
          <Hours p={p} />
        </div>
        <aside class="profile-aside" aria-labelledby="practical-title">
          <section class="card panel">
            <h2 id="practical-title">{pr.practical}</h2>
            <dl class="info-list">
              <div>
                <dt>{pr.address}</dt>
                <dd>
                  {p.address ? (
                    <>
                      {p.address.line}
                      <br />
                      {p.address.postcode} {p.address.city}
                    </>
                  ) : (
                    pr.videoOnly
                  )}
                </dd>
              </div>
              {p.phone && (
                <div>
                  <dt>{pr.phone}</dt>
                  <dd>
                    <a href={`tel:${p.phone}`}>{formatPhone(p.phone)}</a>
                  </dd>
                </div>
              )}
              <div>
                <dt>{pr.consults}</dt>
                <dd>
                  {modesOf(p)
                    .map((m) => t.modes[m])
                    .join(', ')}
                </dd>
              </div>
              {p.languages.length > 0 && (
                <div>
                  <dt>{pr.languages}</dt>
                  <dd>{p.languages.map((l) => languageName(l, lang)).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt>{pr.fees}</dt>
                <dd>
                  <strong>{t.sectors[p.sector]}</strong>
                  <p class="info-detail">{t.sectorInfo[p.sector]}</p>
                  <p class="info-detail">{p.tiers_payant ? pr.tiersPayantYes : pr.tiersPayantNo}</p>
                  <p class="info-detail">{p.carte_vitale ? pr.carteVitaleYes : pr.carteVitaleNo}</p>
                </dd>
              </div>
              <div>
                <dt>{pr.payment}</dt>
                <dd>
                  {p.payment_modes.length
                    ? p.payment_modes.map((m) => t.payment[m]).join(', ')
                    : pr.paymentNone}
                </dd>
              </div>
              <div>
                <dt>{pr.rpps}</dt>
                <dd translate={false}>{p.rpps}</dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}

function Motifs({ motifs }: { motifs: Motif[] }) {
  const { t, lang } = useI18n();
  const pr = t.profile;
  return (
    <section class="card panel" aria-labelledby="motifs-title">
      <h2 id="motifs-title">{pr.motifsTitle}</h2>
      {motifs.length === 0 ? (
        <p class="muted">{pr.motifsEmpty}</p>
      ) : (
        <ul class="motif-prices">
          {motifs.map((m) => (
            <li key={m.id}>
              <div>
                <p class="motif-label">
                  <MotifName motif={m} />
                </p>
                <p class="muted small">
                  {fillText(pr.minutes, { n: m.duration_min })} · {t.modes[m.mode]}
                </p>
              </div>
              <p class="price motif-price">{formatPrice(m.price_cents, lang)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function rangesText(ranges: OpeningRange[], lang: 'fr' | 'en', closed: string): string {
  if (!ranges.length) return closed;
  return ranges
    .slice()
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((r) => `${spokenHHMM(r.start, lang)} – ${spokenHHMM(r.end, lang)}`)
    .join(', ');
}

function Hours({ p }: { p: PublicProfile }) {
  const { t, lang } = useI18n();
  const pr = t.profile;
  const zoneName = useZoneName();
  const modes = modesOf(p);
  if (p.opening_hours.length === 0 || modes.length === 0) return null;
  return (
    <section class="card panel" aria-labelledby="hours-title">
      <h2 id="hours-title">{pr.hoursTitle}</h2>
      {shouldNameZone(p.timezone) && (
        <p class="zone-note">{fillText(pr.zoneNote, { zone: zoneName(p.timezone) })}</p>
      )}
      <table class="data-table hours-table">
        <thead>
          <tr>
            <th scope="col">{pr.day}</th>
            {modes.map((m) => (
              <th key={m} scope="col">
                {t.modes[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <tr key={d}>
              <th scope="row">{t.weekdays[String(d) as keyof typeof t.weekdays]}</th>
              {modes.map((m) => {
                const text = rangesText(
                  p.opening_hours.filter((r) => r.weekday === d && r.mode === m),
                  lang,
                  pr.closed,
                );
                return (
                  <td key={m} class={text === pr.closed ? 'muted' : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
