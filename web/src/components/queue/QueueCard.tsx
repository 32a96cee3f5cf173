// One queue of /maintenant: its name, open or not with its hours, the practitioners on duty,
// the estimated wait as a range, the price and the service fee, and "Consulter maintenant"
// while it is open (otherwise the way to book an appointment instead).
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import { searchPath } from '../../lib/directory/searchQuery';
import { fillText } from '../../lib/format';
import { countText, hoursText, waitText } from '../../lib/queue/format';
import type { QueueSummary } from '../../lib/queue/types';
import { queueJoinPath, ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';

export function QueueCard({ q, now }: { q: QueueSummary; now: number }) {
  const { t, lang } = useI18n();
  const w = t.queue;
  const titleId = `queue-${q.specialty}`;
  return (
    <li
      class={`card now-card${q.open ? ' is-open' : ''}`}
      aria-labelledby={titleId}
      data-testid="queue-card"
      data-specialty={q.specialty}
      data-open={String(q.open)}
    >
      <div class="now-card-head">
        <h2 id={titleId} class="now-card-title">
          {q.label}
        </h2>
        <span class={`badge ${q.open ? 'badge-success' : 'badge-neutral'}`}>
          {q.open ? <Icon name="check" /> : <Icon name="clock" />}
          {q.open ? w.hours.open : w.hours.closed}
        </span>
      </div>
      <p class="now-hours" data-testid="queue-hours">
        {hoursText(q, now, w.hours, lang)}
      </p>
      {q.open && (
        <>
          <p class="now-wait">
            <span class="now-label">{w.estimate.label}</span>{' '}
            <strong data-testid="queue-estimate">
              {q.estimate_minutes
                ? waitText(q.estimate_minutes, w.estimate, lang)
                : w.estimate.unknown}
            </strong>
          </p>
          <p class="now-duty" data-testid="queue-on-duty">
            <Icon name="users" />
            <span>
              {countText(q.on_duty, w.onDuty)} · {countText(q.waiting, w.waiting)}
            </span>
          </p>
        </>
      )}
      <p class="now-price">
        {fillText(w.list.price, { amount: formatAmount(q.price_cents, lang) })}
        <br />
        <span class="muted" data-testid="queue-fee">
          {fillText(w.fee.line, {
            fee: fillText(w.fee.amount, { amount: formatAmount(q.fee_cents, lang) }),
          })}
        </span>
      </p>
      {q.open ? (
        <a
          class="btn btn-primary btn-large now-join"
          href={queueJoinPath(q.specialty)}
          data-testid="queue-join"
        >
          <Icon name="video" />
          {w.list.join}
          <span class="visually-hidden"> — {q.label}</span>
        </a>
      ) : (
        <p class="muted small">
          {w.list.closedNote}{' '}
          <a href={searchPath(ROUTES.search, { specialty: q.specialty, video: true })}>
            {w.list.book}
          </a>
        </p>
      )}
    </li>
  );
}
