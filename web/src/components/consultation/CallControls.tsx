// The call's buttons, big enough for a thumb: micro, camera, the other camera (only when the
// device has two), and the page's own end: "Quitter" for the patient, "Terminer la
// consultation" for the practitioner. Labels say what the button does now.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import type { LocalMedia, LocalMediaState } from '../../lib/consultation/media';
import { Icon } from '../Icon';

export function CallControls({
  media,
  state,
  children,
}: {
  media: LocalMedia;
  state: LocalMediaState;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const c = t.call;
  return (
    <div class="call-controls" role="group" aria-label={c.controls}>
      <button
        type="button"
        class={`btn call-button${state.micOn ? '' : ' is-off'}`}
        onClick={() => media.setMic(!state.micOn)}
        disabled={!state.hasAudio}
        data-testid="toggle-mic"
        data-state={state.micOn ? 'on' : 'off'}
      >
        <Icon name={state.micOn ? 'mic' : 'micOff'} />
        {state.micOn ? c.micOff : c.micOn}
      </button>
      <button
        type="button"
        class={`btn call-button${state.cameraOn && !state.videoSuppressed ? '' : ' is-off'}`}
        onClick={() => media.setCamera(!(state.cameraOn && !state.videoSuppressed))}
        disabled={!state.hasVideo}
        data-testid="toggle-camera"
        data-state={state.cameraOn && !state.videoSuppressed ? 'on' : 'off'}
      >
        <Icon name={state.cameraOn && !state.videoSuppressed ? 'video' : 'videoOff'} />
        {state.cameraOn && !state.videoSuppressed ? c.cameraOff : c.cameraOn}
      </button>
      {state.canSwitch && state.hasVideo && (
        <button
          type="button"
          class="btn call-button"
          onClick={() => void media.switchCamera()}
          data-testid="switch-camera"
        >
          <Icon name="cameraSwitch" />
          {c.switchCamera}
        </button>
      )}
      {children}
    </div>
  );
}
