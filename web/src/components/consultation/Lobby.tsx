// Before the call. The patient's waiting room: is the practitioner online, the delay they
// announced, "stay reachable by phone" when it runs late, and their own picture to check while
// waiting. The practitioner's (and assistant's) side: is the patient there, since when, and
// "Admettre le patient".
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import {
  isLate,
  minutesSince,
  precallPath,
  type ConsultationStatus,
  type ConsultationView,
} from '../../lib/consultation/consultation';
import { fillText } from '../../lib/format';
import type { LocalMedia, LocalMediaState } from '../../lib/consultation/media';
import { Icon } from '../Icon';
import { CallControls } from './CallControls';
import { MediaNotice } from './MediaNotice';
import type { RoomState } from './useRoom';
import { SelfView } from './Video';
import { useLatest } from '../useLatest';

interface Common {
  view: ConsultationView;
  room: RoomState;
  status: ConsultationStatus;
  media: LocalMedia;
  mediaState: LocalMediaState;
  now: number;
  titleRef: Ref<HTMLHeadingElement>;
}

export function PatientLobby({ view, room, status, media, mediaState, now, titleRef }: Common) {
  const { t } = useI18n();
  const r = t.room;
  const name = view.practitioner.name;
  const online = room.practitionerConnected ?? view.practitioner.connected;
  const delay = room.delayMinutes ?? view.delay_minutes ?? 0;
  return (
    <section class="room-lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title" ref={titleRef} tabIndex={-1}>
        {r.lobbyTitle}
      </h2>
      <ul class="lobby-facts" aria-live="polite">
        <li
          class={online ? 'is-online' : 'is-offline'}
          data-testid="practitioner-presence"
          data-online={String(online)}
        >
          <Icon name="circle" class="presence-dot" />
          {fillText(online ? r.practitionerOnline : r.practitionerOffline, { name })}
        </li>
        {delay > 0 && (
          <li>
            <Icon name="clock" />
            {fillText(r.delay, { n: delay })}
          </li>
        )}
      </ul>
      {isLate(view, status, now) && (
        <p class="notice notice-warning" role="alert" data-testid="late-notice">
          <Icon name="phone" />
          <span>{r.late}</span>
        </p>
      )}
      <p class="lobby-tips">{r.waitingTips}</p>
      <MediaNotice state={mediaState} />
      <SelfView
        stream={mediaState.stream}
        mirrored={mediaState.facing === 'user'}
        cameraOn={media.sendingVideo}
      />
      <CallControls media={media} state={mediaState} />
      <p>
        <a class="link-arrow" href={precallPath(view.id, location.search)}>
          {r.testLink}
          <Icon name="arrowRight" />
        </a>
      </p>
    </section>
  );
}

/** A guest before the practitioner lets them in: what happens next, and their own picture. */
export function GuestLobby({
  view,
  room,
  media,
  mediaState,
  titleRef,
}: Pick<Common, 'view' | 'room' | 'media' | 'mediaState' | 'titleRef'>) {
  const { t } = useI18n();
  const r = t.room;
  const name = view.practitioner.name;
  const online = room.practitionerConnected ?? view.practitioner.connected;
  return (
    <section class="room-lobby" aria-labelledby="lobby-title" data-testid="guest-lobby">
      <h2 id="lobby-title" ref={titleRef} tabIndex={-1}>
        {r.guestLobbyTitle}
      </h2>
      <p class="lobby-patient">
        <Icon name="clock" />
        <span>{r.guestLobbyBody}</span>
      </p>
      {name && (
        <ul class="lobby-facts" aria-live="polite">
          <li
            class={online ? 'is-online' : 'is-offline'}
            data-testid="practitioner-presence"
            data-online={String(online)}
          >
            <Icon name="circle" class="presence-dot" />
            {fillText(online ? r.practitionerOnline : r.practitionerOffline, { name })}
          </li>
        </ul>
      )}
      <MediaNotice state={mediaState} />
      <SelfView
        stream={mediaState.stream}
        mirrored={mediaState.facing === 'user'}
        cameraOn={media.sendingVideo}
      />
      <CallControls media={media} state={mediaState} />
    </section>
  );
}

/** The patient's name and age for the practitioner's screens. */
export function patientName(view: Pick<ConsultationView, 'patient'>): string {
  return `${view.patient.first_name} ${view.patient.last_name}`.trim();
}

export function StaffLobby({
  view,
  room,
  status,
  media,
  mediaState,
  now,
  titleRef,
  waitingSince,
  onAdmit,
}: Common & { waitingSince: string | null; onAdmit: () => boolean }) {
  const { t } = useI18n();
  const r = t.room;
  const practitioner = view.role === 'practitioner';
  const waiting = status === 'waiting';
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const minutes = minutesSince(waitingSince, now);

  // The admission is done when the status moves on; a refusal comes back as an error.
  useEffect(() => {
    if (!waiting) setBusy(false);
  }, [waiting]);
  const latest = useLatest({ busy, errors: r.errors });
  const roomError = room.error;
  useEffect(() => {
    const { busy, errors } = latest.current;
    if (roomError && busy) {
      setBusy(false);
      setFailed(roomError.code === 'forbidden' ? errors.forbidden : errors.generic);
    }
  }, [roomError, latest]);
  useEffect(() => {
    if (!busy) return undefined;
    const timer = setTimeout(() => {
      setBusy(false);
      setFailed(latest.current.errors.generic);
    }, 10_000);
    return () => clearTimeout(timer);
  }, [busy, latest]);

  return (
    <section class="room-lobby" aria-labelledby="lobby-title">
      <h2 id="lobby-title" ref={titleRef} tabIndex={-1}>
        {r.lobbyTitle}
      </h2>
      <p class="lobby-patient">
        <Icon name="user" />
        <span>
          {waiting
            ? fillText(r.status.staffWaiting, { name: patientName(view) })
            : r.status.staffScheduled}
          {waiting && minutes !== null && (
            <> {minutes < 1 ? r.waitingJustNow : fillText(r.waitingSince, { n: minutes })}</>
          )}
        </span>
      </p>
      {practitioner && waiting && (
        <button
          type="button"
          class={`btn btn-primary btn-large${busy ? ' is-busy' : ''}`}
          aria-disabled={busy ? true : undefined}
          onClick={() => {
            if (busy) return;
            setFailed(null);
            if (onAdmit()) setBusy(true);
            else setFailed(r.connectionLost);
          }}
          data-testid="admit"
        >
          <Icon name="video" />
          {busy ? r.admitting : r.admit}
        </button>
      )}
      {failed && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{failed}</span>
        </p>
      )}
      {!practitioner && <p class="muted">{r.assistantNote}</p>}
      {practitioner && (
        <>
          <MediaNotice state={mediaState} />
          <SelfView
            stream={mediaState.stream}
            mirrored={mediaState.facing === 'user'}
            cameraOn={media.sendingVideo}
          />
          <CallControls media={media} state={mediaState} />
        </>
      )}
    </section>
  );
}
