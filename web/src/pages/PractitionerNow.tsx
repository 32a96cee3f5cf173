// /praticien/maintenant — "Consultations immédiates", the practitioner's side of the queue
// (docs/queue.md): the switch "Disponible pour les consultations immédiates" (PUT
// /practitioner/duty; off limits, with the reason, for a practitioner not eligible), the
// patients waiting in order of arrival (age, reason, time waited, near or distant, already
// called once: nothing else before taking), "Prendre le patient suivant" (POST
// /practitioner/queue/take, then the room), and the patients taken whose consultation is not
// closed. Live: `watch_queue_staff`, and GET /practitioner/queue again at every `queue_staff`
// and after a reconnection (lib/queue/staff.ts). Practitioners only: the reasons are clinical.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useClock } from '../components/queue/useClock';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { formatAmount } from '../lib/booking/payment';
import { realtime } from '../lib/consultation/realtime';
import { roomPath } from '../lib/consultation/consultation';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { fetchStaffQueue, setDuty, takeNext } from '../lib/queue/api';
import { countText, durationText, waitedMinutes } from '../lib/queue/format';
import { ineligibleText, takeFailure, watchStaffQueue } from '../lib/queue/staff';
import type { StaffItem, StaffQueue } from '../lib/queue/types';
import { ROUTES } from '../lib/routes';

export function PractitionerNowPage() {
  const { t } = useI18n();
  const s = t.queue.staff;
  return (
    <PractitionerLayout title={s.title} lead={s.lead} roles={['practitioner']}>
      {() => <StaffNow />}
    </PractitionerLayout>
  );
}

function StaffNow() {
  const { t, lang } = useI18n();
  const s = t.queue.staff;
  const { route } = useLocation();
  const now = useClock();
  const list = useLoad((signal) => fetchStaffQueue(signal), [lang]);
  const [live, setLive] = useState(true);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [dutyBusy, setDutyBusy] = useState(false);
  const [dutyError, setDutyError] = useState<string | null>(null);
  const [taking, setTaking] = useState(false);
  const [takeError, setTakeError] = useState<string | null>(null);
  const takeErrorRef = useRef<HTMLParagraphElement>(null);
  const { reload, setData } = list;

  useEffect(() => watchStaffQueue(realtime(), reload, setLive), [reload]);

  // A change of the number waiting is said politely (not the first reading).
  const waiting = list.data?.waiting;
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (waiting === undefined) return;
    if (seen.current !== undefined && seen.current !== waiting)
      setAnnounce(fillText(s.changed, { waiting: countText(waiting, t.queue.waiting) }));
    seen.current = waiting;
  }, [waiting, s.changed, t.queue.waiting]);

  useEffect(() => {
    if (takeError) takeErrorRef.current?.focus();
  }, [takeError]);

  async function toggleDuty(q: StaffQueue) {
    if (dutyBusy || !q.eligible) return;
    setDutyBusy(true);
    setDutyError(null);
    try {
      const next = await setDuty(!q.on_duty);
      setData(() => next);
    } catch (e) {
      setDutyError(`${s.dutyFailed} ${errorText(e, t.errors)}`);
    } finally {
      setDutyBusy(false);
    }
  }

  async function take() {
    if (taking) return;
    setTaking(true);
    setTakeError(null);
    try {
      const taken = await takeNext();
      route(roomPath(taken.consultation_id));
    } catch (e) {
      const why = takeFailure(e);
      setTakeError(why === 'other' ? errorText(e, t.errors) : s.errors[why]);
      setTaking(false);
      reload();
    }
  }

  const q = list.data;
  return (
    <div class="now-staff">
      <StatusMessage message={announce} tone="info" />
      {!live && (
        <p class="notice notice-warning" role="status">
          <Icon name="reconnect" />
          <span>{s.paused}</span>
        </p>
      )}
      <LoadState
        loading={list.loading && !q}
        error={q ? null : list.error}
        onRetry={list.reload}
        lines={5}
      >
        {q && (
          <>
            <section class="card panel now-duty-panel" aria-labelledby="now-duty-title">
              <h2 id="now-duty-title" class="visually-hidden">
                {s.duty}
              </h2>
              <DutySwitch q={q} busy={dutyBusy} onToggle={() => void toggleDuty(q)} />
              {dutyError && (
                <p class="notice notice-danger" role="alert">
                  <Icon name="alert" />
                  <span>{dutyError}</span>
                </p>
              )}
              <p class="now-staff-status">
                <span class={`badge ${q.open ? 'badge-success' : 'badge-neutral'}`}>
                  {q.open ? s.open : s.closed}
                </span>{' '}
                <strong>{q.label}</strong> · {countText(q.on_duty_count, t.queue.onDuty)}
              </p>
              {q.motif && (
                <p class="muted small">
                  {fillText(s.motif, {
                    label: q.motif.label,
                    price: formatAmount(q.motif.price_cents, lang),
                  })}
                </p>
              )}
            </section>

            {q.current.length > 0 && (
              <section class="card panel" aria-labelledby="now-current-title">
                <h2 id="now-current-title" class="small-title">
                  {s.currentTitle}
                </h2>
                <ul class="now-current">
                  {q.current.map((c) => (
                    <li key={c.consultation_id} data-testid="queue-current">
                      <span>{s.currentItem}</span>
                      <a class="btn btn-secondary" href={roomPath(c.consultation_id)}>
                        <Icon name="video" />
                        {s.openRoom}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <section class="now-waiting" aria-labelledby="now-waiting-title">
              <div class="now-waiting-head">
                <h2 id="now-waiting-title">
                  {s.listTitle}{' '}
                  <span class="muted" data-testid="queue-waiting-count">
                    ({q.waiting})
                  </span>
                </h2>
                <TakeButton q={q} busy={taking} onTake={() => void take()} />
              </div>
              {takeError && (
                <p
                  ref={takeErrorRef}
                  class="notice notice-warning"
                  role="alert"
                  tabIndex={-1}
                  data-testid="queue-take-error"
                >
                  <Icon name="alert" />
                  <span>{takeError}</span>
                </p>
              )}
              {q.items.length === 0 ? (
                <p class="empty-note">{s.empty}</p>
              ) : (
                <>
                  <ol class="now-items" aria-label={s.listLabel}>
                    {q.items.map((item) => (
                      <WaitingItem key={item.id} item={item} now={now} />
                    ))}
                  </ol>
                  <p class="muted small">{s.nearHint}</p>
                </>
              )}
            </section>
          </>
        )}
      </LoadState>
    </div>
  );
}

/** The duty switch: a real switch (role="switch"), off limits with its reason when not eligible. */
function DutySwitch({ q, busy, onToggle }: { q: StaffQueue; busy: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const s = t.queue.staff;
  const why = q.eligible ? null : ineligibleText(q.ineligible_reason, s.ineligible);
  return (
    <div class={`now-switch${q.on_duty ? ' is-on' : ''}`}>
      <button
        type="button"
        role="switch"
        aria-checked={q.on_duty}
        aria-disabled={!q.eligible || busy ? true : undefined}
        aria-describedby="now-duty-state"
        class="now-switch-button"
        onClick={onToggle}
        data-testid="duty-switch"
      >
        <span class="now-switch-track" aria-hidden="true">
          <span class="now-switch-thumb" />
        </span>
        <span class="now-switch-label">{s.duty}</span>
      </button>
      <p id="now-duty-state" class="now-switch-state" data-testid="duty-state">
        {why ? (
          <>
            <Icon name="lock" />
            <span>
              {why} <a href={ROUTES.practitionerProfile}>{s.profileLink}</a>
            </span>
          </>
        ) : (
          <span>{q.on_duty ? s.dutyOn : s.dutyOff}</span>
        )}
      </p>
    </div>
  );
}

function TakeButton({ q, busy, onTake }: { q: StaffQueue; busy: boolean; onTake: () => void }) {
  const { t } = useI18n();
  const s = t.queue.staff;
  const off = !q.on_duty;
  const none = q.items.length === 0;
  return (
    <div class="now-take">
      <button
        type="button"
        class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`}
        aria-disabled={busy || off || none ? true : undefined}
        aria-describedby={off ? 'now-take-off' : undefined}
        onClick={() => {
          if (!busy && !off && !none) onTake();
        }}
        data-testid="queue-take"
      >
        <Icon name="video" />
        {busy ? s.taking : s.take}
      </button>
      {off && (
        <p id="now-take-off" class="muted small">
          {s.takeOff}
        </p>
      )}
    </div>
  );
}

function WaitingItem({ item, now }: { item: StaffItem; now: number }) {
  const { t, lang } = useI18n();
  const s = t.queue.staff;
  const minutes = waitedMinutes(item, now);
  const age =
    item.age_years === null
      ? null
      : item.age_years < 1
        ? s.baby
        : item.age_years === 1
          ? s.ageOne
          : fillText(s.age, { n: item.age_years });
  return (
    <li class="card now-item" data-testid="queue-item" data-id={item.id}>
      <p class="now-item-reason">{item.reason}</p>
      <p class="now-item-meta">
        {age && <span>{age}</span>}
        <span>
          <Icon name="clock" />
          {minutes < 1
            ? s.waitedJustNow
            : fillText(s.waited, { time: durationText(minutes, lang) })}
        </span>
        <span
          class={`badge ${item.near ? 'badge-success' : 'badge-warning'}`}
          data-near={String(item.near)}
        >
          <Icon name="mapPin" />
          {item.near ? s.near : s.distant}
        </span>
        {item.skipped && (
          <span class="badge badge-neutral" data-testid="queue-item-skipped">
            {s.skipped}
          </span>
        )}
        {item.reserved && (
          <span class="badge badge-neutral" data-testid="queue-item-reserved">
            {s.reserved}
          </span>
        )}
      </p>
    </li>
  );
}
