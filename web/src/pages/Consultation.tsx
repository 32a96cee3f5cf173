// /consultation/:id — the teleconsultation room (docs/consultation.md), one address for both
// sides. The patient waits in the waiting room (practitioner online or not, the delay, "stay
// reachable by phone" when it runs late), then talks with the practitioner once admitted. The
// practitioner sees whether the patient is there, admits them, talks, chats, and ends the
// consultation with the amount to charge. An assistant sees the waiting room only. Everyone
// gets the end screen when the consultation is closed.
//
// The room's life comes over the WebSocket (components/consultation/useRoom.ts), the call's
// connections from lib/call.ts; GET /consultations/{id} gives the names, times and price.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { CallView } from '../components/consultation/CallView';
import { EndScreen } from '../components/consultation/EndScreen';
import { patientName, PatientLobby, StaffLobby } from '../components/consultation/Lobby';
import { useCall, useLocalMedia } from '../components/consultation/useMedia';
import { useRoom, type RoomState } from '../components/consultation/useRoom';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useFocusOnChange } from '../components/useFocus';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { fetchConsultation, inCall, joinWindow, type ConsultationStatus, type ConsultationView } from '../lib/consultation';
import { fillText } from '../lib/format';
import { ROUTES } from '../lib/routes';
import { formatClock, parseInstant, slotSentence, spokenTime } from '../lib/slots';

export function ConsultationPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.room.title} roles={['patient', 'practitioner', 'assistant']}>
      {() => <Consultation id={params.id ?? ''} />}
    </RequireAuth>
  );
}

function Consultation({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const r = t.room;
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const failure = view.failure instanceof ApiError ? view.failure : null;

  if (!view.data) {
    if (failure && (failure.status === 404 || failure.status === 409)) {
      const missing = failure.status === 404;
      return (
        <>
          <PageIntro title={missing ? r.notFoundTitle : r.noRoomTitle} lead={missing ? r.notFoundBody : r.noRoomBody} />
          <div class="container narrow">
            <p class="room-status" data-testid="room-status" data-status="not_found" role="status" />
            <a class="btn btn-primary" href={ROUTES.myAppointments}>
              {r.toAppointments}
            </a>
          </div>
        </>
      );
    }
    return (
      <>
        <PageIntro title={r.title} compact />
        <div class="container narrow">
          <LoadState loading={view.loading} error={view.error} onRetry={view.reload} lines={4}>
            {null}
          </LoadState>
        </div>
      </>
    );
  }
  const v = view.data;
  const lead = fillText(v.role === 'patient' ? r.leadPatient : r.leadStaff, { name: v.role === 'patient' ? v.practitioner.name : patientName(v), when: slotSentence(v.start, lang) });
  return (
    <>
      <PageIntro title={r.title} lead={lead} compact />
      <div class="container room-page">
        <Room view={v} />
      </div>
    </>
  );
}

/** The browser's clock, ticking every 15 s: minutes of waiting, the late notice. */
function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

type Screen = 'lobby' | 'call' | 'end';

function Room({ view }: { view: ConsultationView }) {
  const { t } = useI18n();
  const now = useNow();
  const [charged, setCharged] = useState<number | null>(null);
  const over = view.status === 'completed';
  const room = useRoom(view.id, Date.parse(view.opens_at), !over && charged === null);
  const s = room.state;
  const status: ConsultationStatus = s.closed || charged !== null || over ? 'completed' : (s.status ?? view.status);
  const takesPart = inCall(view.role) && status !== 'completed';
  const { media, state: mediaState } = useLocalMedia(takesPart);
  const { snapshot, manager } = useCall(view.id, media, {
    enabled: takesPart,
    you: s.you,
    participants: s.participants,
    active: status === 'in_call' && s.phase === 'joined',
  });

  // The end: release the camera and micro at once (the light goes off). The connections go
  // with the call manager, which useCall closes when we no longer take part.
  useEffect(() => {
    if (status === 'completed') media.stop();
  }, [status === 'completed']);

  // Our participant ids, past and present (a reconnection gives a new one): our chat lines.
  const mine = useRef(new Set<string>());
  if (s.you) mine.current.add(s.you);

  // Since when the patient waits: the REST snapshot, or the moment we saw them arrive.
  const [waitingSince, setWaitingSince] = useState<string | null>(view.waiting_since ?? null);
  useEffect(() => {
    if (status === 'waiting') setWaitingSince((w) => w ?? new Date().toISOString());
    else setWaitingSince(null);
  }, [status]);

  const screen: Screen = status === 'completed' ? 'end' : status === 'in_call' && inCall(view.role) ? 'call' : 'lobby';
  const title = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(title, screen);

  return (
    <>
      <RoomStatus view={view} room={s} status={status} now={now} callConnected={snapshot.peers.some((p) => p.connectionState === 'connected')} />
      {s.connection === 'waiting' && s.phase === 'joined' && screen !== 'end' && (
        <p class="notice notice-warning" role="alert">
          <Icon name="reconnect" />
          <span>{t.room.connectionLost}</span>
        </p>
      )}
      {screen === 'end' ? (
        <EndScreen role={view.role} chargedCents={charged} titleRef={title} />
      ) : screen === 'call' ? (
        <CallView
          view={view}
          admitted={s.admitted}
          snapshot={snapshot}
          manager={manager}
          media={media}
          mediaState={mediaState}
          chat={s.chat}
          mine={(from) => mine.current.has(from)}
          onSend={(text) => room.send({ type: 'chat', text })}
          onClosed={setCharged}
          titleRef={title}
        />
      ) : view.role === 'patient' ? (
        <PatientLobby view={view} room={s} status={status} media={media} mediaState={mediaState} now={now} titleRef={title} />
      ) : (
        <StaffLobby
          view={view}
          room={s}
          status={status}
          media={media}
          mediaState={mediaState}
          now={now}
          titleRef={title}
          waitingSince={waitingSince}
          onAdmit={() => room.send({ type: 'admit' })}
        />
      )}
    </>
  );
}

/** The one line that says where things stand, read aloud when it changes (test id room-status). */
function RoomStatus({ view, room, status, now, callConnected }: { view: ConsultationView; room: RoomState; status: ConsultationStatus; now: number; callConnected: boolean }) {
  const { t, lang } = useI18n();
  const st = t.room.status;
  const patient = view.role === 'patient';
  let key: string = status;
  let text: string;
  if (status === 'completed') text = st.completed;
  else if (room.phase === 'not_found') {
    key = 'not_found';
    text = t.room.errors.notFound;
  } else if (room.phase === 'not_open') {
    key = 'not_open';
    text = joinWindow(view.start, view.end, now) === 'over' ? st.over : fillText(st.notOpen, { time: openTime(view.opens_at, lang) });
  } else if (room.phase === 'connecting') {
    key = 'connecting';
    text = st.connecting;
  } else if (status === 'in_call') {
    // "Vous allez être admis…" until the practitioner's picture and voice arrive.
    text = patient && !callConnected ? fillText(st.admitted, { name: view.practitioner.name }) : st.inCall;
  } else if (patient) text = st.waiting;
  else text = status === 'waiting' ? fillText(st.staffWaiting, { name: patientName(view) }) : st.staffScheduled;
  return (
    <p class={`room-status status-${key}`} data-testid="room-status" data-status={key} role="status">
      {text}
    </p>
  );
}

/** "9 h 20": the opening time in the practitioner's wall clock, as the API writes it. */
function openTime(iso: string, lang: 'fr' | 'en'): string {
  const p = parseInstant(iso);
  return p ? spokenTime(p.hour, p.minute, lang) : formatClock(iso);
}
