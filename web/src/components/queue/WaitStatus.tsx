// The waiting screen's card: the place, large ("Vous êtes 3e", "Vous êtes le prochain"), how
// many are before, the estimated wait as a range with "Comment c'est calculé ?" (a native
// disclosure), and the practitioners on duty.
import type { RefObject } from 'preact';
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { countText, positionText, waitText } from '../../lib/queue/format';
import type { QueueEntry } from '../../lib/queue/types';
import { Icon } from '../Icon';

export function WaitStatus({
  entry,
  headingRef,
}: {
  entry: QueueEntry;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, lang } = useI18n();
  const w = t.queue;
  const position = entry.position;
  return (
    <section
      class="card now-status"
      aria-labelledby="now-status-title"
      data-testid="queue-status"
      data-state={entry.state}
    >
      <h2 id="now-status-title" class="now-status-title" ref={headingRef} tabIndex={-1}>
        {w.wait.statusTitle}
      </h2>
      {position !== null && (
        <>
          <p class="now-position" data-testid="queue-position" data-position={position}>
            {positionText(position, w.position, lang)}
          </p>
          <p class="now-ahead">{countText(position - 1, w.ahead)}</p>
        </>
      )}
      <div class="now-estimate">
        <Icon name="clock" />
        <div>
          <p data-testid="queue-estimate">
            {entry.estimate_minutes ? (
              fillText(w.estimate.line, {
                wait: waitText(entry.estimate_minutes, w.estimate, lang),
              })
            ) : (
              <>{w.estimate.unknown}</>
            )}
          </p>
          <details class="now-how">
            <summary>{w.estimate.how}</summary>
            <p>{w.estimate.howBody}</p>
            <p>{w.estimate.howRange}</p>
          </details>
        </div>
      </div>
      <p class="now-duty" data-testid="queue-on-duty" data-count={entry.on_duty}>
        <Icon name="users" />
        <span>{countText(entry.on_duty, w.onDuty)}</span>
      </p>
      {entry.on_duty === 0 && <p class="muted">{w.wait.noDuty}</p>}
    </section>
  );
}
