// /consultation/:id/test — "Tester mon matériel" before a teleconsultation: the camera's
// picture, the micro's level, a sound to hear, the network; then a verdict in plain words with
// what to do, and "Entrer en salle d'attente". Nothing is sent to anyone: the picture and sound
// stay in the browser. "Relancer le test" starts everything over (new camera access included).
import { useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { MediaNotice } from '../components/consultation/MediaNotice';
import { NetworkLines, useNetworkCheck } from '../components/consultation/PrecallNetwork';
import { playTone, useAudioContext, useMicLevel, type MicLevel } from '../components/consultation/useAudio';
import { useLocalMedia } from '../components/consultation/useMedia';
import { SelfView } from '../components/consultation/Video';
import { Icon, type IconName } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fetchConsultation, roomPath } from '../lib/consultation';
import { fillText } from '../lib/format';
import type { LocalMediaState } from '../lib/media';
import { verdictOf, type DeviceResults, type Verdict } from '../lib/precall';
import { slotSentence } from '../lib/slots';

export function ConsultationTestPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.precall.title} roles={['patient', 'practitioner', 'assistant']}>
      {() => <Precall id={params.id ?? ''} />}
    </RequireAuth>
  );
}

function Precall({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const p = t.precall;
  // Only for the sentence naming the consultation: the test works without it.
  const view = useLoad((signal) => fetchConsultation(id, signal), [id]);
  const [run, setRun] = useState(0);
  const v = view.data;
  return (
    <>
      <PageIntro title={p.title} lead={p.lead} compact>
        {v && <p class="precall-for">{fillText(p.forConsultation, { name: v.practitioner.name, when: slotSentence(v.start, lang) })}</p>}
      </PageIntro>
      <div class="container precall-page">
        <PrecallRun key={run} id={id} onRetry={() => setRun((n) => n + 1)} />
      </div>
    </>
  );
}

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

function PrecallRun({ id, onRetry }: { id: string; onRetry: () => void }) {
  const { t } = useI18n();
  const p = t.precall;
  const { state } = useLocalMedia(true);
  const ctx = useAudioContext();
  const quietUntil = useRef(0);
  const mic = useMicLevel(ctx, state.stream, quietUntil);
  const [played, setPlayed] = useState(false);
  const [speaker, setSpeaker] = useState<'yes' | 'no' | null>(null);
  const network = useNetworkCheck();

  const devices: DeviceResults = { camera: cameraResult(state), mic: micResult(state, mic), speaker };
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
            {devices.camera === 'ok' ? <Result ok text={p.camera.ok} /> : <MediaNotice state={state} />}
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
                <meter id="mic-level" class="mic-meter" min={0} max={1} low={0.05} value={mic.level} data-testid="mic-level" />
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
            <button type="button" class="btn btn-secondary" onClick={play} disabled={!ctx} data-testid="speaker-play">
              <Icon name="volume" />
              {played ? p.speaker.playAgain : p.speaker.play}
            </button>
            {played ? (
              <div class="speaker-question" role="group" aria-labelledby="speaker-question">
                <p id="speaker-question" class="field-label">
                  {p.speaker.question}
                </p>
                <div class="card-actions">
                  <button type="button" class="btn btn-secondary" aria-pressed={speaker === 'yes'} onClick={() => setSpeaker('yes')} data-testid="speaker-yes">
                    {p.speaker.yes}
                  </button>
                  <button type="button" class="btn btn-secondary" aria-pressed={speaker === 'no'} onClick={() => setSpeaker('no')} data-testid="speaker-no">
                    {p.speaker.no}
                  </button>
                </div>
              </div>
            ) : (
              <p class="field-hint">{p.speaker.notAsked}</p>
            )}
            {speaker && <Result ok={speaker === 'yes'} text={speaker === 'yes' ? p.speaker.heard : p.speaker.notHeard} />}
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

      <section class={`precall-verdict verdict-${ready ? verdict : 'pending'}`} aria-labelledby="verdict-title" data-testid="precall-verdict" data-verdict={ready ? verdict : 'pending'}>
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
          <a class="btn btn-primary btn-large" href={roomPath(id, location.search)} data-testid="precall-enter">
            {p.enter}
            <Icon name="arrowRight" />
          </a>
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
