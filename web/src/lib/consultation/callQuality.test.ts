// Quality from getStats(): reading the stats of Chromium and Firefox shapes, the three levels,
// and the 10 seconds of "faible" that cut the outgoing video.
import { describe, expect, it } from 'vitest';
import { assess, readStats, WeakStreak, worstLevel, type StatsSample } from './callQuality';

function report(stats: Array<Record<string, unknown>>): Map<string, Record<string, unknown>> {
  return new Map(stats.map((s) => [String(s.id), s]));
}

function chromium(o: {
  rtt?: number;
  recv?: number;
  lost?: number;
  video?: number;
  audio?: number;
  frames?: number;
  fps?: number;
  outLoss?: number;
}) {
  return report([
    { id: 'T1', type: 'transport', selectedCandidatePairId: 'CP2' },
    { id: 'CP1', type: 'candidate-pair', state: 'failed', currentRoundTripTime: 9 },
    {
      id: 'CP2',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: true,
      currentRoundTripTime: o.rtt ?? 0.05,
      localCandidateId: 'L2',
    },
    { id: 'L2', type: 'local-candidate', candidateType: 'relay' },
    {
      id: 'IV',
      type: 'inbound-rtp',
      kind: 'video',
      packetsReceived: (o.recv ?? 1000) / 2,
      packetsLost: (o.lost ?? 0) / 2,
      bytesReceived: o.video ?? 0,
      framesDecoded: o.frames ?? 0,
      framesPerSecond: o.fps ?? 25,
    },
    {
      id: 'IA',
      type: 'inbound-rtp',
      kind: 'audio',
      packetsReceived: (o.recv ?? 1000) / 2,
      packetsLost: (o.lost ?? 0) / 2,
      bytesReceived: o.audio ?? 0,
    },
    {
      id: 'RI',
      type: 'remote-inbound-rtp',
      kind: 'video',
      fractionLost: o.outLoss ?? 0,
      roundTripTime: 0.9,
    },
    { id: 'OV', type: 'outbound-rtp', kind: 'video', qualityLimitationReason: 'bandwidth' },
  ]);
}

describe('readStats', () => {
  it('reads the selected pair, the counters and what the other side reports', () => {
    const s = readStats(
      chromium({
        rtt: 0.12,
        recv: 2000,
        lost: 20,
        video: 5000,
        audio: 700,
        frames: 48,
        outLoss: 0.25,
      }),
      1000,
    );
    expect(s).toEqual({
      at: 1000,
      rttMs: 120,
      packetsReceived: 2000,
      packetsLost: 20,
      videoBytes: 5000,
      audioBytes: 700,
      framesDecoded: 48,
      framesPerSecond: 25,
      outgoingLoss: 0.25,
      route: 'relay',
    });
  });

  it('finds Firefox’s selected pair, and falls back on the remote RTT', () => {
    const ff = report([
      {
        id: 'p',
        type: 'candidate-pair',
        selected: true,
        state: 'succeeded',
        currentRoundTripTime: 0.2,
      },
      {
        id: 'v',
        type: 'inbound-rtp',
        mediaType: 'video',
        packetsReceived: 10,
        packetsLost: 0,
        bytesReceived: 100,
        framesDecoded: 3,
      },
    ]);
    expect(readStats(ff, 0)).toMatchObject({
      rttMs: 200,
      videoBytes: 100,
      framesDecoded: 3,
      route: null,
    });
    const none = report([{ id: 'r', type: 'remote-inbound-rtp', roundTripTime: 0.07 }]);
    expect(readStats(none, 0).rttMs).toBe(70);
    expect(readStats(report([]), 0).rttMs).toBeNull();
  });
});

function sample(o: Partial<StatsSample>): StatsSample {
  return {
    at: 0,
    rttMs: 50,
    packetsReceived: 0,
    packetsLost: 0,
    videoBytes: 0,
    audioBytes: 0,
    framesDecoded: 0,
    framesPerSecond: 25,
    outgoingLoss: null,
    route: null,
    ...o,
  };
}

describe('assess', () => {
  const prev = sample({ at: 0 });
  it('is unknown before anything is measured', () => {
    expect(assess(null, sample({ rttMs: null })).level).toBeNull();
  });

  it('is bonne on a short, clean, well-fed link', () => {
    // 2 s, 250 kB of video: 1000 kbit/s.
    const q = assess(prev, sample({ at: 2000, packetsReceived: 500, videoBytes: 250_000 }));
    expect(q).toEqual({ level: 'bonne', rttMs: 50, lossPct: 0, videoKbps: 1000 });
  });

  it('is moyenne beyond 300 ms, 3 % loss or a thin video', () => {
    const rich = { at: 2000, packetsReceived: 500, videoBytes: 250_000 };
    expect(assess(prev, sample({ ...rich, rttMs: 350 })).level).toBe('moyenne');
    expect(assess(prev, sample({ ...rich, packetsReceived: 480, packetsLost: 20 })).level).toBe(
      'moyenne',
    );
    expect(assess(prev, sample({ ...rich, videoBytes: 20_000 })).level).toBe('moyenne');
    // 150 kbit/s while the estimate ramps up is not a bad link.
    expect(assess(prev, sample({ ...rich, videoBytes: 37_500 })).level).toBe('bonne');
  });

  it('does not blame the link for a camera turned off (few frames, few bytes)', () => {
    expect(
      assess(
        prev,
        sample({ at: 2000, packetsReceived: 100, videoBytes: 2_000, framesPerSecond: 1 }),
      ).level,
    ).toBe('bonne');
  });

  it('is faible beyond 600 ms or 10 % loss, ours or the other side’s', () => {
    expect(assess(prev, sample({ at: 2000, rttMs: 700 })).level).toBe('faible');
    expect(assess(prev, sample({ at: 2000, packetsReceived: 400, packetsLost: 100 })).lossPct).toBe(
      20,
    );
    expect(assess(prev, sample({ at: 2000, packetsReceived: 400, packetsLost: 100 })).level).toBe(
      'faible',
    );
    expect(assess(prev, sample({ at: 2000, packetsReceived: 500, outgoingLoss: 0.15 })).level).toBe(
      'faible',
    );
  });
});

describe('worstLevel and WeakStreak', () => {
  it('takes the worst known level', () => {
    expect(worstLevel([])).toBeNull();
    expect(worstLevel([null, 'bonne'])).toBe('bonne');
    expect(worstLevel(['bonne', 'faible', 'moyenne'])).toBe('faible');
  });

  it('fires after 10 s of faible without a break', () => {
    const w = new WeakStreak();
    expect(w.update('faible', 0)).toBe(false);
    expect(w.update('faible', 8000)).toBe(false);
    expect(w.update(null, 9000)).toBe(false); // a missing sample does not break the streak
    expect(w.update('faible', 10_000)).toBe(true);
    expect(w.update('moyenne', 12_000)).toBe(false);
    expect(w.update('faible', 14_000)).toBe(false);
    expect(w.update('faible', 22_000)).toBe(false);
    expect(w.update('faible', 24_000)).toBe(true);
  });
});
