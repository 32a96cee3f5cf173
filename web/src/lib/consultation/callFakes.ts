// Fakes for the call's tests (call.test.ts, qualityWatch.test.ts): RTCPeerConnections that
// record what they are given and report a round-trip time, a socket, local media, three
// participants, and a CallManager made with them. The app does not import this module.
import { afterEach, beforeEach, vi } from 'vitest';
import { CallManager, type CallSnapshot } from './call';
import type { Participant } from './consultation';
import type { LocalMedia } from './media';
import type { RealtimeClient, RealtimeMessage } from './realtime';

export type Desc = { type: string; sdp?: string };

export class FakePC {
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
  get remoteDescription(): Desc | null {
    return this.remote.at(-1) ?? null;
  }
  async addIceCandidate(c: unknown) {
    // As Chromium: nothing to add a candidate to before a remote description.
    if (!this.remoteDescription)
      throw new DOMException('The remote description was null', 'InvalidStateError');
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

export function fakeRealtime() {
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

export const media = {
  state: { stream: null, videoSuppressed: false },
  sendingVideo: false,
  subscribe: () => () => {},
  onVideoTrack: () => () => {},
  setVideoSuppressed: () => {},
} as unknown as LocalMedia;

export const doctor: Participant = { id: 'c2', role: 'practitioner', name: 'Dr Camille Durand' };
export const patient: Participant = { id: 'c5', role: 'patient', name: 'Hugo Lambert' };
export const assistant: Participant = { id: 'c3', role: 'assistant', name: 'Inès Martin' };

export function setup(withMedia: LocalMedia = media) {
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

export const signals = (sent: RealtimeMessage[]) => sent.filter((m) => m.type === 'signal');

/** Fake timers, and the fakes in place of the browser's RTCPeerConnection and MediaStream. */
export function installFakes(): void {
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
}
