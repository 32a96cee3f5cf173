// The pre-call test's steps and verdict: the camera's picture, the micro's level, a sound to
// hear, the network; then a verdict in plain words with what to do, and the way in. Used by
// /consultation/:id/test (a link to the room) and by a guest's page (a button to the waiting
// room). Nothing is sent to anyone: the picture and sound stay in the browser.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { LocalMediaState } from '../../lib/consultation/media';
import { verdictOf, type DeviceResults, type Verdict } from '../../lib/consultation/precall';
import { Icon, type IconName } from '../Icon';
import { MediaNotice } from './MediaNotice';
import { NetworkLines, useNetworkCheck } from './PrecallNetwork';
import { playTone, useAudioContext, useMicLevel, type MicLevel } from './useAudio';
import { useLocalMedia } from './useMedia';
import { SelfView } from './Video';

/** The way in: a link (the room's address) or an action (the guest's next step). */
export type PrecallEnter = { href: string } | { onEnter: () => void };

function cameraResult(s: LocalMediaState): DeviceResults['camera'] {
  if (s.starting || (!s.stream && !s.problem)) return null;
  return s.hasVideo ? 'ok' : (s.problem ?? 'no_device');
}

function micResult(s: LocalMediaState, mic: MicLevel): DeviceResults['mic'] {
  if (s.starting || (!s.stream && !s.problem)) return null;
  if (!s.hasAudio) return s.problem ?? 'no_device';
  if (!mic.running) return 'unmeasured';
  return mic.heard ? 'ok' : mic.silent ? 'silent' : null;
}

const VERDICT_ICON: Record<Verdict, IconName> = { ok: 'check', warning: 'alert', fail: 'alert' };

export function PrecallRun({ enter, onRetry }: { enter: PrecallEnter; onRetry: () => void }) {
  const { t } = useI18n();
  const p = t.precall;
  const { state } = useLocalMedia(true);
  const ctx = useAudioContext();
  const quietUntil = useRef(0);
  const mic = useMicLevel(ctx, state.stream, quietUntil);
  const [played, setPlayed] = useState(false);
  const [speaker, setSpeaker] = useState<'yes' | 'no' | null>(null);
  const network = useNetworkCheck();

  const devices: DeviceResults = {
    camera: cameraResult(state),
    mic: micResult(state, mic),
    speaker,
  };
  const ready = devices.camera !== null && devices.mic !== null && network !== null;
  const { verdict, advice } = verdictOf(devices, network);

  function play() {
    if (!ctx) return;
    void ctx.resume().catch(() => {});
    // Our own tone must not count as the micro hearing something.
    quietUntil.current = performance.now() + playTone(ctx) + 300;
    setPlayed(true);
  }

  return (
    <>
      <section aria-labelledby="precall-steps">
        <h2 id="precall-steps" class="visually-hidden">
          {p.steps}
        </h2>
        <div class="precall-grid">
          <article class="card precall-step" aria-labelledby="step-camera">
            <h3 id="step-camera">
              <Icon name="video" />
              {p.camera.title}
            </h3>
            <SelfView stream={state.stream} mirrored cameraOn={state.hasVideo} />
            {devices.camera === 'ok' ? (
              <Result ok text={p.camera.ok} />
            ) : (
              <MediaNotice state={state} />
            )}
          </article>

          <article class="card precall-step" aria-labelledby="step-mic">
            <h3 id="step-mic">
              <Icon name="mic" />
              {p.mic.title}
            </h3>
            {state.hasAudio && (
              <>
                <label for="mic-level" class="field-label">
                  {p.mic.level}
                </label>
                <meter
                  id="mic-level"
                  class="mic-meter"
                  min={0}
                  max={1}
                  low={0.05}
                  value={mic.level}
                  data-testid="mic-level"
                />
                <p class="field-hint">{p.mic.speak}</p>
              </>
            )}
            {devices.mic === 'ok' && <Result ok text={p.mic.ok} />}
            {devices.mic === 'silent' && <Result text={p.mic.silent} />}
            {devices.mic === 'unmeasured' && (
              <>
                <p class="field-hint">{p.mic.unmeasured}</p>
                <button type="button" class="btn btn-secondary" onClick={() => void ctx?.resume()}>
                  {p.mic.measure}
                </button>
              </>
            )}
          </article>

          <article class="card precall-step" aria-labelledby="step-speaker">
            <h3 id="step-speaker">
              <Icon name="volume" />
              {p.speaker.title}
            </h3>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={play}
              disabled={!ctx}
              data-testid="speaker-play"
            >
              <Icon name="volume" />
              {played ? p.speaker.playAgain : p.speaker.play}
            </button>
            {played ? (
              <div class="speaker-question" role="group" aria-labelledby="speaker-question">
                <p id="speaker-question" class="field-label">
                  {p.speaker.question}
                </p>
                <div class="card-actions">
                  <button
                    type="button"
                    class="btn btn-secondary"
                    aria-pressed={speaker === 'yes'}
                    onClick={() => setSpeaker('yes')}
                    data-testid="speaker-yes"
                  >
                    {p.speaker.yes}
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary"
                    aria-pressed={speaker === 'no'}
                    onClick={() => setSpeaker('no')}
                    data-testid="speaker-no"
                  >
                    {p.speaker.no}
                  </button>
                </div>
              </div>
            ) : (
              <p class="field-hint">{p.speaker.notAsked}</p>
            )}
            {speaker && (
              <Result
                ok={speaker === 'yes'}
                text={speaker === 'yes' ? p.speaker.heard : p.speaker.notHeard}
              />
            )}
          </article>

          <article class="card precall-step" aria-labelledby="step-network">
            <h3 id="step-network">
              <Icon name="activity" />
              {p.network.title}
            </h3>
            <NetworkLines result={network} />
          </article>
        </div>
      </section>

      <section
        class={`precall-verdict verdict-${ready ? verdict : 'pending'}`}
        aria-labelledby="verdict-title"
        data-testid="precall-verdict"
        data-verdict={ready ? verdict : 'pending'}
      >
        <div role="status">
          <h2 id="verdict-title">
            {ready && <Icon name={VERDICT_ICON[verdict]} />}
            {ready ? p.verdict[verdict] : p.verdict.running}
          </h2>
          {ready && verdict === 'ok' && <p>{p.verdict.okBody}</p>}
          {ready && advice.length > 0 && (
            <>
              <h3 class="advice-title">{p.verdict.adviceTitle}</h3>
              <ul class="advice-list">
                {advice.map((a) => (
                  <li key={a}>{p.advice[a]}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div class="actions">
          {'href' in enter ? (
            <a class="btn btn-primary btn-large" href={enter.href} data-testid="precall-enter">
              {p.enter}
              <Icon name="arrowRight" />
            </a>
          ) : (
            <button
              type="button"
              class="btn btn-primary btn-large"
              onClick={enter.onEnter}
              data-testid="precall-enter"
            >
              {p.enter}
              <Icon name="arrowRight" />
            </button>
          )}
          <button type="button" class="btn btn-secondary" onClick={onRetry}>
            {p.retry}
          </button>
        </div>
        <p class="muted small">{p.enterNote}</p>
      </section>
    </>
  );
}

function Result({ ok, text }: { ok?: boolean; text: string }) {
  return (
    <p class={ok ? 'precall-result is-ok' : 'precall-result is-warn'}>
      <Icon name={ok ? 'check' : 'alert'} />
      <span>{text}</span>
    </p>
  );
}
