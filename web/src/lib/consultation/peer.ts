// One remote participant of a call: its RTCPeerConnection with the "perfect negotiation"
// pattern (https://developer.mozilla.org/docs/Web/API/WebRTC_API/Perfect_negotiation), trickle
// ICE, ICE restarts when the path breaks, and the quality samples of its stats.
//
// Perfect negotiation lets both sides add tracks and renegotiate whenever they like: when two
// offers cross, the impolite peer ignores the other's offer and the polite one rolls its own
// back and answers. Who is polite is decided by the participant ids
// (lib/consultation/consultation.ts).
import {
  assess,
  readStats,
  type Quality,
  type QualityLevel,
  type StatsSample,
} from './callQuality';
import type { RoomRole } from './consultation';

/** The `data` of a `signal` message (docs/realtime.md). */
export interface SignalData {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit;
  restart?: boolean;
}

export interface PeerHooks {
  /** Sends `data` to this peer's current participant id; false when the socket is down. */
  send: (peer: Peer, data: SignalData) => boolean;
  changed: () => void;
  now: () => number;
}

/**
 * A 'disconnected' ICE state often heals by itself; past 3 s, the impolite peer restarts ICE.
 * The polite one waits longer and restarts only if the other did not: two restarts at once
 * would cross.
 */
const DISCONNECTED_GRACE_MS = 3000;
const POLITE_EXTRA_MS = 3000;
// Candidates kept while no remote description exists: a browser gathers a few dozen at most.
const MAX_EARLY_CANDIDATES = 100;
/**
 * An offer still unanswered after this long is sent again, a few times: the signal may have gone
 * to a page of the other side that is gone (the practitioner's dashboard, then the room, on the
 * same socket), and perfect negotiation waits for that answer forever.
 */
const OFFER_RESEND_MS = 4000;
const MAX_OFFER_RESENDS = 5;

export interface PeerReport {
  id: string;
  framesDecoded: number;
  audioBytesReceived: number;
  connectionState: RTCPeerConnectionState;
  setupMs: number | null;
  /** For the tests' logs when a call does not come up. */
  signalingState: RTCSignalingState;
  iceConnectionState: RTCIceConnectionState;
  iceGatheringState: RTCIceGatheringState;
  /** The last quality sample. */
  level: QualityLevel | null;
  rttMs: number | null;
  lossPct: number | null;
  videoKbps: number | null;
  /** The local candidate type of the pair in use ('relay' when going through TURN). */
  route: string | null;
}

export class Peer {
  readonly pc: RTCPeerConnection;
  /** What this peer sends us, one stable stream for the <video> and <audio> elements. */
  readonly stream = new MediaStream();
  quality: Quality | null = null;
  /** The participant left the room (socket lost?): kept a while, its media may still flow. */
  departed = false;
  departedTimer: ReturnType<typeof setTimeout> | null = null;

  private makingOffer = false;
  private ignoreOffer = false;
  private early: RTCIceCandidateInit[] = [];
  private firstOfferAt: number | null = null;
  private connectedAt: number | null = null;
  private disconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private offerTimer: ReturnType<typeof setTimeout> | null = null;
  private prev: StatsSample | null = null;
  private closed = false;

  constructor(
    public id: string,
    public role: RoomRole | null,
    public name: string,
    public polite: boolean,
    config: RTCConfiguration,
    local: MediaStream | null,
    private readonly hooks: PeerHooks,
  ) {
    this.pc = new RTCPeerConnection(config);
    if (local) this.addLocal(local);
    this.wire();
  }

  /** Time from the first offer (sent or received) to the first 'connected'. */
  get setupMs(): number | null {
    return this.firstOfferAt !== null && this.connectedAt !== null
      ? Math.max(0, Math.round(this.connectedAt - this.firstOfferAt))
      : null;
  }

  get connectionState(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** The local candidate type of the pair in use at the last sample ('relay': through TURN). */
  get route(): string | null {
    return this.prev?.route ?? null;
  }

  /** Adds the local tracks not sent yet (media that arrived after the peer was made). */
  addLocal(stream: MediaStream): void {
    // One sender per kind: a replaced camera track goes through replaceVideo, not here.
    const kinds = new Set(this.pc.getSenders().map((s) => s.track?.kind));
    for (const track of stream.getTracks())
      if (!kinds.has(track.kind)) this.pc.addTrack(track, stream);
  }

  /** The camera changed (front/back): same sender, no renegotiation. */
  replaceVideo(track: MediaStreamTrack): void {
    const sender = this.pc
      .getSenders()
      .find((s) => s.track?.kind === 'video' || (s.track === null && this.kindOf(s) === 'video'));
    if (sender)
      void sender.replaceTrack(track).catch((e: unknown) => console.warn('replaceTrack failed', e));
  }

  setIceServers(iceServers: RTCIceServer[]): void {
    if (this.closed) return;
    try {
      this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers });
    } catch (e) {
      console.warn('setConfiguration failed', e);
    }
  }

  /** One signal from this peer. The caller runs them one at a time, in order. */
  async receive(data: SignalData): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    try {
      if (data.description) {
        const description = data.description;
        // An answer to an offer we have since rolled back: nothing to apply it to.
        if (description.type === 'answer' && pc.signalingState === 'stable') return;
        const offerCollision =
          description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
        this.ignoreOffer = !this.polite && offerCollision;
        if (this.ignoreOffer) {
          // The other side offers while ours waits: it may never have got ours (sent to a page
          // of it that is gone). Ours again: as the polite side, it rolls back and answers.
          this.resendOffer();
          return;
        }
        // Our offer sent again (see OFFER_RESEND_MS) after we had answered it: the answer
        // again, rather than a renegotiation of nothing.
        if (
          description.type === 'offer' &&
          pc.signalingState === 'stable' &&
          pc.remoteDescription?.sdp === description.sdp &&
          pc.localDescription?.type === 'answer'
        ) {
          this.sendDescription();
          return;
        }
        if (description.type === 'offer') this.firstOfferAt ??= this.hooks.now();
        // On a collision, setRemoteDescription rolls our offer back itself, in one step: an
        // explicit rollback first would let negotiationneeded slip a new offer in between.
        await pc.setRemoteDescription(description);
        await this.addEarlyCandidates();
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          this.sendDescription();
        }
      } else if (data.candidate) {
        // A candidate may come before there is a remote description to add it to (the other
        // side's description still to be applied, or rolled back in a collision): Chromium
        // refuses it then, and a connection that needed it never comes up. Kept until the
        // next description instead.
        if (!pc.remoteDescription) {
          if (this.early.length < MAX_EARLY_CANDIDATES) this.early.push(data.candidate);
          return;
        }
        await this.addCandidate(data.candidate);
      }
    } catch (e) {
      console.warn('signal not applied', e);
    }
  }

  /** The candidates kept while there was no remote description; one refused stops none. */
  private async addEarlyCandidates(): Promise<void> {
    for (const candidate of this.early.splice(0)) {
      try {
        await this.addCandidate(candidate);
      } catch (e) {
        console.warn('early candidate not applied', e);
      }
    }
  }

  private async addCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (e) {
      // Candidates of an offer we ignored fail by design.
      if (!this.ignoreOffer) throw e;
    }
  }

  /**
   * New ICE credentials and paths (after our socket came back, or when the path broke). An
   * offer left unanswered while the socket was down is rolled back first, otherwise
   * negotiation would wait for an answer that will never come.
   */
  async restart(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.pc.signalingState === 'have-local-offer' && !this.makingOffer)
        await this.pc.setLocalDescription({ type: 'rollback' });
    } catch (e) {
      console.warn('rollback failed', e);
    }
    this.pc.restartIce();
  }

  /** Reads the stats once and updates `quality`. */
  async sample(): Promise<StatsSample | null> {
    if (this.closed) return null;
    try {
      const cur = readStats(await this.pc.getStats(), this.hooks.now());
      this.quality = assess(this.prev, cur);
      this.prev = cur;
      return cur;
    } catch {
      return null;
    }
  }

  async report(): Promise<PeerReport> {
    const s = this.closed
      ? null
      : await this.pc
          .getStats()
          .then((r) => readStats(r, this.hooks.now()))
          .catch(() => null);
    return {
      id: this.id,
      framesDecoded: s?.framesDecoded ?? 0,
      audioBytesReceived: s?.audioBytes ?? 0,
      connectionState: this.pc.connectionState,
      setupMs: this.setupMs,
      signalingState: this.pc.signalingState,
      iceConnectionState: this.pc.iceConnectionState,
      iceGatheringState: this.pc.iceGatheringState,
      level: this.quality?.level ?? null,
      rttMs: this.quality?.rttMs ?? null,
      lossPct: this.quality?.lossPct ?? null,
      videoKbps: this.quality?.videoKbps ?? null,
      route: s?.route ?? null,
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
    if (this.departedTimer) clearTimeout(this.departedTimer);
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.onconnectionstatechange = null;
    this.pc.ontrack = null;
    this.pc.close();
  }

  // --- Internals --------------------------------------------------------------------------

  private wire(): void {
    const pc = this.pc;
    pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        // Without arguments: an offer or an answer, whichever the state calls for.
        await pc.setLocalDescription();
        if (pc.localDescription?.type === 'offer') this.firstOfferAt ??= this.hooks.now();
        this.sendDescription();
      } catch (e) {
        console.warn('negotiation failed', e);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      // The end-of-candidates null is not sent: the contract carries candidates only.
      if (candidate) this.hooks.send(this, { candidate: candidate.toJSON() });
    };
    pc.ontrack = ({ track }) => {
      if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
      track.onunmute = () => this.hooks.changed();
      this.hooks.changed();
    };
    pc.oniceconnectionstatechange = () => {
      const state = pc.iceConnectionState;
      if (this.disconnectTimer) clearTimeout(this.disconnectTimer);
      this.disconnectTimer = null;
      if (state === 'failed' || state === 'disconnected') {
        const wait =
          (state === 'failed' ? 0 : DISCONNECTED_GRACE_MS) + (this.polite ? POLITE_EXTRA_MS : 0);
        this.disconnectTimer = setTimeout(() => {
          const now = pc.iceConnectionState;
          if (!this.closed && (now === 'failed' || now === 'disconnected')) pc.restartIce();
        }, wait);
      }
      this.hooks.changed();
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') this.connectedAt ??= this.hooks.now();
      this.hooks.changed();
    };
  }

  private sendDescription(): void {
    const d = this.pc.localDescription;
    if (!d) return;
    this.hooks.send(this, { description: { type: d.type, sdp: d.sdp } });
    if (d.type === 'offer') this.watchOffer(0);
  }

  /** Sends our pending offer again (its SDP carries the candidates gathered so far). */
  private resendOffer(): void {
    const d = this.pc.localDescription;
    if (this.closed || this.pc.signalingState !== 'have-local-offer' || d?.type !== 'offer') return;
    this.hooks.send(this, { description: { type: d.type, sdp: d.sdp } });
  }

  private watchOffer(resent: number): void {
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.offerTimer = null;
    if (resent >= MAX_OFFER_RESENDS) return;
    this.offerTimer = setTimeout(() => {
      this.offerTimer = null;
      if (this.closed || this.pc.signalingState !== 'have-local-offer') return;
      this.resendOffer();
      this.watchOffer(resent + 1);
    }, OFFER_RESEND_MS);
  }

  private kindOf(sender: RTCRtpSender): string | undefined {
    return this.pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind;
  }
}
