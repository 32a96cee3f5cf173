// "Motif": the practitioner's motifs for the chosen mode, each with its duration and price. A
// motif other than the one the slot was found for may last longer: the time is checked again
// (GET …/slots of that day), and if it no longer fits, that day's times for this motif are offered.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fetchDaySlots } from '../../lib/booking/api';
import {
  formatPrice,
  motifsFor,
  type Mode,
  type PublicProfile,
  type Slot,
} from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import { practitionerPath } from '../../lib/routes';
import { localDate } from '../../lib/booking/slots';
import { Icon } from '../Icon';
import { MotifName } from '../MotifName';
import { SlotChoices } from './SlotChoices';
import { BackButton, StepTitle, type HeadingRef } from './StepParts';

export function MotifStep({
  headingRef,
  p,
  mode,
  start,
  value,
  onChange,
  fitsMotif,
  onBack,
  onNext,
}: HeadingRef & {
  p: PublicProfile;
  mode: Mode;
  start: string;
  value: string;
  onChange: (id: string) => void;
  /** The motif the current start is known to fit. */
  fitsMotif: string;
  onBack: () => void;
  onNext: (start?: string) => void;
}) {
  const { t, lang } = useI18n();
  const s = t.booking.motif;
  const motifs = motifsFor(p.motifs, mode);
  const [checking, setChecking] = useState(false);
  const [others, setOthers] = useState<Slot[] | null>(null);
  const othersRef = useRef<HTMLDivElement>(null);
  useEffect(() => setOthers(null), [value]);
  useEffect(() => {
    if (others) othersRef.current?.focus();
  }, [others]);

  async function next() {
    if (!value || checking) return;
    if (value === fitsMotif) return onNext();
    // Another motif, another duration: is the time still a slot of this motif?
    setChecking(true);
    try {
      const r = await fetchDaySlots(p.id, localDate(start), mode, value);
      if (r.slots.some((x) => x.start === start)) onNext();
      else setOthers(r.slots.filter((x) => x.mode === mode));
    } catch {
      onNext(); // The booking itself checks the time; let it say.
    } finally {
      setChecking(false);
    }
  }

  if (motifs.length === 0)
    return (
      <>
        <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
        <p>{s.none}</p>
        <div class="step-actions">
          <BackButton onClick={onBack} />
          <a class="btn btn-secondary" href={practitionerPath(p.id)}>
            {t.booking.toProfile}
          </a>
        </div>
      </>
    );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void next();
      }}
    >
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <fieldset class="choice-group" aria-labelledby="step-title">
        <ul class="choice-list">
          {motifs.map((m) => (
            <li key={m.id}>
              <label class="choice" for={`motif-${m.id}`}>
                <input
                  id={`motif-${m.id}`}
                  type="radio"
                  name="motif"
                  value={m.id}
                  checked={value === m.id}
                  onChange={() => onChange(m.id)}
                  data-testid={`motif-${m.id}`}
                />
                <span class="choice-text">
                  <span class="choice-title">
                    <MotifName motif={m} />
                  </span>
                  <span class="choice-detail">
                    {fillText(s.option, {
                      duration: m.duration_min,
                      price: formatPrice(m.price_cents, lang),
                    })}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {checking && (
        <p class="muted" role="status">
          {s.checking}
        </p>
      )}
      {others && (
        <div ref={othersRef} class="notice notice-warning slot-notice" tabIndex={-1} role="alert">
          <Icon name="clock" />
          <div>
            <p class="notice-title">{others.length ? s.notFit : s.noneThatDay}</p>
            {others.length > 0 ? (
              <SlotChoices slots={others} onChoose={(x) => onNext(x.start)} />
            ) : (
              <a href={practitionerPath(p.id, { mode })}>{t.booking.toProfile}</a>
            )}
          </div>
        </div>
      )}
      <div class="step-actions">
        <BackButton onClick={onBack} />
        <button
          type="submit"
          class="btn btn-primary btn-large"
          aria-disabled={!value || checking ? true : undefined}
          data-testid="booking-continue"
        >
          {t.booking.continue}
        </button>
      </div>
    </form>
  );
}
