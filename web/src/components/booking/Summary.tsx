// The booking page's reminder of what is being booked, beside every step but the last: the
// practitioner, the time (with its time zone when it is not the visitor's), the mode, and once
// chosen the motif with its price and the patient.
import { useI18n } from '../../i18n';
import { formatPrice, type Mode, type PublicProfile } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { slotSentence } from '../../lib/booking/slots';
import { Avatar, shouldNameZone, useZoneName } from '../Directory';
import { Icon } from '../Icon';
import { MotifName } from '../MotifName';
import { ModeLabel } from './Bits';

export function Summary({
  p,
  start,
  mode,
  motif,
  patient,
}: {
  p: PublicProfile;
  start: string;
  mode: Mode;
  motif: { label: string; label_en?: string | null; price: number } | null;
  patient: string | null;
}) {
  const { t, lang } = useI18n();
  const b = t.booking;
  const zoneName = useZoneName();
  return (
    <aside class="card booking-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" class="visually-hidden">
        {b.summaryTitle}
      </h2>
      <Avatar name={p.name} photo={p.photo_url} />
      <div class="booking-summary-text">
        <p class="booking-when" data-testid="booking-when">
          {slotSentence(start, lang)}
        </p>
        {shouldNameZone(p.timezone) && (
          <p class="muted small">{fillText(b.zoneNote, { zone: zoneName(p.timezone) })}</p>
        )}
        <p class="booking-who">
          {fillText(b.withPractitioner, { name: p.name, specialty: p.specialty.label })}
        </p>
        <p class="booking-meta">
          <ModeLabel mode={mode} />
          {motif && (
            <span>
              <MotifName motif={motif} /> · {formatPrice(motif.price, lang)}
            </span>
          )}
          {patient && (
            <span>
              <Icon name="user" />
              {patient}
            </span>
          )}
        </p>
      </div>
    </aside>
  );
}
