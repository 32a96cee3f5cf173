// Web Audio for the pre-call test: the micro's level (an AnalyserNode over the stream) and a
// short two-note tone to check the speaker. One AudioContext for both: browsers start it
// suspended until a tap, and the "Jouer un son" tap then wakes the meter too.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

function newContext(): AudioContext | null {
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  try {
    return Ctor ? new Ctor() : null;
  } catch {
    return null;
  }
}

export function useAudioContext(): AudioContext | null {
  const ctx = useMemo(newContext, []);
  useEffect(() => () => void ctx?.close().catch(() => {}), [ctx]);
  return ctx;
}

/** Below this RMS the micro hears nothing (room noise on a working micro is above). */
const HEARD_RMS = 0.01;
/** Silence this long after the meter started: "Aucun son capté". */
const SILENT_AFTER_MS = 5000;

export interface MicLevel {
  /** 0–1, for the meter. */
  level: number;
  heard: boolean;
  /** The meter ran long enough without hearing anything. */
  silent: boolean;
  /** The audio context runs (false: it waits for a tap). */
  running: boolean;
}

/** `quietUntil`: samples before this time are ignored (our own test tone, heard by the micro). */
export function useMicLevel(
  ctx: AudioContext | null,
  stream: MediaStream | null,
  quietUntil: { current: number },
): MicLevel {
  const [state, setState] = useState<MicLevel>({
    level: 0,
    heard: false,
    silent: false,
    running: ctx?.state === 'running',
  });
  const heard = useRef(false);
  useEffect(() => {
    if (!ctx || !stream || stream.getAudioTracks().length === 0) return undefined;
    void ctx.resume().catch(() => {});
    const source = ctx.createMediaStreamSource(stream);
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let runningSince: number | null = null;
    const timer = setInterval(() => {
      const running = ctx.state === 'running';
      const now = performance.now();
      if (running) runningSince ??= now;
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (const x of buf) sum += x * x;
      const rms = Math.sqrt(sum / buf.length);
      if (running && rms > HEARD_RMS && now > quietUntil.current) heard.current = true;
      setState({
        // Speech sits around 0.05–0.2 RMS: scaled so that talking fills most of the bar.
        level: Math.min(1, rms * 5),
        heard: heard.current,
        silent: !heard.current && runningSince !== null && now - runningSince > SILENT_AFTER_MS,
        running,
      });
    }, 100);
    return () => {
      clearInterval(timer);
      source.disconnect();
    };
  }, [ctx, stream, quietUntil]);
  return state;
}

/** A soft "ding-dong" of under a second. */
export function playTone(ctx: AudioContext): number {
  const t0 = ctx.currentTime + 0.05;
  const notes: Array<[number, number]> = [
    [0, 660],
    [0.4, 880],
  ];
  for (const [offset, freq] of notes) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t0 + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, t0 + offset + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + offset + 0.38);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0 + offset);
    osc.stop(t0 + offset + 0.4);
  }
  return 900;
}
