// The call: the other participants' videos (up to three in the mesh: the patient, the
// practitioner, a relative or an interpreter), ours small in a corner, the connection quality,
// the buttons, then the chat with its files. "Vous allez être admis…" stays until the first
// connection is up. The practitioner ends the consultation from here (`close`).
import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { CallManager, CallSnapshot, RemotePeer } from '../../lib/consultation/call';
import type { ConsultationView, Participant } from '../../lib/consultation/consultation';
import type { ChatMessage } from '../../lib/consultation/chat';
import { DEFAULT_FILE_TYPES, type SharedFile } from '../../lib/consultation/files';
import { fillText } from '../../lib/format';
import type { LocalMedia, LocalMediaState } from '../../lib/consultation/media';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';
import { CallControls } from './CallControls';
import { ChatPanel } from './ChatPanel';
import { patientName } from './Lobby';
import { MediaNotice } from './MediaNotice';
import { QualityIndicator } from './QualityIndicator';
import { enableRemoteSound, RemoteVideo, SelfView } from './Video';

export interface CallViewProps {
  view: ConsultationView;
  admitted: boolean;
  snapshot: CallSnapshot;
  manager: CallManager | null;
  media: LocalMedia;
  mediaState: LocalMediaState;
  /** The room's participants: names and kinds (relative, interpreter) of the tiles. */
  participants: Participant[];
  chat: ChatMessage[];
  mine: (from: string) => boolean;
  onSend: (text: string) => boolean;
  onUploaded: (f: SharedFile) => void;
  /** The practitioner's "Terminer la consultation". */
  close: ComponentChildren;
  titleRef: Ref<HTMLHeadingElement>;
}

export function CallView(p: CallViewProps) {
  const { t } = useI18n();
  const c = t.call;
  const practitioner = p.view.role === 'practitioner';
  const guest = p.view.role === 'guest';
  const [soundBlocked, setSoundBlocked] = useState(false);
  // A departed peer stays on screen while its media still flow (it is reconnecting).
  const peers = p.snapshot.peers.filter((x) => !x.departed || x.connectionState === 'connected');
  const other = practitioner ? patientName(p.view) : p.view.practitioner.name;
  const connected = peers.some((x) => x.connectionState === 'connected');
  const muted = p.mediaState.hasAudio && !p.mediaState.micOn;
  const placeholder =
    p.admitted && !practitioner
      ? fillText(t.room.status.admitted, { name: other })
      : peers.length
        ? fillText(c.connecting, { name: other })
        : c.alone;
  // Each tile's name: the participant's, with "(proche)" or "(interprète)" for a guest.
  const tileName = (x: RemotePeer): string => {
    const who = p.participants.find((q) => q.id === x.id);
    const name =
      x.name ||
      who?.name ||
      (x.role === 'practitioner'
        ? p.view.practitioner.name
        : x.role === 'patient'
          ? patientName(p.view)
          : '') ||
      (peers.length === 1 ? other : '') ||
      c.someone;
    return x.role === 'guest'
      ? fillText(c.nameKind, { name, kind: t.room.guests.kinds[who?.kind ?? 'guest'] })
      : name;
  };

  return (
    <section class="call" aria-labelledby="call-title">
      <h2 id="call-title" ref={p.titleRef} tabIndex={-1} class="visually-hidden">
        {c.region}
      </h2>
      <div class="call-main">
        <div class={`call-stage peers-${Math.max(1, peers.length)}`}>
          {peers.map((x) => (
            <RemoteTile key={x.id} peer={x} name={tileName(x)} onSoundBlocked={setSoundBlocked} />
          ))}
          {!connected && (
            <p class="stage-note" role="status">
              {placeholder}
            </p>
          )}
          <SelfView
            stream={p.mediaState.stream}
            mirrored={p.mediaState.facing === 'user'}
            cameraOn={p.media.sendingVideo}
            small
          />
          <QualityIndicator level={p.snapshot.level} quality={p.snapshot.quality} />
        </div>
        {soundBlocked && (
          <p class="notice notice-info call-notice">
            <Icon name="volume" />
            <span>{c.soundBlocked}</span>
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                enableRemoteSound();
                setSoundBlocked(false);
              }}
            >
              {c.enableSound}
            </button>
          </p>
        )}
        {p.snapshot.audioOnly && (
          <div class="notice notice-warning call-notice" role="alert" data-testid="audio-only">
            <Icon name="videoOff" />
            <span>{c.audioOnly}</span>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={() => p.manager?.restoreVideo()}
            >
              {c.videoBack}
            </button>
          </div>
        )}
        {/* One element, seen and read aloud: it stays in the page (hidden while the micro is on)
            so that screen readers announce the change, and the sentence exists once in the page
            (a hidden copy beside a visible one showed twice to find-in-page, copy and tests). */}
        <p class={muted ? 'muted-note' : 'visually-hidden'} role="status" data-testid="muted-note">
          {muted && (
            <>
              <Icon name="micOff" />
              {c.muted}
            </>
          )}
        </p>
        <MediaNotice state={p.mediaState} />
        <CallControls media={p.media} state={p.mediaState}>
          {!practitioner && (
            <a
              class="btn btn-secondary call-button"
              href={guest ? ROUTES.home : ROUTES.myAppointments}
            >
              <Icon name="exit" />
              {c.leave}
            </a>
          )}
        </CallControls>
        {p.close}
      </div>
      <ChatPanel
        consultation={p.view.id}
        messages={p.chat}
        mine={p.mine}
        onSend={p.onSend}
        onUploaded={p.onUploaded}
        fileTypes={p.view.file_types?.length ? p.view.file_types : DEFAULT_FILE_TYPES}
      />
    </section>
  );
}

function RemoteTile({
  peer,
  name,
  onSoundBlocked,
}: {
  peer: RemotePeer;
  name: string;
  onSoundBlocked: (b: boolean) => void;
}) {
  const { t } = useI18n();
  const broken = peer.connectionState === 'disconnected' || peer.connectionState === 'failed';
  return (
    <figure
      class="remote-tile"
      data-state={peer.connectionState}
      data-role={peer.role ?? undefined}
    >
      <RemoteVideo
        stream={peer.stream}
        participant={peer.id}
        label={fillText(t.call.remoteVideo, { name })}
        onSoundBlocked={onSoundBlocked}
      />
      <figcaption class="tile-name">{name}</figcaption>
      {broken && (
        <p class="tile-note" role="status">
          {fillText(t.call.reconnecting, { name })}
        </p>
      )}
    </figure>
  );
}
