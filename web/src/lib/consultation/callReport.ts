// What this browser tells the server about its own call, for the operator's statistics
// (docs/operator.md "Statistics"): how long the first connection took to come up, whether the
// pair of ICE candidates in use goes through the TURN relay, and, later, that the video was cut
// to save the sound. Nothing else: no address, no content. Sent once, and once more only if the
// call then goes audio-only.

export interface CallReportBody {
  setup_ms: number;
  relayed: boolean;
  audio_only: boolean;
}

/** What the reporter reads of each connection. */
export interface PeerLike {
  connectionState: RTCPeerConnectionState;
  setupMs: number | null;
  /** The local candidate type of the pair in use, once sampled ('relay' through TURN). */
  route: string | null;
}

export class CallReporter {
  private sent: CallReportBody | null = null;

  /** The body to send now, or null. */
  observe(peers: PeerLike[], audioOnly: boolean): CallReportBody | null {
    if (this.sent) {
      if (!audioOnly || this.sent.audio_only) return null;
      this.sent = { ...this.sent, audio_only: true };
      return this.sent;
    }
    const first = peers.find(
      (p) => p.connectionState === 'connected' && p.setupMs !== null && p.route !== null,
    );
    if (!first || first.setupMs === null) return null;
    this.sent = {
      setup_ms: Math.min(120_000, Math.max(0, Math.round(first.setupMs))),
      relayed: peers.some((p) => p.connectionState === 'connected' && p.route === 'relay'),
      audio_only: audioOnly,
    };
    return this.sent;
  }
}
