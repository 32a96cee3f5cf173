// What to do when the camera or micro is missing, in one sentence (lib/consultation/media.ts's
// problems).
import { useI18n } from '../../i18n';
import type { LocalMediaState } from '../../lib/consultation/media';
import { Icon } from '../Icon';

export function MediaNotice({ state }: { state: LocalMediaState }) {
  const { t } = useI18n();
  const m = t.media;
  let text: string | null = null;
  if (state.starting) text = m.asking;
  else if (
    state.problem === 'denied' ||
    state.problem === 'insecure' ||
    (state.problem && !state.hasAudio && !state.hasVideo)
  )
    text = m[state.problem === 'no_device' ? 'noMic' : state.problem];
  else if (!state.hasAudio && state.stream) text = m.noMic;
  else if (!state.hasVideo && state.stream) text = state.problem === 'busy' ? m.busy : m.noCamera;
  if (!text) return null;
  const warn = !state.starting;
  return (
    <p
      class={warn ? 'notice notice-warning media-notice' : 'notice notice-info media-notice'}
      role={warn ? 'alert' : 'status'}
    >
      <Icon name={warn ? 'alert' : 'video'} />
      <span>{text}</span>
    </p>
  );
}
