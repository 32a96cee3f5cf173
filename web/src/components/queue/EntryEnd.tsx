// The waiting screen once the place is over: in consultation (the way back to the room), done
// (the documents), left or removed (why, that nothing is charged, and the way back).
import type { RefObject } from 'preact';
import { useI18n } from '../../i18n';
import { roomPath } from '../../lib/consultation/consultation';
import { endReasonText } from '../../lib/queue/format';
import type { QueueEntry } from '../../lib/queue/types';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';

export function EntryEnd({
  entry,
  headingRef,
}: {
  entry: QueueEntry;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useI18n();
  const w = t.queue.wait;
  const s = entry.state;
  const room = entry.consultation_id ? roomPath(entry.consultation_id) : null;
  const [title, body, icon] =
    s === 'in_consultation'
      ? [w.inConsultationTitle, w.inConsultationBody, 'video' as const]
      : s === 'done'
        ? [w.doneTitle, w.doneBody, 'check' as const]
        : s === 'left'
          ? [w.leftTitle, w.leftBody, 'exit' as const]
          : [w.removedTitle, w.removedBody, 'alert' as const];
  return (
    <section
      class={`card now-end now-end-${s}`}
      aria-labelledby="now-end-title"
      data-testid="queue-ended"
      data-state={s}
    >
      <Icon name={icon} class="now-end-icon" />
      <h2 id="now-end-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {s === 'removed' && <p>{endReasonText(entry.end_reason, t.queue.end)}</p>}
      <p>{body}</p>
      <div class="card-actions">
        {s === 'in_consultation' && room && (
          <a class="btn btn-primary btn-large" href={room} data-testid="queue-room">
            <Icon name="video" />
            {w.backToRoom}
          </a>
        )}
        {s === 'done' && (
          <a class="btn btn-primary" href={ROUTES.myDocuments}>
            {w.documents}
          </a>
        )}
        {(s === 'left' || s === 'removed') && (
          <a class="btn btn-primary" href={ROUTES.queues} data-testid="queue-again">
            {w.again}
          </a>
        )}
        <a class="btn btn-secondary" href={ROUTES.patient}>
          {w.home}
        </a>
      </div>
    </section>
  );
}
