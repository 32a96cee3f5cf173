// The pre-call test in a compact form, for the waiting screen (the full one is
// /consultation/:id/test, components/consultation/Precall.tsx): it starts by itself, so that a
// refused camera or a silent micro is found while there is still time to fix it; the picture,
// the micro's level, the network, and the verdict with its advice (lib/consultation/precall.ts).
// Once everything works the camera is let go, rather than kept on for the whole wait; "Tester à
// nouveau" starts over. Nothing is sent to anyone.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { LocalMediaState } from '../../lib/consultation/media';
import {
  verdictOf,
  type Advice,
  type DeviceResults,
  type Verdict,
} from '../../lib/consultation/precall';
import { Icon } from '../Icon';
import { MediaNotice } from '../consultation/MediaNotice';
import { NetworkLines, useNetworkCheck } from '../consultation/PrecallNetwork';
import { useAudioContext, useMicLevel, type MicLevel } from '../consultation/useAudio';
import { useLocalMedia } from '../consultation/useMedia';
import { SelfView } from '../consultation/Video';
import { useLatest } from '../useLatest';

/** How long the picture stays once everything works: long enough to see oneself. */
const SHOW_OK_MS = 8_000;

interface Result {
  verdict: Verdict;
  advice: Advice[];
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

export function PrecallCompact() {
  const { t } = useI18n();
  const p = t.queue.precall;
  const [run, setRun] = useState(0);
  const [running, setRunning] = useState(true);
  const [result, setResult] = useState<Result | null>(null);
  return (
    <section
      class="card now-precall"
      aria-labelledby="now-precall-title"
      data-testid="queue-precall"
    >
      <h2 id="now-precall-title" class="small-title">
        <Icon name="video" />
        {p.title}
      </h2>
      <p class="muted">{p.lead}</p>
      {running ? (
        <PrecallLive
          key={run}
          onDone={(r) => {
            setResult(r);
            setRunning(false);
          }}
          onStop={(r) => {
            setResult(r);
            setRunning(false);
          }}
        />
      ) : (
        <>
          {result && <VerdictLine result={result} />}
          <p class="muted small">{p.stopped}</p>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              setRun((n) => n + 1);
              setResult(null);
              setRunning(true);
            }}
            data-testid="precall-again"
          >
            {result ? p.again : p.start}
          </button>
        </>
      )}
    </section>
  );
}

function PrecallLive({
  onDone,
  onStop,
}: {
  onDone: (r: Result) => void;
  onStop: (r: Result | null) => void;
}) {
  const { t } = useI18n();
  const p = t.precall;
  const { state } = useLocalMedia(true);
  const ctx = useAudioContext();
  const quietUntil = useRef(0);
  const mic = useMicLevel(ctx, state.stream, quietUntil);
  const network = useNetworkCheck();
  const devices: DeviceResults = {
    camera: cameraResult(state),
    mic: micResult(state, mic),
    speaker: null,
  };
  const ready = devices.camera !== null && devices.mic !== null && network !== null;
  const result = verdictOf(devices, network);
  const allOk = ready && devices.camera === 'ok' && devices.mic === 'ok' && result.verdict === 'ok';

  // Read when the timer fires: the meter re-renders this many times a second.
  const latest = useLatest({ result, onDone });
  useEffect(() => {
    if (!allOk) return undefined;
    const timer = setTimeout(() => latest.current.onDone(latest.current.result), SHOW_OK_MS);
    return () => clearTimeout(timer);
  }, [allOk, latest]);

  return (
    <div class="now-precall-live">
      <div class="now-precall-media">
        <SelfView stream={state.stream} mirrored cameraOn={state.hasVideo} small />
        <div class="now-precall-checks">
          {state.hasAudio && (
            <>
              <label for="now-mic-level" class="field-label">
                {p.mic.level}
              </label>
              <meter
                id="now-mic-level"
                class="mic-meter"
                min={0}
                max={1}
                low={0.05}
                value={mic.level}
                data-testid="mic-level"
              />
              <p class="field-hint">
                {devices.mic === 'ok'
                  ? p.mic.ok
                  : devices.mic === 'silent'
                    ? p.mic.silent
                    : p.mic.speak}
              </p>
            </>
          )}
          {devices.mic === 'unmeasured' && (
            <button type="button" class="btn btn-secondary" onClick={() => void ctx?.resume()}>
              {p.mic.measure}
            </button>
          )}
          <NetworkLines result={network} />
        </div>
      </div>
      {devices.camera !== 'ok' && <MediaNotice state={state} />}
      {ready ? (
        <VerdictLine result={result} />
      ) : (
        <p class="precall-line is-pending">{p.verdict.running}</p>
      )}
      <button
        type="button"
        class="btn btn-quiet"
        onClick={() => onStop(ready ? result : null)}
        data-testid="precall-stop"
      >
        {t.queue.precall.stop}
      </button>
    </div>
  );
}

function VerdictLine({ result }: { result: Result }) {
  const { t } = useI18n();
  const p = t.precall;
  const { verdict, advice } = result;
  return (
    <div
      class={`now-verdict verdict-${verdict}`}
      role="status"
      data-testid="precall-verdict"
      data-verdict={verdict}
    >
      <p class="now-verdict-title">
        <Icon name={verdict === 'ok' ? 'check' : 'alert'} />
        {p.verdict[verdict]}
      </p>
      {advice.length > 0 && (
        <ul class="advice-list">
          {advice.map((a) => (
            <li key={a}>{p.advice[a]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
