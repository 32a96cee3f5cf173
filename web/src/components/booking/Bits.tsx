// Small pieces of the booking screens: the status badge, the mode with its icon, the payment
// line of "mes rendez-vous", and a list of facts.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import { statusTone, type Appointment, type AppointmentStatus } from '../../lib/booking/booking';
import type { Mode } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { slotSentence } from '../../lib/booking/slots';
import { Icon } from '../Icon';

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const { t } = useI18n();
  const tone = statusTone(status);
  return (
    <span class={`badge badge-${tone} status-${status}`} data-status={status}>
      {tone === 'success' && <Icon name="check" />}
      {tone === 'warning' && <Icon name="clock" />}
      {t.appointments.status[status]}
    </span>
  );
}

export function ModeLabel({ mode }: { mode: Mode }) {
  const { t } = useI18n();
  return (
    <span class="mode-label">
      <Icon name={mode === 'video' ? 'video' : 'mapPin'} />
      {t.modes[mode]}
    </span>
  );
}

/** "Empreinte en cours : 25,00 €", "Payé : 25,00 €", "Aucun débit", "Carte à renseigner"… */
export function paymentText(
  a: Pick<Appointment, 'status' | 'payment' | 'price_cents'>,
  t: ReturnType<typeof useI18n>['t'],
  lang: 'fr' | 'en',
): { text: string; tone: 'ok' | 'wait' | 'muted' } {
  const m = t.appointments.payment;
  const p = a.payment;
  const amount = formatAmount(p.amount_cents || a.price_cents, lang);
  if (a.status === 'pending_payment' || p.state === 'card_required')
    return { text: m.cardRequired, tone: 'wait' };
  switch (p.state) {
    case 'held':
      return { text: fillText(m.held, { amount }), tone: 'ok' };
    case 'captured':
      return {
        text: fillText(m.captured, { amount: formatAmount(p.captured_cents, lang) }),
        tone: 'ok',
      };
    case 'card_saved':
      return { text: fillText(m.cardSaved, { amount }), tone: 'ok' };
    case 'voided':
      return { text: m.voided, tone: 'muted' };
    case 'direct':
      return { text: m.direct, tone: 'muted' };
    case 'none':
      return a.status === 'confirmed'
        ? { text: m.none, tone: 'wait' }
        : { text: m.voided, tone: 'muted' };
  }
  return { text: m.voided, tone: 'muted' };
}

export function PaymentLine({ a }: { a: Pick<Appointment, 'status' | 'payment' | 'price_cents'> }) {
  const { t, lang } = useI18n();
  const { text, tone } = paymentText(a, t, lang);
  const due =
    a.payment.state === 'card_required' && a.payment.card_due_at && a.payment.without_card
      ? fillText(
          a.payment.without_card === 'direct'
            ? t.appointments.payment.dueDirect
            : t.appointments.payment.dueCancelled,
          { when: slotSentence(a.payment.card_due_at, lang) },
        )
      : null;
  const card =
    a.payment.brand &&
    a.payment.last4 &&
    (a.payment.state === 'held' ||
      a.payment.state === 'card_saved' ||
      a.payment.state === 'captured')
      ? fillText(t.appointments.cardOn, { brand: a.payment.brand, last4: a.payment.last4 })
      : null;
  return (
    <p class={`payment-line payment-${tone}`} data-payment={a.payment.state}>
      <Icon name={tone === 'wait' ? 'alert' : 'card'} />
      <span>
        {text}
        {card && <span class="muted"> · {card}</span>}
        {due && (
          <span class="payment-due" data-testid="payment-due">
            {due}
          </span>
        )}
      </span>
    </p>
  );
}

export function Facts({
  items,
}: {
  items: Array<{ label: string; value: ComponentChildren } | null | false>;
}) {
  return (
    <dl class="booking-facts">
      {items
        .filter((x): x is { label: string; value: ComponentChildren } => !!x)
        .map((x) => (
          <div key={x.label}>
            <dt>{x.label}</dt>
            <dd>{x.value}</dd>
          </div>
        ))}
    </dl>
  );
}
