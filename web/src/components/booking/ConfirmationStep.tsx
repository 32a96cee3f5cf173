// The last step: the booking is confirmed. The time, the facts, what happens with the card,
// the confirmation email, the .ics file and the way to "Mes rendez-vous".
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import type { Appointment } from '../../lib/booking/booking';
import { fillText } from '../../lib/format';
import { ROUTES, appointmentDocumentsPath } from '../../lib/routes';
import { slotSentence } from '../../lib/booking/slots';
import { shouldNameZone, useZoneName } from '../Directory';
import { Icon } from '../Icon';
import { MotifName } from '../MotifName';
import { Facts, ModeLabel } from './Bits';
import { StepTitle, type HeadingRef } from './StepParts';
import { calendarUrl } from '../../lib/booking/api';

export function ConfirmationStep({
  headingRef,
  a,
  timezone,
}: HeadingRef & { a: Appointment; timezone: string }) {
  const { t, lang } = useI18n();
  const d = t.booking.done;
  const zoneName = useZoneName();
  const amount = formatAmount(a.payment.amount_cents || a.price_cents, lang);
  const payment =
    a.payment.state === 'held'
      ? fillText(d.hold, { amount })
      : a.payment.state === 'card_required'
        ? d.cardRequired
        : fillText(d.saved, { amount });
  return (
    <div class="confirmation" data-testid="booking-confirmed">
      <p class="confirmation-icon" aria-hidden="true">
        <Icon name="check" />
      </p>
      <StepTitle headingRef={headingRef}>{d.title}</StepTitle>
      <p class="confirmation-when">{slotSentence(a.start, lang)}</p>
      {shouldNameZone(timezone) && (
        <p class="muted small">{fillText(t.booking.zoneNote, { zone: zoneName(timezone) })}</p>
      )}
      <Facts
        items={[
          {
            label: d.practitioner,
            value: `${a.practitioner.name} · ${a.practitioner.specialty_label}`,
          },
          { label: d.patient, value: `${a.profile.first_name} ${a.profile.last_name}` },
          { label: d.motif, value: <MotifName motif={a.motif} /> },
          { label: d.mode, value: <ModeLabel mode={a.mode} /> },
        ]}
      />
      <p class="no-charge">
        <Icon name="card" />
        <span data-testid="booking-hold">{payment}</span>
      </p>
      <p class="confirmation-sent">
        <Icon name="mail" />
        <span>{d.sent}</span>
      </p>
      <p class="confirmation-attach">
        <Icon name="paperclip" />
        <span>
          {t.attach.afterBooking}{' '}
          <a href={appointmentDocumentsPath(a.id)} data-testid="booking-attach">
            {t.attach.open}
          </a>
        </span>
      </p>
      <div class="step-actions">
        <a
          class="btn btn-secondary"
          href={calendarUrl(a.id)}
          download="rendez-vous.ics"
          data-testid="booking-ics"
        >
          <Icon name="download" />
          {d.ics}
        </a>
        <a class="btn btn-primary btn-large" href={ROUTES.myAppointments}>
          {d.mine}
        </a>
      </div>
    </div>
  );
}
