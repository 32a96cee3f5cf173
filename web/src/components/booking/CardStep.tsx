// "Carte": the card that guarantees a pending booking, within its 10-minute payment window
// (the countdown). When the window has passed, or the booking no longer waits for a card
// (a reload after it was confirmed or cancelled elsewhere), the step says so.
import { useI18n } from '../../i18n';
import { confirmWithCard } from '../../lib/booking/api';
import { formatAmount, holdIsLater } from '../../lib/booking/payment';
import type { Appointment } from '../../lib/booking/booking';
import { fillText } from '../../lib/format';
import { practitionerPath } from '../../lib/routes';
import { CardChooser } from './CardChooser';
import { Countdown } from './Countdown';
import { BackButton, StepTitle, type HeadingRef } from './StepParts';

export function CardStep({
  headingRef,
  a,
  expired,
  onExpired,
  onConfirmed,
  onBack,
  onRetry,
}: HeadingRef & {
  a: Appointment;
  expired: boolean;
  onExpired: () => void;
  onConfirmed: (a: Appointment) => void;
  onBack: () => void | Promise<void>;
  onRetry: () => void;
}) {
  const { t, lang } = useI18n();
  const c = t.booking.card;
  if (expired)
    return (
      <>
        <StepTitle headingRef={headingRef}>{c.expiredTitle}</StepTitle>
        <p>{c.expiredBody}</p>
        <div class="step-actions">
          <button
            type="button"
            class="btn btn-primary btn-large"
            onClick={onRetry}
            data-testid="booking-retry"
          >
            {c.retry}
          </button>
        </div>
      </>
    );
  if (a.status !== 'pending_payment')
    return (
      <>
        <StepTitle headingRef={headingRef}>{c.title}</StepTitle>
        <p>{c.gone}</p>
        <a class="btn btn-primary" href={practitionerPath(a.practitioner.id, { mode: a.mode })}>
          {t.booking.toProfile}
        </a>
      </>
    );
  const amount = formatAmount(a.payment.amount_cents || a.price_cents, lang);
  const later = holdIsLater(a.start);
  return (
    <>
      <StepTitle headingRef={headingRef}>{c.title}</StepTitle>
      {a.hold_expires_at && <Countdown expiresAt={a.hold_expires_at} onExpire={onExpired} />}
      <CardChooser
        submit={(token) => confirmWithCard(a.id, token).then(onConfirmed)}
        submitLabel={c.confirm}
        onExpired={onExpired}
        note={`${fillText(c.holdNote, { amount })}${later ? ` ${c.later}` : ''}`}
      />
      <div class="step-actions">
        <BackButton onClick={() => void onBack()} />
      </div>
    </>
  );
}
