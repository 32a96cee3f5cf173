// /maintenant — "Consulter maintenant" (docs/queue.md): the immediate queues (GET /queues,
// public), each with its hours, the practitioners on duty, the estimated wait and the price;
// read again every minute, since the waits move. A signed-in patient who already waits is
// shown the way back to their place first.
import { useEffect } from 'preact/hooks';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { MyPlaces } from '../components/queue/MyPlaces';
import { QueueCard } from '../components/queue/QueueCard';
import { useClock } from '../components/queue/useClock';
import { useLoad } from '../components/useLoad';
import { useSlow } from '../components/useSlow';
import { useI18n } from '../i18n';
import { fetchQueues } from '../lib/queue/api';

const REFRESH_MS = 60_000;

export function QueuesPage() {
  const { t, lang } = useI18n();
  const w = t.queue.list;
  const now = useClock();
  const queues = useLoad((signal) => fetchQueues(signal), [lang]);
  const slow = useSlow(queues.loading && !queues.data);
  const { reload } = queues;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const items = queues.data ?? [];
  return (
    <>
      <PageIntro title={w.title} lead={w.lead} />
      <div class="container now-page">
        <MyPlaces />
        <LoadState
          loading={queues.loading && !queues.data}
          error={queues.data ? null : queues.error}
          onRetry={queues.reload}
          lines={4}
        >
          {items.length === 0 ? (
            <p class="empty-note" data-testid="queue-empty">
              {w.empty}
            </p>
          ) : (
            <ul class="now-list" aria-label={w.listLabel}>
              {items.map((q) => (
                <QueueCard key={q.specialty} q={q} now={now} />
              ))}
            </ul>
          )}
        </LoadState>
        {slow && <p class="slow-note">{w.slow}</p>}
        <p class="no-charge">
          <Icon name="shield" />
          <span>{w.noCharge}</span>
        </p>
        <aside class="callout callout-danger" aria-labelledby="now-emergency">
          <Icon name="alert" class="callout-icon" />
          <div>
            <h2 id="now-emergency">{t.home.emergencyTitle}</h2>
            <p>{t.home.emergencyBody}</p>
          </div>
        </aside>
      </div>
    </>
  );
}
