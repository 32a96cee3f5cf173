// The pre-call test (/consultation/:id/test): the network measures, run in the browser, and the
// verdict with its advice, a pure function of what was measured (unit-tested in precall.test.ts).
// The /healthz it times is api.ts.
import { pingHealthz } from './api';
import type { MediaProblem } from './media';

// --- Verdict -----------------------------------------------------------------------------------

export type Verdict = 'ok' | 'warning' | 'fail';

export interface DeviceResults {
  /** The camera works, or why not; null while asking. */
  camera: 'ok' | MediaProblem | null;
  /** 'silent': the micro works but heard nothing; 'unmeasured': the level could not be read. */
  mic: 'ok' | 'silent' | 'unmeasured' | MediaProblem | null;
  /** The user's answer to "Entendez-vous le son ?"; null before. */
  speaker: 'yes' | 'no' | null;
}

export interface NetworkResults {
  /** GET /ice-servers and /healthz answered. */
  server: boolean;
  /** Median round-trip time of a few GET /healthz. */
  rttMs: number | null;
  /** A server-reflexive candidate came back; null when no STUN server is configured. */
  stun: boolean | null;
  /** A relay candidate came back; null when no TURN server is configured. */
  turn: boolean | null;
  /** The loopback estimate in megabits per second, and whether it went through TURN. */
  throughputMbps: number | null;
  throughputVia: 'relay' | 'local' | null;
}

/** Keys of the advice messages (i18n: precall.advice). Most important first. */
export type Advice =
  | 'insecure'
  | 'denied'
  | 'noMic'
  | 'micBusy'
  | 'offline'
  | 'noCamera'
  | 'cameraBusy'
  | 'micSilent'
  | 'speaker'
  | 'blocked'
  | 'slowLink'
  | 'slowDevice';

const LIMITS = {
  /** Beyond this, people talk over each other. */
  rttMs: 400,
  /** Below this through TURN, the picture will be poor: "rapprochez-vous de votre box". */
  relayMbps: 1,
  /** Below this between two connections of the same browser, the device itself is struggling. */
  localMbps: 2,
};

const FAIL: ReadonlySet<Advice> = new Set(['insecure', 'denied', 'noMic', 'micBusy', 'offline']);

export function verdictOf(
  d: DeviceResults,
  n: NetworkResults | null,
): { verdict: Verdict; advice: Advice[] } {
  const advice: Advice[] = [];
  const add = (a: Advice) => {
    if (!advice.includes(a)) advice.push(a);
  };
  if (d.camera === 'insecure' || d.mic === 'insecure') add('insecure');
  if (d.camera === 'denied' || d.mic === 'denied') add('denied');
  if (d.mic === 'no_device') add('noMic');
  if (d.mic === 'busy' || d.mic === 'unknown') add('micBusy');
  if (n && !n.server) add('offline');
  if (d.camera === 'no_device') add('noCamera');
  if (d.camera === 'busy' || d.camera === 'unknown') add('cameraBusy');
  if (d.mic === 'silent') add('micSilent');
  if (d.speaker === 'no') add('speaker');
  if (n?.server) {
    // No path out but through the server's relay, and no relay: the video may not get through.
    if (n.stun === false && n.turn !== true) add('blocked');
    if (n.turn === false && n.stun !== true) add('blocked');
    if (
      (n.rttMs !== null && n.rttMs > LIMITS.rttMs) ||
      (n.throughputVia === 'relay' &&
        n.throughputMbps !== null &&
        n.throughputMbps < LIMITS.relayMbps)
    )
      add('slowLink');
    if (
      n.throughputVia === 'local' &&
      n.throughputMbps !== null &&
      n.throughputMbps < LIMITS.localMbps
    )
      add('slowDevice');
  }
  const verdict: Verdict = advice.some((a) => FAIL.has(a))
    ? 'fail'
    : advice.length
      ? 'warning'
      : 'ok';
  return { verdict, advice };
}

// --- Measures (browser) --------------------------------------------------------------------------

/** Whether the configured servers include STUN, TURN. */
export function serverKinds(servers: RTCIceServer[]): { stun: boolean; turn: boolean } {
  const urls = servers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]));
  return { stun: urls.some((u) => /^stuns?:/.test(u)), turn: urls.some((u) => /^turns?:/.test(u)) };
}

/**
 * Gathers ICE candidates with the servers: a server-reflexive one means STUN answered (UDP goes
 * out), a relay one means TURN answered. Stops when all that can come has come, or after
 * `timeoutMs`.
 */
export async function gatherCandidates(
  servers: RTCIceServer[],
  timeoutMs = 6000,
): Promise<{ srflx: boolean; relay: boolean }> {
  const want = serverKinds(servers);
  const found = { srflx: false, relay: false };
  const pc = new RTCPeerConnection({ iceServers: servers });
  try {
    pc.createDataChannel('probe');
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      pc.onicecandidate = ({ candidate }) => {
        if (candidate) {
          const type = candidate.type ?? /\btyp (\w+)/.exec(candidate.candidate)?.[1];
          if (type === 'srflx') found.srflx = true;
          if (type === 'relay') found.relay = true;
        }
        if (!candidate || ((found.srflx || !want.stun) && (found.relay || !want.turn))) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await pc.setLocalDescription(await pc.createOffer());
    await done;
  } finally {
    pc.close();
  }
  return found;
}

/** Median time of `count` GET /healthz, in ms; null if none answered. */
export async function measureRtt(count = 5): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    try {
      if (await pingHealthz()) times.push(performance.now() - t0);
    } catch {
      // Counted as missing.
    }
  }
  return median(times);
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2);
}

/**
 * Sends data for about `durationMs` between two connections of this page and returns the rate
 * received, in Mbit/s. With `relay`, both connections may only use TURN, so the data goes to
 * the relay and back: an estimate of the real link. Without, it only says how much the device
 * itself can push. Null when the two could not connect.
 */
export async function loopbackThroughput(
  servers: RTCIceServer[],
  relay: boolean,
  durationMs = 1000,
): Promise<number | null> {
  const config: RTCConfiguration = {
    iceServers: servers,
    iceTransportPolicy: relay ? 'relay' : 'all',
  };
  const a = new RTCPeerConnection(config);
  const b = new RTCPeerConnection(config);
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const wait = (ms: number) => new Promise<void>((r) => timers.push(setTimeout(r, ms)));
  try {
    a.onicecandidate = ({ candidate }) =>
      void (candidate && b.addIceCandidate(candidate).catch(() => {}));
    b.onicecandidate = ({ candidate }) =>
      void (candidate && a.addIceCandidate(candidate).catch(() => {}));
    const channel = a.createDataChannel('debit');
    let bytes = 0;
    let first = 0;
    let last = 0;
    b.ondatachannel = ({ channel: rx }) => {
      rx.binaryType = 'arraybuffer';
      rx.onmessage = (e: MessageEvent<ArrayBuffer>) => {
        const now = performance.now();
        if (!first) first = now;
        last = now;
        bytes += e.data.byteLength;
      };
    };
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription!);
    const opened = new Promise<boolean>((resolve) => {
      channel.onopen = () => resolve(true);
      timers.push(setTimeout(() => resolve(false), 8000));
    });
    if (!(await opened)) return null;

    const chunk = new Uint8Array(16 * 1024);
    const end = performance.now() + durationMs;
    channel.bufferedAmountLowThreshold = 256 * 1024;
    // Keeps about 1 MB in flight: enough to fill the link, not so much that the end drags.
    const pump = () => {
      while (
        performance.now() < end &&
        channel.readyState === 'open' &&
        channel.bufferedAmount < 1024 * 1024
      )
        channel.send(chunk);
    };
    channel.onbufferedamountlow = pump;
    pump();
    await wait(durationMs + 300);
    const seconds = (last - first) / 1000;
    return seconds > 0.2 ? Math.round(((bytes * 8) / seconds / 1e6) * 10) / 10 : null;
  } catch {
    return null;
  } finally {
    timers.forEach((t) => clearTimeout(t));
    a.close();
    b.close();
  }
}
