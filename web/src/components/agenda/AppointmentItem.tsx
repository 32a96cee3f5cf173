// One appointment of the agenda's day view (docs/booking.md, practitioner side): time, patient,
// motif, mode, status and payment, with "Clôturer" (POST …/close with the amount to capture,
// prefilled with the motif's price, at most that) for a confirmed one, and "Annuler" (POST
// …/cancel with an optional reason sent to the patient) while it can still happen.
import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusBadge } from '../booking/Bits';
import { TextareaField, TextField } from '../forms/Field';
import { ErrorSummary, SubmitButton } from '../forms/Feedback';
import { useForm } from '../forms/useForm';
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import { amountInput, formatAmount, parseAmount } from '../../lib/booking/payment';
import type { AgendaAppointment } from '../../lib/booking/booking';
import { fillText } from '../../lib/format';
import { formatClock, rangeSentence } from '../../lib/booking/slots';
import { ageOn } from '../../lib/validate';
import { modeName } from './agendaText';
import { cancelByPractitioner, closeAppointment } from '../../lib/practitioner/api';

type Panel = null | 'close' | 'cancel';

export function AppointmentItem({
  x,
  maxCents,
  onDone,
}: {
  x: AgendaAppointment;
  maxCents: number | null;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agendaBooking;
  const [panel, setPanel] = useState<Panel>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const panelTitle = useRef<HTMLHeadingElement>(null);
  const prev = useRef<Panel>(null);
  useEffect(() => {
    if (panel) panelTitle.current?.focus();
    else if (prev.current) title.current?.focus();
    prev.current = panel;
  }, [panel]);

  const age = x.patient.birth_date ? ageOn(x.patient.birth_date) : null;
  const ageText =
    age === null ? '' : age < 1 ? a.baby : age === 1 ? a.ageOne : fillText(a.age, { n: age });
  const live = x.status === 'confirmed' || x.status === 'pending_payment';
  const idBase = `appt-${x.id}`;
  const named = fillText(a.actionsFor, { name: x.patient.name, when: formatClock(x.start) });

  return (
    <li
      class={`range range-appointment appt-item appt-${x.status}`}
      data-testid="agenda-appointment"
      data-id={x.id}
      data-status={x.status}
    >
      <Icon name={x.mode === 'video' ? 'video' : 'user'} />
      <div class="range-body">
        <h4 ref={title} tabIndex={-1} class="appt-title">
          <span class="range-time">{rangeSentence(x.start, x.end, lang)}</span>{' '}
          <span class="appt-patient">{x.patient.name}</span>
          {ageText && <span class="muted"> · {ageText}</span>}
        </h4>
        <p class="range-note">
          {x.motif.label} · {modeName(t, x.mode)} · {a.payment[x.payment.state]}
        </p>
      </div>
      <StatusBadge status={x.status} />
      {live && panel === null && (
        <div class="appt-actions">
          {x.status === 'confirmed' && (
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => setPanel('close')}
              data-testid="appointment-close"
            >
              <Icon name="check" />
              {a.close}
              <span class="visually-hidden"> — {named}</span>
            </button>
          )}
          <button
            type="button"
            class="btn btn-quiet"
            onClick={() => setPanel('cancel')}
            data-testid="appointment-cancel"
          >
            {a.cancel}
            <span class="visually-hidden"> — {named}</span>
          </button>
        </div>
      )}
      {panel === 'close' && (
        <CloseForm
          x={x}
          idBase={idBase}
          maxCents={maxCents}
          titleRef={panelTitle}
          onCancel={() => setPanel(null)}
          onDone={(cents) => {
            setPanel(null);
            onDone(fillText(a.closed, { amount: formatAmount(cents, lang) }));
          }}
        />
      )}
      {panel === 'cancel' && (
        <CancelForm
          x={x}
          idBase={idBase}
          titleRef={panelTitle}
          onCancel={() => setPanel(null)}
          onDone={() => {
            setPanel(null);
            onDone(a.cancelled);
          }}
        />
      )}
    </li>
  );
}

function CloseForm({
  x,
  idBase,
  maxCents,
  titleRef,
  onCancel,
  onDone,
}: {
  x: AgendaAppointment;
  idBase: string;
  maxCents: number | null;
  titleRef: { current: HTMLHeadingElement | null };
  onCancel: () => void;
  onDone: (cents: number) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agendaBooking;
  const form = useForm(`${idBase}-`);
  const [amount, setAmount] = useState(maxCents === null ? '' : amountInput(maxCents, lang));
  const max = maxCents === null ? null : formatAmount(maxCents, lang);
  return (
    <form
      class="inline-panel appt-panel"
      noValidate
      aria-labelledby={`${idBase}-close-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(
          () => {
            const cents = parseAmount(amount);
            return {
              amount_cents:
                cents === null
                  ? a.amountInvalid
                  : maxCents !== null && cents > maxCents
                    ? fillText(a.amountTooHigh, { max: max ?? '' })
                    : undefined,
            };
          },
          async () => {
            const cents = parseAmount(amount) ?? 0;
            await closeAppointment(x.id, cents);
            onDone(cents);
          },
        );
      }}
    >
      <h5 id={`${idBase}-close-title`} ref={titleRef} tabIndex={-1}>
        {a.closeTitle} — {x.patient.name}
      </h5>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <TextField
        id={form.id('amount_cents')}
        label={a.amount}
        hint={max ? fillText(a.amountHint, { max }) : a.amountHintNoMax}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onValue={setAmount}
        error={form.errors.amount_cents}
        class="input-amount"
      />
      <div class="card-actions">
        <SubmitButton busy={form.busy}>{a.closeSubmit}</SubmitButton>
        <button type="button" class="btn btn-quiet" onClick={onCancel}>
          {t.booking.back}
        </button>
      </div>
    </form>
  );
}

function CancelForm({
  x,
  idBase,
  titleRef,
  onCancel,
  onDone,
}: {
  x: AgendaAppointment;
  idBase: string;
  titleRef: { current: HTMLHeadingElement | null };
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const a = t.agendaBooking;
  const form = useForm(`${idBase}-`);
  const [reason, setReason] = useState('');
  return (
    <form
      class="inline-panel confirm-box appt-panel"
      noValidate
      aria-labelledby={`${idBase}-cancel-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(
          () => ({}),
          async () => {
            await cancelByPractitioner(x.id, reason.trim() ? { reason: reason.trim() } : {});
            onDone();
          },
        );
      }}
    >
      <h5 id={`${idBase}-cancel-title`} ref={titleRef} tabIndex={-1}>
        {a.cancelTitle} — {x.patient.name}
      </h5>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      <TextareaField
        id={form.id('reason')}
        label={a.reason}
        hint={a.reasonHint}
        value={reason}
        onValue={setReason}
        rows={2}
        maxLength={500}
        optional
      />
      <div class="card-actions">
        <SubmitButton busy={form.busy} variant="danger">
          {a.cancelSubmit}
        </SubmitButton>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {a.keep}
        </button>
      </div>
    </form>
  );
}
