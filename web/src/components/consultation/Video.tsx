// The <video> elements of the room. Ours is muted (no echo) and mirrored like a mirror when it
// is the front camera; a remote one plays with sound, and if the browser blocks sound without a
// tap first, it plays muted and offers "Activer le son".
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { Icon } from '../Icon';

export function SelfView({
  stream,
  mirrored,
  cameraOn,
  small,
}: {
  stream: MediaStream | null;
  mirrored: boolean;
  cameraOn: boolean;
  small?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (v.srcObject !== stream) v.srcObject = stream;
    if (stream && v.paused) v.play().catch(() => {});
  }, [stream]);
  return (
    <div class={`self-view${small ? ' is-small' : ''}`}>
      <video
        ref={ref}
        autoPlay
        playsInline
        muted
        class={mirrored ? 'is-mirrored' : undefined}
        data-testid="local-video"
        aria-label={t.media.selfView}
      />
      {(!stream || !cameraOn) && (
        <p class="video-off">
          <Icon name="videoOff" />
          {t.media.cameraOff}
        </p>
      )}
    </div>
  );
}

export function RemoteVideo({
  stream,
  participant,
  label,
  onSoundBlocked,
}: {
  stream: MediaStream;
  participant: string;
  label: string;
  onSoundBlocked: (blocked: boolean) => void;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  // Every render: tracks are added to the same stream as they arrive, and a paused element
  // (autoplay refused at first) is worth another try.
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    if (v.srcObject !== stream) v.srcObject = stream;
    if (!v.paused) return;
    v.play().then(
      () => onSoundBlocked(false),
      () => {
        // Sound needs a tap: play the picture muted meanwhile.
        v.muted = true;
        onSoundBlocked(true);
        v.play().catch(() => {});
      },
    );
  });
  return (
    // The other person, live: a call has no caption file to give as a <track>.
    // eslint-disable-next-line jsx-a11y/media-has-caption
    <video
      ref={ref}
      autoPlay
      playsInline
      class="remote-video"
      data-testid="remote-video"
      data-participant={participant}
      aria-label={label}
    />
  );
}

/** Unmutes every remote video: called from the "Activer le son" tap, which allows it. */
export function enableRemoteSound(root: ParentNode = document): void {
  root.querySelectorAll<HTMLVideoElement>('video.remote-video').forEach((v) => {
    v.muted = false;
    void v.play().catch(() => {});
  });
}
