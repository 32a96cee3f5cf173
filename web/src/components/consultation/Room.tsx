// The room of one consultation, for everyone who may be in it (docs/consultation.md): the
// status line, then the waiting room, the call or the end screen. Shared by the room page
// (/consultation/:id: patient, practitioner, assistant) and the guest's page
// (/invitation/:token: a relative or an interpreter, once the link is claimed).
//
// Around the call: waiting guests the practitioner lets in ("Faire entrer"), the switch to
// the telephone (the practitioner's button, the patient's notice), invitations (patient and
// practitioner), and the practitioner's side panel (the patient's file, shared files, private
// notes). The room's life comes over the WebSocket (useRoom), the call's connections from
// lib/consultation/call.ts.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fetchPanel } from '../../lib/consultation/api';
import {
  inCall,
  joinWindow,
  type ConsultationStatus,
  type ConsultationView,
  type PhoneFallback as Phone,
} from '../../lib/consultation/consultation';
import type { Panel } from '../../lib/consultation/panel';
import { fillText } from '../../lib/format';
import { formatClock, parseInstant, spokenTime } from '../../lib/booking/slots';
import { Icon } from '../Icon';
import { useFocusOnChange } from '../useFocus';
import { useLoad } from '../useLoad';
import { CallView } from './CallView';
import { ClosingForm, type Closed } from '../documents/ClosingForm';
import { useInlinePanel } from './useInlinePanel';
import { EndScreen } from './EndScreen';
import { GuestQueue } from './GuestQueue';
import { InvitePanel } from './InvitePanel';
import { GuestLobby, patientName, PatientLobby, StaffLobby } from './Lobby';
import { PhoneActive, PhoneNotice, PhoneSwitch } from './PhoneFallback';
import { SidePanel } from './SidePanel';
import { useCall, useLocalMedia } from './useMedia';
import { selfInCall, useRoom, type RoomState } from './useRoom';
import { useLatest } from '../useLatest';

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

const noPanel = () => Promise.resolve(null);

export function Room({ view }: { view: ConsultationView }) {
  const { t } = useI18n();
  const now = useNow();
  const [closed, setClosed] = useState<Closed | null>(null);
  const charged = closed?.cents ?? null;
  const over = view.status === 'completed';
  const practitioner = view.role === 'practitioner';
  const room = useRoom(view.id, Date.parse(view.opens_at), !over && charged === null);
  const s = room.state;
  const status: ConsultationStatus =
    s.closed || charged !== null || over ? 'completed' : (s.status ?? view.status);
  const takesPart = inCall(view.role) && status !== 'completed';
  // A guest is in the room but not in the call until the practitioner lets them in.
  const admitted = selfInCall(s, view.role);
  const { media, state: mediaState } = useLocalMedia(takesPart);
  const { snapshot, manager } = useCall(
    view.id,
    media,
    {
      enabled: takesPart,
      you: s.you,
      participants: s.participants,
      active: status === 'in_call' && s.phase === 'joined' && admitted,
    },
    view.role === 'patient' || practitioner,
  );

  // The practitioner's panel: the patient's file, and their number for the phone.
  const panel = useLoad<Panel | null>(
    (signal) => (practitioner ? fetchPanel(view.id, signal) : noPanel()),
    [view.id, practitioner],
  );
  const [switched, setSwitched] = useState<{ phone: Phone; number: string | null } | null>(null);
  const phone =
    s.phone ?? switched?.phone ?? view.phone_fallback ?? panel.data?.phone_fallback ?? null;
  const patientPhone = switched?.number ?? panel.data?.patient.phone ?? null;

  // The end: release the camera and micro at once (the light goes off). The connections go
  // with the call manager, which useCall closes when we no longer take part.
  const completed = status === 'completed';
  const mediaNow = useLatest(media);
  useEffect(() => {
    if (completed) mediaNow.current.stop();
  }, [completed, mediaNow]);

  // Switched to the telephone: micro and camera off here, or the phone call would echo
  // through the computer. Either can be turned back on.
  const onPhone = phone !== null;
  useEffect(() => {
    if (!onPhone) return;
    mediaNow.current.setMic(false);
    mediaNow.current.setCamera(false);
  }, [onPhone, mediaNow]);

  // Our participant ids, past and present (a reconnection gives a new one): our chat lines.
  const mine = useRef(new Set<string>());
  if (s.you) mine.current.add(s.you);

  // Since when the patient waits: the REST snapshot, or the moment we saw them arrive.
  const [waitingSince, setWaitingSince] = useState<string | null>(view.waiting_since ?? null);
  useEffect(() => {
    if (status === 'waiting') setWaitingSince((w) => w ?? new Date().toISOString());
    else setWaitingSince(null);
  }, [status]);

  const screen: Screen =
    status === 'completed'
      ? 'end'
      : status === 'in_call' && inCall(view.role) && admitted
        ? 'call'
        : 'lobby';
  const title = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(title, screen);
  const flushNotes = useRef<(() => Promise<void>) | null>(null);
  const withPanel = practitioner && screen !== 'end';
  const canInvite = (view.role === 'patient' || practitioner) && screen !== 'end';
  const files = s.chat.flatMap((m) => (m.file ? [m.file] : []));

  // "Clôturer la consultation" opens the closing form beside the video (under it on a phone);
  // the button stays, and brings focus back to the form if pressed again.
  const closing = useInlinePanel();
  const closingOpen = closing.open && withPanel;
  const close = (
    <button
      ref={closing.opener}
      type="button"
      class="btn btn-danger call-button"
      aria-expanded={closingOpen}
      aria-controls={closingOpen ? 'closing-panel' : undefined}
      onClick={() => (closingOpen ? closing.title.current?.focus() : closing.setOpen(true))}
      data-testid="close-consultation"
    >
      <Icon name="check" />
      {t.closing.open}
    </button>
  );

  return (
    <>
      <RoomStatus
        view={view}
        room={s}
        status={status}
        now={now}
        admitted={admitted}
        phone={phone !== null}
        callConnected={snapshot.peers.some((p) => p.connectionState === 'connected')}
      />
      {s.connection === 'waiting' && s.phase === 'joined' && screen !== 'end' && (
        <p class="notice notice-warning" role="alert">
          <Icon name="reconnect" />
          <span>{t.room.connectionLost}</span>
        </p>
      )}
      {!practitioner && view.role !== 'assistant' && screen !== 'end' && (
        <PhoneNotice phone={phone} guest={view.role === 'guest'} />
      )}
      {practitioner && phone && screen !== 'end' && (
        // In the waiting room there is no call view to end from: the phone call can.
        <PhoneActive
          patientPhone={patientPhone}
          focus={switched !== null}
          close={screen === 'lobby' ? close : null}
        />
      )}
      {practitioner && screen !== 'end' && (
        <GuestQueue
          participants={s.participants}
          error={s.error}
          onAdmit={(id) => room.send({ type: 'admit', participant: id })}
        />
      )}
      <div class={`room-layout${withPanel ? ' has-panel' : ''}${closingOpen ? ' is-closing' : ''}`}>
        <div class="room-main">
          {screen === 'end' ? (
            <EndScreen
              role={view.role}
              chargedCents={charged}
              documents={closed?.documents ?? null}
              titleRef={title}
            />
          ) : screen === 'call' ? (
            <CallView
              view={view}
              admitted={s.admitted}
              snapshot={snapshot}
              manager={manager}
              media={media}
              mediaState={mediaState}
              participants={s.participants}
              chat={s.chat}
              mine={(from) => mine.current.has(from)}
              onSend={(text) => room.send({ type: 'chat', text })}
              onUploaded={room.addFile}
              close={practitioner ? close : null}
              titleRef={title}
            />
          ) : view.role === 'patient' ? (
            <PatientLobby
              view={view}
              room={s}
              status={status}
              media={media}
              mediaState={mediaState}
              now={now}
              titleRef={title}
            />
          ) : view.role === 'guest' ? (
            <GuestLobby
              view={view}
              room={s}
              media={media}
              mediaState={mediaState}
              titleRef={title}
            />
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
          {((practitioner && !phone) || canInvite) && screen !== 'end' && (
            <div class="room-actions">
              {practitioner && !phone && (
                <PhoneSwitch
                  id={view.id}
                  onSwitched={(p, number) => setSwitched({ phone: p, number })}
                />
              )}
              {canInvite && (
                <InvitePanel
                  consultation={view.id}
                  guestsInRoom={s.participants
                    .filter((p) => p.role === 'guest')
                    .map((p) => p.name)
                    .sort()
                    .join('\n')}
                />
              )}
            </div>
          )}
        </div>
        {withPanel && (
          <div class="room-side">
            {closingOpen && (
              <section
                id="closing-panel"
                class="card closing-panel"
                aria-labelledby="closing-title"
              >
                <ClosingForm
                  view={view}
                  titleRef={closing.title}
                  onClosed={setClosed}
                  beforeClose={() => flushNotes.current?.() ?? Promise.resolve()}
                  onBack={() => closing.setOpen(false)}
                />
              </section>
            )}
            <SidePanel
              consultation={view.id}
              panel={panel}
              liveFiles={files}
              flushRef={flushNotes}
            />
          </div>
        )}
      </div>
    </>
  );
}

/** The one line that says where things stand, read aloud when it changes (test id room-status). */
function RoomStatus({
  view,
  room,
  status,
  now,
  admitted,
  phone,
  callConnected,
}: {
  view: ConsultationView;
  room: RoomState;
  status: ConsultationStatus;
  now: number;
  admitted: boolean;
  phone: boolean;
  callConnected: boolean;
}) {
  const { t, lang } = useI18n();
  const st = t.room.status;
  const patient = view.role === 'patient';
  const guest = view.role === 'guest';
  let key: string = status;
  let text: string;
  if (status === 'completed') text = st.completed;
  else if (room.phase === 'not_found') {
    key = 'not_found';
    text = t.room.errors.notFound;
  } else if (room.phase === 'full') {
    key = 'full';
    text = st.full;
  } else if (room.phase === 'not_open') {
    key = 'not_open';
    text =
      joinWindow(view.start, view.end, now) === 'over'
        ? st.over
        : fillText(st.notOpen, { time: openTime(view.opens_at, lang) });
  } else if (room.phase === 'connecting') {
    key = 'connecting';
    text = st.connecting;
  } else if (guest && !admitted) {
    key = 'guest_waiting';
    text = st.guestWaiting;
  } else if (status === 'in_call') {
    // "Vous allez être admis…" until the practitioner's picture and voice arrive.
    text = phone
      ? st.phone
      : (patient || guest) && !callConnected
        ? fillText(st.admitted, { name: view.practitioner.name })
        : st.inCall;
  } else if (patient) text = st.waiting;
  else if (guest) {
    key = 'guest_waiting';
    text = st.guestWaiting;
  } else
    text =
      status === 'waiting'
        ? fillText(st.staffWaiting, { name: patientName(view) })
        : st.staffScheduled;
  return (
    <p
      class={`room-status status-${key}`}
      data-testid="room-status"
      data-status={key}
      role="status"
    >
      {text}
    </p>
  );
}

/** "9 h 20": the opening time in the practitioner's wall clock, as the API writes it. */
function openTime(iso: string, lang: 'fr' | 'en'): string {
  const p = parseInstant(iso);
  return p ? spokenTime(p.hour, p.minute, lang) : formatClock(iso);
}
