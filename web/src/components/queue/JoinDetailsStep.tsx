// "Votre demande": the reason in one line (200 characters at most, counted as typed) and the
// commune of the person who consults, for territoriality (PlaceCombobox: the API needs the
// INSEE code, so a name typed without picking is resolved to the first suggestion, and shown).
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { searchPlaces } from '../../lib/directory/api';
import { fillText } from '../../lib/format';
import { checkDetails, oneLine, REASON_MAX, type ChosenCommune } from '../../lib/queue/join';
import { BackButton, StepTitle, type HeadingRef } from '../booking/StepParts';
import { ErrorSummary, type FieldError } from '../forms/Feedback';
import { TextField } from '../forms/Field';
import { PlaceCombobox } from '../PlaceCombobox';

export interface DetailsErrors {
  reason?: string;
  commune?: string;
}

export function JoinDetailsStep({
  headingRef,
  reason,
  onReason,
  commune,
  communeText,
  onCommune,
  remembered,
  errors,
  onErrors,
  onBack,
  onNext,
}: HeadingRef & {
  reason: string;
  onReason: (v: string) => void;
  commune: ChosenCommune | null;
  communeText: string;
  onCommune: (text: string, chosen: ChosenCommune | null) => void;
  /** The commune was filled in from this device's memory. */
  remembered: boolean;
  errors: DetailsErrors;
  onErrors: (e: DetailsErrors) => void;
  onBack: () => void;
  onNext: (commune: ChosenCommune) => void;
}) {
  const { t } = useI18n();
  const d = t.queue.join.details;
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const length = [...oneLine(reason)].length;

  async function submit() {
    if (busy) return;
    let chosen = commune;
    // A name typed and not picked: the server's best reading of it, shown in the field.
    if (!chosen && communeText.trim().length >= 2) {
      setBusy(true);
      try {
        const first = (await searchPlaces(communeText, undefined, 1))[0];
        if (first) {
          chosen = { code: first.code, label: first.label };
          onCommune(first.label, chosen);
        }
      } catch {
        // Said below as "choose from the list".
      } finally {
        setBusy(false);
      }
    }
    const problems = checkDetails(reason, chosen?.code ?? '');
    const next: DetailsErrors = {};
    if (problems.reason === 'required') next.reason = d.reasonRequired;
    if (problems.reason === 'tooLong') next.reason = fillText(d.reasonTooLong, { max: REASON_MAX });
    if (problems.commune) next.commune = d.communeRequired;
    onErrors(next);
    if (next.reason || next.commune || !chosen) {
      setAttempt((n) => n + 1);
      return;
    }
    onNext(chosen);
  }

  const fields: FieldError[] = [
    ...(errors.reason ? [{ id: 'queue-reason', text: errors.reason }] : []),
    ...(errors.commune ? [{ id: 'queue-commune', text: errors.commune }] : []),
  ];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <StepTitle headingRef={headingRef}>{d.title}</StepTitle>
      <ErrorSummary
        message={fields.length ? t.form.fixErrors : null}
        fields={fields}
        attempt={attempt}
      />
      <TextField
        id="queue-reason"
        label={d.reason}
        hint={
          <>
            {d.reasonHint}{' '}
            <span class={length > REASON_MAX ? 'now-count is-over' : 'now-count'}>
              {fillText(d.count, { n: length, max: REASON_MAX })}
            </span>
          </>
        }
        error={errors.reason}
        value={reason}
        onValue={(v) => {
          onReason(v);
          if (errors.reason) onErrors({ ...errors, reason: undefined });
        }}
        autoComplete="off"
        enterKeyHint="next"
        data-testid="reason-input"
      />
      <PlaceCombobox
        id="queue-commune"
        label={d.commune}
        hint={remembered && commune ? `${d.communeHint} ${d.communeRemembered}` : d.communeHint}
        error={errors.commune}
        text={communeText}
        onText={(text) => {
          onCommune(text, null);
          if (errors.commune) onErrors({ ...errors, commune: undefined });
        }}
        onSelect={(place) => {
          onCommune(place.label, { code: place.code, label: place.label });
          if (errors.commune) onErrors({ ...errors, commune: undefined });
        }}
        autoComplete="address-level2"
        testId="commune-input"
      />
      <div class="step-actions">
        <BackButton onClick={onBack} />
        <button
          type="submit"
          class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`}
          aria-disabled={busy ? true : undefined}
          data-testid="queue-details-continue"
        >
          {t.booking.continue}
        </button>
      </div>
    </form>
  );
}
