// "Estimation": the price, what the Assurance Maladie reimburses and what remains, then
// "Réserver" (POST /appointments with one Idempotency-Key per attempt, so that a retry never
// books twice). A 409 slot_taken offers the server's next free slots of this mode.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { ApiError } from '../../lib/api';
import { createAttemptKeys } from '../../lib/booking/newAppointment';
import { formatAmount } from '../../lib/booking/payment';
import type { Appointment } from '../../lib/booking/booking';
import { bookAppointment, fetchEstimate } from '../../lib/booking/api';
import type { Mode, PublicProfile, Slot } from '../../lib/directory/directory';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { practitionerPath } from '../../lib/routes';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { useSlow } from '../useSlow';
import { SlotChoices } from './SlotChoices';
import { BackButton, StepTitle, type HeadingRef } from './StepParts';

type Taken = { slots: Slot[] } | null;

export function EstimateStep({
  headingRef,
  p,
  mode,
  motifId,
  price,
  profileId,
  profileName,
  start,
  onStart,
  onBack,
  keys,
  onBooked,
  onSessionError,
}: HeadingRef & {
  p: PublicProfile;
  mode: Mode;
  motifId: string;
  price: number;
  profileId: string;
  profileName: string;
  start: string;
  onStart: (start: string) => void;
  onBack: () => void;
  keys: ReturnType<typeof createAttemptKeys>;
  onBooked: (a: Appointment) => void;
  onSessionError: (e: ApiError) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.booking.estimate;
  const estimate = useLoad(
    (signal) =>
      fetchEstimate(
        { practitioner_id: p.id, motif_id: motifId, profile_id: profileId, mode },
        signal,
      ),
    [p.id, motifId, profileId, mode, lang],
  );
  const slow = useSlow(estimate.loading);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<Taken>(null);
  const [error, setError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const e = estimate.data;
  const holdCents = e?.insurer && !e.insurer.exhausted ? e.insurer.patient_pays_cents : price;

  useEffect(() => {
    if (taken || error) alertRef.current?.focus();
  }, [taken, error]);

  async function book(at: string) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = {
      practitioner_id: p.id,
      motif_id: motifId,
      start: at,
      profile_id: profileId,
      mode,
      // The estimate said the insurer's quota is used up: the patient books at the usual fee.
      ...(e?.insurer?.exhausted ? { without_insurer: true } : {}),
    };
    try {
      const r = await bookAppointment(body, keys.keyFor(body), lang, onSessionError);
      if (r.ok) {
        setTaken(null);
        onBooked(r.appointment);
      } else {
        keys.reset();
        setTaken({ slots: r.nextSlots.filter((x) => x.mode === mode) });
      }
    } catch (err) {
      // The same key is kept: "Réserver" again retries the same attempt, never a second booking.
      setTaken(null);
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <LoadState loading={estimate.loading && !e} error={null} lines={3}>
        <table class="estimate-table" data-testid="estimate">
          <caption class="visually-hidden">{fillText(s.caption, { name: profileName })}</caption>
          <tbody>
            <tr>
              <th scope="row">{s.price}</th>
              <td>{formatAmount(e?.price_cents ?? price, lang)}</td>
            </tr>
            {e && (
              <>
                <tr>
                  <th scope="row">{s.amo}</th>
                  <td>{e.reimbursable ? formatAmount(e.amo_cents, lang) : s.notReimbursable}</td>
                </tr>
                <tr class="estimate-rest">
                  <th scope="row">{s.rest}</th>
                  <td>{formatAmount(e.patient_cents, lang)}</td>
                </tr>
                {e.tiers_payant && (
                  <tr>
                    <th scope="row">{s.advance}</th>
                    <td>{formatAmount(e.advance_cents, lang)}</td>
                  </tr>
                )}
                {e.insurer && !e.insurer.exhausted && (
                  <>
                    <tr data-testid="estimate-insurer">
                      <th scope="row">
                        {fillText(t.insurerEstimate.covered, { partner: e.insurer.partner })}
                      </th>
                      <td>{formatAmount(e.insurer.covered_cents, lang)}</td>
                    </tr>
                    <tr class="estimate-rest" data-testid="estimate-you-pay">
                      <th scope="row">{t.insurerEstimate.youPay}</th>
                      <td>{formatAmount(e.insurer.patient_pays_cents, lang)}</td>
                    </tr>
                  </>
                )}
              </>
            )}
          </tbody>
        </table>
        {e?.reason && <p class="estimate-reason">{e.reason}</p>}
        {e?.insurer && (
          <p
            class={e.insurer.exhausted ? 'notice notice-warning' : 'notice notice-info'}
            data-testid="insurer-note"
          >
            <Icon name={e.insurer.exhausted ? 'alert' : 'check'} />
            <span>
              {e.insurer.exhausted
                ? fillText(t.insurerEstimate.exhausted, { partner: e.insurer.partner })
                : `${e.insurer.patient_pays_cents === 0 ? t.insurerEstimate.zero + ' ' : ''}${fillText(t.insurerEstimate.remaining, { n: e.insurer.remaining })}`}
            </span>
          </p>
        )}
      </LoadState>
      {slow && !e && <p class="slow-note">{t.search.slow}</p>}
      {estimate.error && !estimate.loading && (
        <p class="notice notice-info">
          <Icon name="alert" />
          <span>
            {s.failed}{' '}
            <button type="button" class="link-button" onClick={estimate.reload}>
              {t.form.retry}
            </button>
          </span>
        </p>
      )}
      {/* The hold is on what the patient pays: nothing at all when an insurer pays it all. */}
      {holdCents > 0 && (
        <p class="no-charge">
          <Icon name="shield" />
          <span>
            <strong>{s.noCharge}</strong>{' '}
            {fillText(s.holdAmount, { amount: formatAmount(holdCents, lang) })}
          </span>
        </p>
      )}
      {taken && (
        <div
          ref={alertRef}
          class="notice notice-warning slot-notice"
          role="alert"
          tabIndex={-1}
          data-testid="slot-taken"
        >
          <Icon name="clock" />
          <div>
            <p class="notice-title">{t.booking.taken.title}</p>
            <p>{taken.slots.length ? t.booking.taken.body : t.booking.taken.none}</p>
            {taken.slots.length > 0 ? (
              <SlotChoices
                busy={busy}
                slots={taken.slots}
                onChoose={(x) => {
                  onStart(x.start);
                  void book(x.start);
                }}
              />
            ) : (
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            )}
          </div>
        </div>
      )}
      {error && (
        <div
          ref={alertRef}
          class="notice notice-danger"
          role="alert"
          tabIndex={-1}
          data-testid="booking-error"
        >
          <Icon name="alert" />
          <div>
            <p>{error}</p>
            <p>
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            </p>
          </div>
        </div>
      )}
      <div class="step-actions">
        <BackButton onClick={onBack} />
        {!taken && (
          <button
            type="button"
            class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`}
            aria-disabled={busy ? true : undefined}
            onClick={() => void book(start)}
            data-testid="booking-book"
          >
            {busy ? s.booking : s.book}
          </button>
        )}
      </div>
    </>
  );
}
