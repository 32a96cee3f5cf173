// The agenda's delay panel: the delay announced to today's patients, announced or cleared.
import { useState } from 'preact/hooks';
import { SelectField } from '../forms/Field';
import { StatusMessage, SubmitButton } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { announceDelay } from '../../lib/practitioner/api';

const DELAYS = [5, 10, 15, 20, 30, 45, 60, 90, 120];

export function DelayPanel({
  current,
  onChange,
}: {
  current: number;
  onChange: (minutes: number) => void;
}) {
  const { t } = useI18n();
  const a = t.agenda;
  const [minutes, setMinutes] = useState('15');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(value: number) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const r = await announceDelay(value);
      onChange(r.minutes);
      setStatus(r.minutes ? fillText(a.delayAnnounced, { minutes: r.minutes }) : a.delayCleared);
    } catch (e) {
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      class={
        current ? 'card panel side-panel delay-panel is-late' : 'card panel side-panel delay-panel'
      }
      aria-labelledby="delay-panel-title"
    >
      <h2 id="delay-panel-title">{a.delayTitle}</h2>
      <p class={current ? 'delay-current' : 'muted'}>
        {current ? (
          <>
            <Icon name="clock" /> {fillText(a.delayCurrent, { minutes: current })}
          </>
        ) : (
          a.delayNone
        )}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(Number(minutes));
        }}
      >
        <SelectField
          id="delay"
          label={a.delayLabel}
          hint={a.delayHint}
          value={minutes}
          onValue={setMinutes}
          options={DELAYS.map((n) => ({ value: String(n), label: fillText(a.delayOption, { n }) }))}
        />
        {error && (
          <p class="field-error" role="alert">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}
        <div class="card-actions">
          <SubmitButton busy={busy} variant="secondary">
            {a.delayAnnounce}
          </SubmitButton>
          {current > 0 && (
            <button type="button" class="btn btn-quiet" onClick={() => void send(0)}>
              {a.delayClear}
            </button>
          )}
        </div>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}
