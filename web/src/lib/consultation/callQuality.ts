// Connection quality of a call, from RTCPeerConnection.getStats() sampled every 2 seconds:
// round-trip time, packet loss (what we receive, and what the other side reports about what we
// send) and the incoming video bitrate, turned into three levels people understand: bonne,
// moyenne, faible. Pure functions over the stats objects, unit-tested in Node.

export type QualityLevel = 'bonne' | 'moyenne' | 'faible';

/** The numbers of one getStats() call that matter here (cumulative counters as given). */
export interface StatsSample {
  at: number;
  rttMs: number | null;
  packetsReceived: number;
  packetsLost: number;
  videoBytes: number;
  audioBytes: number;
  framesDecoded: number;
  framesPerSecond: number | null;
  /** The other side's view of what we send (remote-inbound-rtp fractionLost, 0–1), the worst. */
  outgoingLoss: number | null;
  /** How our side of the pair in use is reached: host, srflx, prflx or relay (TURN). */
  route: string | null;
}

export interface Quality {
  level: QualityLevel | null;
  rttMs: number | null;
  lossPct: number | null;
  videoKbps: number | null;
}

type Stat = Record<string, unknown>;
/** An RTCStatsReport, or a Map in tests. */
export interface StatsReportLike {
  forEach(cb: (stat: Stat) => void): void;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function readStats(report: StatsReportLike, at: number): StatsSample {
  const all: Stat[] = [];
  report.forEach((s) => all.push(s));
  const byId = new Map(all.map((s) => [String(s.id), s]));

  // The pair in use: named by the transport (Chromium, Safari), or flagged `selected`
  // (Firefox), or the nominated one that succeeded.
  let pair: Stat | undefined;
  for (const s of all)
    if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string')
      pair = byId.get(s.selectedCandidatePairId);
  pair ??= all.find((s) => s.type === 'candidate-pair' && s.selected === true);
  pair ??= all.find(
    (s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded',
  );
  let rtt = num(pair?.currentRoundTripTime);

  const sample: StatsSample = {
    at,
    rttMs: null,
    packetsReceived: 0,
    packetsLost: 0,
    videoBytes: 0,
    audioBytes: 0,
    framesDecoded: 0,
    framesPerSecond: null,
    outgoingLoss: null,
    route: null,
  };
  const local =
    pair && typeof pair.localCandidateId === 'string' ? byId.get(pair.localCandidateId) : undefined;
  if (typeof local?.candidateType === 'string') sample.route = local.candidateType;
  for (const s of all) {
    const kind = s.kind ?? s.mediaType;
    if (s.type === 'inbound-rtp') {
      sample.packetsReceived += num(s.packetsReceived) ?? 0;
      sample.packetsLost += Math.max(0, num(s.packetsLost) ?? 0);
      if (kind === 'video') {
        sample.videoBytes += num(s.bytesReceived) ?? 0;
        sample.framesDecoded += num(s.framesDecoded) ?? 0;
        const fps = num(s.framesPerSecond);
        if (fps !== null) sample.framesPerSecond = Math.max(sample.framesPerSecond ?? 0, fps);
      } else if (kind === 'audio') {
        sample.audioBytes += num(s.bytesReceived) ?? 0;
      }
    } else if (s.type === 'remote-inbound-rtp') {
      const lost = num(s.fractionLost);
      if (lost !== null) sample.outgoingLoss = Math.max(sample.outgoingLoss ?? 0, lost);
      rtt ??= num(s.roundTripTime);
    }
  }
  sample.rttMs = rtt === null ? null : Math.round(rtt * 1000);
  return sample;
}

/**
 * Thresholds, chosen for a conversation: beyond 300 ms people start talking over each other.
 * The encoder's own `qualityLimitationReason` is not used: it says "bandwidth" for the first
 * tens of seconds of every call, while the estimate ramps up, even on a perfect link.
 */
const LIMITS = {
  faible: { rttMs: 600, lossPct: 10 },
  moyenne: { rttMs: 300, lossPct: 3, videoKbps: 100 },
};

export function assess(prev: StatsSample | null, cur: StatsSample): Quality {
  let lossPct: number | null = null;
  let videoKbps: number | null = null;
  if (prev) {
    const lost = Math.max(0, cur.packetsLost - prev.packetsLost);
    const received = Math.max(0, cur.packetsReceived - prev.packetsReceived);
    if (lost + received > 0) lossPct = (100 * lost) / (lost + received);
    const ms = cur.at - prev.at;
    // Bits per millisecond are kilobits per second.
    if (ms > 0) videoKbps = Math.max(0, ((cur.videoBytes - prev.videoBytes) * 8) / ms);
  }
  if (cur.outgoingLoss !== null) lossPct = Math.max(lossPct ?? 0, cur.outgoingLoss * 100);

  let level: QualityLevel | null = null;
  if (cur.rttMs !== null || lossPct !== null) {
    const rtt = cur.rttMs ?? 0;
    const loss = lossPct ?? 0;
    // The bitrate only counts while real video arrives: a camera turned off still sends a
    // black frame a second, and that must not read as a bad link.
    const videoThin =
      videoKbps !== null &&
      (cur.framesPerSecond ?? 0) >= 10 &&
      videoKbps < LIMITS.moyenne.videoKbps;
    if (rtt > LIMITS.faible.rttMs || loss > LIMITS.faible.lossPct) level = 'faible';
    else if (rtt > LIMITS.moyenne.rttMs || loss > LIMITS.moyenne.lossPct || videoThin)
      level = 'moyenne';
    else level = 'bonne';
  }
  return {
    level,
    rttMs: cur.rttMs,
    lossPct: lossPct === null ? null : Math.round(lossPct * 10) / 10,
    videoKbps: videoKbps === null ? null : Math.round(videoKbps),
  };
}

const ORDER: QualityLevel[] = ['bonne', 'moyenne', 'faible'];

/** The worst of several peers' levels (unknown ones do not count). */
export function worstLevel(levels: Array<QualityLevel | null>): QualityLevel | null {
  let worst: QualityLevel | null = null;
  for (const l of levels)
    if (l && (worst === null || ORDER.indexOf(l) > ORDER.indexOf(worst))) worst = l;
  return worst;
}

/** How long "faible" must last before the outgoing video is cut to save the sound. */
export const AUDIO_ONLY_AFTER_MS = 10_000;

/** Tracks since when the level has been "faible" without a break. */
export class WeakStreak {
  private since: number | null = null;

  /** Feeds one level; true once "faible" has lasted AUDIO_ONLY_AFTER_MS. */
  update(level: QualityLevel | null, now: number): boolean {
    if (level !== 'faible') {
      if (level !== null) this.since = null;
      return false;
    }
    this.since ??= now;
    return now - this.since >= AUDIO_ONLY_AFTER_MS;
  }

  reset(): void {
    this.since = null;
  }
}
