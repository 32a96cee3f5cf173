// "Terminer la consultation" for the practitioner: asks the amount to charge (the price by
// default, at most the price), then POST /practitioner/appointments/{id}/close. The server then
// tells every participant `closed`; the page shows its end screen on either.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { amountInput, formatAmount, parseAmount } from '../../lib/booking/payment';
import { closeConsultation } from '../../lib/consultation/api';
import { fillText } from '../../lib/format';
import { TextField } from '../forms/Field';
import { ErrorSummary } from '../forms/Feedback';
import { useForm } from '../forms/useForm';
import { useInlinePanel } from './useInlinePanel';
import { Icon } from '../Icon';

export function CloseConsultation({
  id,
  priceCents,
  noCard = false,
  onClosed,
  beforeClose,
}: {
  id: string;
  priceCents: number;
  /** No card hold (an appointment the practitioner booked): payment happens outside Cabinet. */
  noCard?: boolean;
  onClosed: (cents: number) => void;
  /** Saves what must not be lost first (the private notes being typed). */
  beforeClose?: () => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const c = t.close;
  const { open, setOpen, title, opener } = useInlinePanel();
  const [amount, setAmount] = useState(amountInput(priceCents, lang));
  const form = useForm('close-');
  const max = formatAmount(priceCents, lang);

  if (!open)
    return (
      <button
        ref={opener}
        type="button"
        class="btn btn-danger call-button"
        onClick={() => setOpen(true)}
        data-testid="close-consultation"
      >
        <Icon name="check" />
        {c.open}
      </button>
    );

  return (
    <form
      class="inline-panel close-panel"
      noValidate
      aria-labelledby="close-title"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(
          () => {
            const cents = parseAmount(amount);
            return {
              amount_cents:
                cents === null
                  ? t.agendaBooking.amountInvalid
                  : cents > priceCents
                    ? fillText(t.agendaBooking.amountTooHigh, { max })
                    : undefined,
            };
          },
          async () => {
            const cents = parseAmount(amount) ?? 0;
            // The notes' own status says if they failed; the closing goes on regardless.
            await beforeClose?.().catch(() => {});
            await closeConsultation(id, cents);
            onClosed(cents);
          },
        );
      }}
    >
      <h2 id="close-title" ref={title} tabIndex={-1}>
        {c.title}
      </h2>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      {noCard && (
        <p class="notice notice-warning" data-testid="close-no-card">
          {c.noCard}
        </p>
      )}
      <TextField
        id={form.id('amount_cents')}
        label={c.amount}
        hint={fillText(c.hint, { max })}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onValue={setAmount}
        error={form.errors.amount_cents}
        class="input-amount"
        data-testid="close-amount"
      />
      <div class="card-actions">
        <button
          type="submit"
          class={`btn btn-danger${form.busy ? ' is-busy' : ''}`}
          aria-disabled={form.busy ? true : undefined}
          data-testid="close-confirm"
        >
          {form.busy ? t.form.sending : noCard ? c.record : c.confirm}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            form.clear();
            setOpen(false);
          }}
        >
          {c.back}
        </button>
      </div>
    </form>
  );
}
