// The call's mesh with fake RTCPeerConnections and a fake socket: one connection per other
// participant of the call (never an assistant, at most three), politeness from the ids, perfect
// negotiation's answer to an offer (the polite peer waiting for the first one), surviving lost
// sockets: ours (restart signal and ICE restart), the other side's (the same connection under
// its new id), a reloaded page (a fresh connection once the old one is given up); and the
// quality samples, with the fall back to audio only after 10 s of "faible".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  iceServers: vi.fn(async () => ({
    ice_servers: [{ urls: ['stun:stun.cabinet.test'] }],
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  })),
}));

import { CallManager, type CallSnapshot } from './call';
import type { Participant } from './consultation';
import type { LocalMedia } from './media';
import type { RealtimeClient, RealtimeMessage } from './realtime';

type Desc = { type: string; sdp?: string };

class FakePC {
  static all: FakePC[] = [];
  signalingState = 'stable';
  connectionState = 'new';
  iceConnectionState = 'new';
  localDescription: Desc | null = null;
  remote: Desc[] = [];
  candidates: unknown[] = [];
  restarts = 0;
  closed = false;
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: unknown = null;
  ontrack: unknown = null;
  oniceconnectionstatechange: unknown = null;
  onconnectionstatechange: unknown = null;
  constructor(public config: RTCConfiguration) {
    FakePC.all.push(this);
  }
  addTrack() {}
  getSenders() {
    return [];
  }
  getTransceivers() {
    return [];
  }
  async setLocalDescription(d?: Desc) {
    if (d?.type === 'rollback') {
      this.signalingState = 'stable';
      return;
    }
    if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: 'answer' };
      this.signalingState = 'stable';
    } else {
      this.localDescription = { type: 'offer', sdp: 'offer' };
      this.signalingState = 'have-local-offer';
    }
  }
  async setRemoteDescription(d: Desc) {
    this.remote.push(d);
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(c: unknown) {
    this.candidates.push(c);
  }
  restartIce() {
    this.restarts += 1;
  }
  getConfiguration() {
    return this.config;
  }
  setConfiguration(c: RTCConfiguration) {
    this.config = c;
  }
  /** The round-trip time every connection reports, in seconds (null: nothing measured). */
  static rtt: number | null = null;
  async getStats() {
    const rtt = FakePC.rtt;
    return new Map(
      rtt === null
        ? []
        : [
            [
              'p',
              {
                id: 'p',
                type: 'candidate-pair',
                nominated: true,
                state: 'succeeded',
                currentRoundTripTime: rtt,
              },
            ],
          ],
    );
  }
  close() {
    this.closed = true;
    this.connectionState = 'closed';
  }
}

class FakeStream {
  private tracks: unknown[] = [];
  getTracks() {
    return this.tracks;
  }
  addTrack(t: unknown) {
    this.tracks.push(t);
  }
}

function fakeRealtime() {
  const handlers: Array<{ type: string; fn: (m: RealtimeMessage) => void }> = [];
  const sent: RealtimeMessage[] = [];
  const rt = {
    on: (type: string, fn: (m: RealtimeMessage) => void) => {
      const h = { type, fn };
      handlers.push(h);
      return () => handlers.splice(handlers.indexOf(h), 1);
    },
    send: (m: RealtimeMessage) => {
      sent.push(m);
      return true;
    },
  };
  const receive = (m: RealtimeMessage) =>
    handlers.filter((h) => h.type === m.type).forEach((h) => h.fn(m));
  return { rt: rt as unknown as RealtimeClient, sent, receive };
}

const media = {
  state: { stream: null, videoSuppressed: false },
  sendingVideo: false,
  subscribe: () => () => {},
  onVideoTrack: () => () => {},
  setVideoSuppressed: () => {},
} as unknown as LocalMedia;

const doctor: Participant = { id: 'c2', role: 'practitioner', name: 'Dr Camille Durand' };
const patient: Participant = { id: 'c5', role: 'patient', name: 'Hugo Lambert' };
const assistant: Participant = { id: 'c3', role: 'assistant', name: 'Inès Martin' };

function setup(withMedia: LocalMedia = media) {
  const net = fakeRealtime();
  let snapshot: CallSnapshot | null = null;
  const call = new CallManager({
    rt: net.rt,
    consultation: 'a1',
    media: withMedia,
    relayOnly: false,
    onChange: (s) => (snapshot = s),
  });
  const flush = () => vi.advanceTimersByTimeAsync(0);
  return { call, ...net, flush, snapshot: () => snapshot! };
}

const signals = (sent: RealtimeMessage[]) => sent.filter((m) => m.type === 'signal');

beforeEach(() => {
  vi.useFakeTimers();
  FakePC.all = [];
  FakePC.rtt = null;
  vi.stubGlobal('window', {});
  vi.stubGlobal('RTCPeerConnection', FakePC);
  vi.stubGlobal('MediaStream', FakeStream);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('CallManager', () => {
  it('connects to the other call participants once the call is active, never to assistants', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c5', [patient, doctor, assistant]);
    await flush();
    expect(FakePC.all).toHaveLength(0);
    call.setActive(true);
    await flush();
    // c5 sorts after c2: the patient is polite and leaves the first offer to the practitioner.
    expect(FakePC.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1500);
    expect(FakePC.all).toHaveLength(1);
    expect(snapshot().peers.map((p) => [p.id, p.role])).toEqual([['c2', 'practitioner']]);
    expect(FakePC.all[0]!.config).toMatchObject({
      iceServers: [{ urls: ['stun:stun.cabinet.test'] }],
      iceTransportPolicy: 'all',
    });
    expect(window.__cabinetCall).toBeDefined();
    call.close();
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(window.__cabinetCall).toBeUndefined();
  });

  it('connects to a guest only once the practitioner has let them in', async () => {
    const { call, flush, snapshot } = setup();
    const waiting: Participant = {
      id: 'c9',
      role: 'guest',
      name: 'Marie Lambert',
      kind: 'guest',
      admitted: false,
    };
    call.setRoom('c2', [doctor, patient, waiting]);
    call.setActive(true);
    await flush();
    // c2 sorts first: the practitioner offers to the patient at once, not to the waiting guest.
    expect(snapshot().peers.map((p) => p.id)).toEqual(['c5']);
    call.setRoom('c2', [doctor, patient, { ...waiting, admitted: true }]);
    await flush();
    expect(snapshot().peers.map((p) => [p.id, p.role])).toEqual([
      ['c5', 'patient'],
      ['c9', 'guest'],
    ]);
    call.close();
  });

  it('keeps the mesh to four participants', async () => {
    const { call, flush } = setup();
    const others = ['c6', 'c7', 'c8', 'c9'].map((id) => ({
      id,
      role: 'patient' as const,
      name: id,
    }));
    call.setRoom('c2', [doctor, ...others]);
    call.setActive(true);
    await flush();
    expect(FakePC.all).toHaveLength(3);
  });

  it('answers an offer as the polite peer, and ignores it as the impolite one while offering', async () => {
    // c5 > c2: the patient is polite.
    const { call, flush, receive, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await vi.advanceTimersByTimeAsync(1500);
    const pc = FakePC.all[0]!;
    await pc.setLocalDescription(); // our own offer is out: a collision
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'theirs' } },
    });
    await flush();
    expect(pc.remote).toEqual([{ type: 'offer', sdp: 'theirs' }]);
    expect(signals(sent).at(-1)).toEqual({
      type: 'signal',
      consultation: 'a1',
      to: 'c2',
      data: { description: { type: 'answer', sdp: 'answer' } },
    });

    const other = setup();
    other.call.setRoom('c2', [patient, doctor]);
    other.call.setActive(true);
    await other.flush();
    const mine = FakePC.all[1]!;
    await mine.setLocalDescription();
    other.receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c5',
      data: { description: { type: 'offer', sdp: 'theirs' } },
    });
    other.receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c5',
      data: { candidate: { candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host' } },
    });
    await other.flush();
    expect(mine.remote).toEqual([]);
    expect(signals(other.sent)).toEqual([]);
  });

  it('as the polite peer, answers the first offer on a connection made for it, without offering too', async () => {
    const { call, flush, receive, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await flush();
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'first' } },
    });
    await flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakePC.all).toHaveLength(1);
    expect(signals(sent).map((m) => (m.data as { description?: Desc }).description?.type)).toEqual([
      'answer',
    ]);
  });

  it('makes a connection for a peer that signals first, before its presence arrives', async () => {
    const { call, flush, receive } = setup();
    receive({
      type: 'signal',
      consultation: 'a1',
      from: 'c2',
      data: { description: { type: 'offer', sdp: 'early' } },
    });
    await flush();
    expect(FakePC.all).toHaveLength(0); // waits for our own id
    call.setRoom('c5', [patient]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    expect(FakePC.all[0]!.remote).toEqual([{ type: 'offer', sdp: 'early' }]);
  });

  it('after our own reconnection, tells each peer and restarts ICE on the same connection', async () => {
    const { call, flush, sent } = setup();
    call.setRoom('c5', [patient, doctor]);
    call.setActive(true);
    await vi.advanceTimersByTimeAsync(1500);
    const pc = FakePC.all[0]!;
    await pc.setLocalDescription(); // an offer the lost socket never delivered
    call.setRoom('c11', [doctor, { ...patient, id: 'c11' }]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    expect(signals(sent)).toContainEqual({
      type: 'signal',
      consultation: 'a1',
      to: 'c2',
      data: { restart: true },
    });
    expect(pc.restarts).toBe(1);
    expect(pc.signalingState).toBe('stable'); // rolled back, so negotiation can start again
  });

  it('keeps the connection of a peer that reconnected and says restart, under its new id', async () => {
    const { call, flush, receive, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    // The patient's socket drops: gone from the room, its connection kept for a while.
    call.setRoom('c2', [doctor]);
    expect(snapshot().peers[0]).toMatchObject({ id: 'c5', departed: true });
    // Back under c12, and it says so.
    call.setRoom('c2', [doctor, { ...patient, id: 'c12' }]);
    receive({ type: 'signal', consultation: 'a1', from: 'c12', data: { restart: true } });
    await flush();
    await vi.advanceTimersByTimeAsync(3000);
    expect(FakePC.all).toHaveLength(1);
    expect(FakePC.all[0]!.closed).toBe(false);
    expect(snapshot().peers.map((p) => [p.id, p.departed])).toEqual([['c12', false]]);
  });

  it('gives a reloaded page a fresh connection after a short wait, and drops the old one', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    call.setRoom('c2', [doctor, { ...patient, id: 'c12' }]);
    await flush();
    expect(FakePC.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2100);
    expect(FakePC.all).toHaveLength(2);
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(snapshot().peers.map((p) => p.id)).toEqual(['c12']);
  });

  it('gives up a departed peer after 20 s', async () => {
    const { call, flush, snapshot } = setup();
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    await flush();
    call.setRoom('c2', [doctor]);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(FakePC.all[0]!.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(FakePC.all[0]!.closed).toBe(true);
    expect(snapshot().peers).toEqual([]);
  });

  it('measures the quality every 2 s and, after 10 s of faible, cuts the outgoing video until asked back', async () => {
    const listeners: Array<() => void> = [];
    const fake = {
      state: { stream: null, videoSuppressed: false },
      get sendingVideo() {
        return !this.state.videoSuppressed;
      },
      subscribe: (l: () => void) => {
        listeners.push(l);
        return () => {};
      },
      onVideoTrack: () => () => {},
      setVideoSuppressed(v: boolean) {
        this.state = { ...this.state, videoSuppressed: v };
        listeners.forEach((l) => l());
      },
    };
    const { call, snapshot } = setup(fake as unknown as LocalMedia);
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    FakePC.rtt = 0.05;
    await vi.advanceTimersByTimeAsync(2000);
    expect(snapshot().level).toBe('bonne');
    FakePC.rtt = 0.9;
    // Faible from the sample at 4 s: 8 s of it at 12 s, 10 s at 14 s.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(snapshot()).toMatchObject({ level: 'faible', audioOnly: false });
    await vi.advanceTimersByTimeAsync(2000);
    expect(snapshot().audioOnly).toBe(true);
    expect(fake.state.videoSuppressed).toBe(true);
    call.restoreVideo();
    expect(snapshot().audioOnly).toBe(false);
    expect(fake.state.videoSuppressed).toBe(false);
    // Not cut again at once: the user chose the picture.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(snapshot().audioOnly).toBe(false);
  });
});
