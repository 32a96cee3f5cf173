// /maintenant/file/:entry — the waiting screen of an immediate consultation (docs/queue.md):
// the place, large; the estimated wait as a range and how it is calculated; the practitioners
// on duty; the card hold; the pre-call test meanwhile; "Quitter la file". Live over the tab's
// socket (`watch_queue`, which also keeps the place), read again when the page comes back
// (screen back on, tab shown) and after a reconnection: lib/queue/watch.ts.
//
// "C'est à vous !": a buzz and a tone where allowed, the tab's title while hidden, then the
// room (/consultation/:id), where the practitioner admits the patient as for a booked
// appointment. Changes of place are announced politely; the end of the place (left, removed,
// done) says what happened, that nothing is charged, and the way back.
import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { EntryEnd } from '../components/queue/EntryEnd';
import { LeaveQueue } from '../components/queue/LeaveQueue';
import { PrecallCompact } from '../components/queue/PrecallCompact';
import { alertCalled } from '../components/queue/useCallAlert';
import { useEntryWatch } from '../components/queue/useEntryWatch';
import { useWakeLock } from '../components/queue/useWakeLock';
import { WaitStatus } from '../components/queue/WaitStatus';
import { RequireAuth } from '../components/RequireAuth';
import { useFocusOnChange } from '../components/useFocus';
import { useI18n } from '../i18n';
import { fullName } from '../lib/account/session';
import { ApiError } from '../lib/api';
import { formatAmount } from '../lib/booking/payment';
import { roomPath } from '../lib/consultation/consultation';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { isEnded } from '../lib/queue/entry';
import { clockText, positionNews } from '../lib/queue/format';
import type { QueueEntry } from '../lib/queue/types';
import { ROUTES } from '../lib/routes';

/** "C'est à vous !" stays this long on a visible page before the room opens. */
const CALLED_PAUSE_MS = 1500;

export function QueueWaitPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.queue.wait.title} roles={['patient']}>
      {() => <Wait id={params.entry ?? ''} />}
    </RequireAuth>
  );
}

function Wait({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const w = t.queue.wait;
  const { route } = useLocation();
  const [announce, setAnnounce] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const going = useRef(false);
  const alerted = useRef(false);

  const snap = useEntryWatch(id, (events, entry) => {
    for (const ev of events) {
      if (ev.kind === 'moved') setAnnounce(positionNews(ev.position, t.queue.position, lang));
      else if (ev.kind === 'skipped') {
        // Back at their place: the next call is a new one, said again.
        alerted.current = false;
        going.current = false;
        setAnnounce(w.skippedNews);
      } else if (ev.kind === 'called') called(ev.consultation_id ?? entry.consultation_id);
    }
  });

  function called(consultation: string | null) {
    if (going.current) return;
    // Once per call, even when its consultation is only known at the next reading.
    if (!alerted.current) alertCalled(w.calledTab);
    alerted.current = true;
    if (!consultation) return;
    going.current = true;
    // Hidden, the room opens at once (its waiting room counts as the answer); seen, the
    // patient reads "C'est à vous !" first.
    setTimeout(() => route(roomPath(consultation)), document.hidden ? 0 : CALLED_PAUSE_MS);
  }

  const entry = snap.entry;
  const phase = entry ? entry.state : 'loading';
  // Focus moves only when the place ends while the page is open (to what happened), not for
  // the state the page opened on; the call is an alert of its own.
  const opened = useRef<string | null>(null);
  if (entry && opened.current === null) opened.current = phase;
  useFocusOnChange(
    heading,
    phase === 'loading' || phase === opened.current || phase === 'waiting' || phase === 'called'
      ? 'live'
      : phase,
  );
  useWakeLock(!!entry && (entry.state === 'waiting' || entry.state === 'called'));

  if (!entry) {
    const gone =
      snap.failure instanceof ApiError &&
      (snap.failure.status === 404 || snap.failure.status === 403);
    return (
      <>
        <PageIntro title={gone ? w.notFoundTitle : w.title} compact />
        <div class="container narrow">
          {gone ? (
            <div class="notice notice-info" role="status" data-testid="queue-not-found">
              <Icon name="alert" />
              <div>
                <p>{w.notFoundBody}</p>
                <p>
                  <a href={ROUTES.queues}>{t.queue.join.toList}</a>
                </p>
              </div>
            </div>
          ) : (
            <LoadState
              loading={snap.loading}
              error={snap.failure ? errorText(snap.failure, t.errors) : null}
              onRetry={snap.refresh}
              lines={4}
            >
              {null}
            </LoadState>
          )}
        </div>
      </>
    );
  }

  const lead = fillText(w.lead, { label: entry.label, name: fullName(entry.profile) });
  return (
    <>
      <PageIntro title={w.title} lead={lead} compact />
      <div class="container now-wait-page" data-testid="queue-wait" data-state={entry.state}>
        <div class="visually-hidden" role="status" aria-live="polite" data-testid="queue-announce">
          {announce}
        </div>
        {!snap.live && !isEnded(entry.state) && (
          <p class="notice notice-warning" role="status">
            <Icon name="reconnect" />
            <span>{w.paused}</span>
          </p>
        )}
        {snap.failure !== null && !isEnded(entry.state) && (
          <p class="notice notice-info">
            <Icon name="alert" />
            <span>{w.refreshFailed}</span>
          </p>
        )}
        {isEnded(entry.state) || entry.state === 'in_consultation' ? (
          <EntryEnd entry={entry} headingRef={heading} />
        ) : (
          <Live entry={entry} headingRef={heading} onLeft={snap.refresh} />
        )}
      </div>
    </>
  );
}

function Live({
  entry,
  headingRef,
  onLeft,
}: {
  entry: QueueEntry;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onLeft: () => void;
}) {
  const { t, lang } = useI18n();
  const w = t.queue.wait;
  const card = entry.card
    ? fillText(t.appointments.cardOn, { brand: entry.card.brand, last4: entry.card.last4 })
    : null;
  return (
    <>
      {entry.state === 'called' ? (
        <section
          class="now-called"
          role="alert"
          aria-labelledby="now-called-title"
          data-testid="queue-called"
        >
          <Icon name="bell" class="now-called-icon" />
          <h2 id="now-called-title">{w.called}</h2>
          <p>{w.calledBody}</p>
          {entry.answer_by && (
            <p class="now-called-by">
              {fillText(w.calledBy, { time: clockText(entry.answer_by, t.queue.hours, lang) })}
            </p>
          )}
          {entry.consultation_id && (
            <a
              class="btn btn-primary btn-large"
              href={roomPath(entry.consultation_id)}
              data-testid="queue-enter"
            >
              <Icon name="video" />
              {w.enter}
            </a>
          )}
        </section>
      ) : (
        <WaitStatus entry={entry} headingRef={headingRef} />
      )}
      {entry.skipped && entry.state === 'waiting' && (
        <p class="notice notice-warning" data-testid="queue-skipped">
          <Icon name="alert" />
          <span>{w.skipped}</span>
        </p>
      )}
      {entry.near === 'distant' && (
        <p class="notice notice-warning" data-testid="queue-distant">
          <Icon name="mapPin" />
          <span>{w.distant}</span>
        </p>
      )}
      <p class="now-keep-open">
        <Icon name="device" />
        <span>{w.keepOpen}</span>
      </p>
      <p class="payment-line payment-ok now-hold" data-testid="queue-hold">
        <Icon name="card" />
        <span>
          {fillText(w.hold, { amount: formatAmount(entry.hold_cents, lang) })}
          {card && <span class="muted"> · {card}</span>}
        </span>
      </p>
      <PrecallCompact />
      <LeaveQueue id={entry.id} onLeft={onLeft} />
    </>
  );
}
