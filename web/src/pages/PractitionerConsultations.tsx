// /praticien/consultations — "Consultations du jour", for the practitioner and their assistants:
// today's video consultations (GET /practitioner/consultations) in time order, who is in the
// waiting room (`watch_waiting_room` on the WebSocket, then the list is fetched again at each
// `waiting_room` message, after a reconnection, and every minute), and for the practitioner a
// one-click "Admettre": join that room, send `admit`, then open it (/consultation/:id).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { LoadState, StatusMessage } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PractitionerLayout } from '../components/PractitionerArea';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fetchDashboard } from '../lib/consultation/api';
import {
  minutesSince,
  patientAge,
  roomPath,
  type DashboardConsultation,
} from '../lib/consultation/consultation';
import { fillText } from '../lib/format';
import { realtime, type RealtimeMessage } from '../lib/consultation/realtime';
import { formatClock, rangeSentence } from '../lib/booking/slots';
import { closePath } from '../lib/routes';
import type { Me } from '../lib/account/types';
import { useLatest } from '../components/useLatest';

export function PractitionerConsultationsPage() {
  const { t } = useI18n();
  const d = t.dashboard;
  return (
    <PractitionerLayout
      title={d.title}
      lead={(me) =>
        me.account.role === 'assistant' && me.account.assistant_of
          ? fillText(d.leadAssistant, { name: me.account.assistant_of.name })
          : d.lead
      }
    >
      {(me) => <Dashboard me={me} />}
    </PractitionerLayout>
  );
}

/** How long to wait for the server's answers to join and admit before giving up. */
const ADMIT_TIMEOUT_MS = 10_000;

/** Joins `id`, admits its patient, and resolves once the room says the call starts. */
function admit(id: string): { done: Promise<void>; release: () => void } {
  const rt = realtime();
  const offs: Array<() => void> = [];
  let release = () => {};
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ADMIT_TIMEOUT_MS);
    const finish = (ok: boolean, why?: string) => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      if (ok) resolve();
      else reject(new Error(why));
    };
    offs.push(
      rt.on(
        'joined',
        () => {
          if (!rt.send({ type: 'admit', consultation: id })) finish(false, 'offline');
        },
        id,
      ),
      rt.on('admitted', () => finish(true), id),
      rt.on('status', (m: RealtimeMessage) => m.status === 'in_call' && finish(true), id),
      rt.on('error', (m: RealtimeMessage) =>
        finish(false, typeof m.code === 'string' ? m.code : 'error'),
      ),
    );
    release = rt.join(id);
  });
  return { done, release: () => release() };
}

function Dashboard({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const d = t.dashboard;
  const { route } = useLocation();
  const list = useLoad((signal) => fetchDashboard(signal), [lang]);
  const [live, setLive] = useState(true);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const practitioner = me.account.role === 'practitioner';

  const data = useRef(list.data);
  data.current = list.data;
  const { reload } = list;
  const texts = useLatest(d);
  useEffect(() => {
    const rt = realtime();
    const offs = [
      // Asks for the waiting_room messages of every consultation of the agenda.
      rt.watchWaitingRoom(),
      rt.on('waiting_room', (m) => {
        reload();
        if (m.waiting === true) {
          const c = data.current?.find((x) => x.id === m.consultation);
          setAnnounce(
            c
              ? fillText(texts.current.arrived, {
                  name: `${c.patient.first_name} ${c.patient.last_name}`,
                })
              : null,
          );
        }
      }),
      rt.onState((state, reconnected) => {
        setLive(state === 'open' || state === 'connecting');
        // Messages missed while the socket was down: read the list again.
        if (reconnected) reload();
      }),
    ];
    // The clock moves the list on too (a consultation ends, the next one opens).
    const timer = setInterval(reload, 60_000);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [reload, texts]);

  async function admitOne(c: DashboardConsultation) {
    if (busy) return;
    setBusy(c.id);
    setError(null);
    const a = admit(c.id);
    try {
      await a.done;
      route(roomPath(c.id));
      // The room page joins on its own as it opens; letting go of ours only after that keeps
      // the patient from seeing the practitioner leave and come back.
      setTimeout(a.release, 5000);
    } catch (e) {
      a.release();
      const code = e instanceof Error ? e.message : '';
      setError(
        code === 'forbidden'
          ? t.room.errors.forbidden
          : code === 'offline'
            ? t.room.connectionLost
            : t.room.errors.generic,
      );
      setBusy(null);
    }
  }

  const items = list.data ?? [];
  return (
    <div class="dashboard">
      <StatusMessage message={announce} tone="info" />
      {!live && (
        <p class="notice notice-warning" role="status">
          <Icon name="reconnect" />
          <span>{d.paused}</span>
        </p>
      )}
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <LoadState
        loading={list.loading && !list.data}
        error={list.data ? null : list.error}
        onRetry={list.reload}
        lines={4}
      >
        {items.length === 0 ? (
          <p class="empty-note">{d.empty}</p>
        ) : (
          <ul class="dashboard-list" aria-label={d.listLabel}>
            {items.map((c) => (
              <DashboardItem
                key={c.id}
                c={c}
                practitioner={practitioner}
                busy={busy === c.id}
                onAdmit={() => void admitOne(c)}
              />
            ))}
          </ul>
        )}
      </LoadState>
    </div>
  );
}

function DashboardItem({
  c,
  practitioner,
  busy,
  onAdmit,
}: {
  c: DashboardConsultation;
  practitioner: boolean;
  busy: boolean;
  onAdmit: () => void;
}) {
  const { t, lang } = useI18n();
  const d = t.dashboard;
  const name = `${c.patient.first_name} ${c.patient.last_name}`.trim();
  const age = patientAge(c.patient);
  const ageText =
    age === null
      ? ''
      : age < 1
        ? t.agendaBooking.baby
        : age === 1
          ? t.agendaBooking.ageOne
          : fillText(t.agendaBooking.age, { n: age });
  const minutes = c.waiting ? minutesSince(c.waiting_since ?? null, Date.now()) : null;
  const status = c.waiting ? 'waiting' : c.status;
  const named = fillText(d.actionsFor, { name, time: formatClock(c.start) });
  return (
    <li
      class={`card dashboard-item${c.waiting ? ' is-waiting' : ''}`}
      data-testid="dashboard-item"
      data-id={c.id}
      data-waiting={String(c.waiting)}
    >
      <div class="dashboard-head">
        <h2 class="dashboard-title">
          <span class="dashboard-time">{rangeSentence(c.start, c.end, lang)}</span> {name}
          {ageText && <span class="muted"> · {ageText}</span>}
        </h2>
        <span
          class={`badge ${c.waiting ? 'badge-warning' : c.status === 'in_call' ? 'badge-success' : 'badge-neutral'}`}
        >
          {c.waiting && <Icon name="clock" />}
          {d.status[status]}
        </span>
      </div>
      {minutes !== null && (
        <p class="dashboard-wait">
          {minutes < 1 ? t.room.waitingJustNow : fillText(t.room.waitingSince, { n: minutes })}
        </p>
      )}
      <div class="card-actions">
        {practitioner && c.waiting && c.status !== 'in_call' && (
          <button
            type="button"
            class={`btn btn-primary${busy ? ' is-busy' : ''}`}
            aria-disabled={busy ? true : undefined}
            onClick={onAdmit}
            data-testid="dashboard-admit"
          >
            <Icon name="video" />
            {busy ? d.admitting : d.admit}
            <span class="visually-hidden"> — {named}</span>
          </button>
        )}
        {c.status !== 'completed' && (
          <a class="btn btn-secondary" href={roomPath(c.id)}>
            {d.open}
            <span class="visually-hidden"> — {named}</span>
          </a>
        )}
        {practitioner && (c.status === 'in_call' || c.status === 'completed') && (
          <a class="btn btn-quiet" href={closePath(c.id)} data-testid="dashboard-close">
            <Icon name={c.status === 'completed' ? 'file' : 'check'} />
            {c.status === 'completed' ? t.docLinks.documents : t.docLinks.close}
            <span class="visually-hidden"> — {named}</span>
          </a>
        )}
      </div>
    </li>
  );
}
