// "Quitter la file": a confirmation in place (no modal), then DELETE /queue-entries/{id}; the
// hold is voided, which the confirmation says before and the end screen after.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { leaveQueue } from '../../lib/queue/api';
import { Icon } from '../Icon';

export function LeaveQueue({ id, onLeft }: { id: string; onLeft: () => void }) {
  const { t } = useI18n();
  const w = t.queue.wait;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  // Focus follows the question: to its title when it opens, back to the button when kept.
  useEffect(() => {
    if (asking) title.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function leave() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await leaveQueue(id);
      onLeft();
    } catch (e) {
      setError(errorText(e, t.errors));
      setBusy(false);
    }
  }

  if (!asking)
    return (
      <div class="now-leave">
        <button
          ref={opener}
          type="button"
          class="btn btn-quiet"
          onClick={() => setAsking(true)}
          data-testid="queue-leave"
        >
          <Icon name="exit" />
          {w.leave}
        </button>
      </div>
    );
  return (
    <section
      class="inline-panel confirm-box now-leave-confirm"
      aria-labelledby="now-leave-title"
      aria-describedby="now-leave-body"
      data-testid="queue-leave-confirm"
    >
      <h2 id="now-leave-title" class="small-title" ref={title} tabIndex={-1}>
        {w.leaveTitle}
      </h2>
      <p id="now-leave-body">{w.leaveBody}</p>
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <div class="card-actions">
        <button
          type="button"
          class={`btn btn-danger${busy ? ' is-busy' : ''}`}
          aria-disabled={busy ? true : undefined}
          onClick={() => void leave()}
          data-testid="queue-leave-yes"
        >
          {busy ? w.leaving : w.leaveYes}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => setAsking(false)}
          data-testid="queue-leave-keep"
        >
          {w.leaveKeep}
        </button>
      </div>
    </section>
  );
}
