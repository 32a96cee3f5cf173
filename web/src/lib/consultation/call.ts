// The call of one consultation room: a mesh of up to 4 participants (one RTCPeerConnection per
// other participant, lib/consultation/peer.ts), signaled over the tab's WebSocket (`signal`
// messages, docs/realtime.md), with TURN credentials from GET /ice-servers refreshed before
// they expire (iceServerList.ts), the connection quality every 2 seconds, and the fall back to
// audio only when the link stays weak (qualityWatch.ts).
//
// Surviving a lost socket. Participant ids are per socket: after a reconnection we come back
// under a new id and our peers see the old one leave. The media, though, go peer to peer and
// often keep flowing. So a peer that leaves the room is kept a while ("departed"), and the one
// who reconnected says so with `{"restart": true}` to each peer: the peer with the same role
// and name takes the new id and both sides restart ICE on the same connection. A peer that
// comes back without that message (a reloaded page), or under the same id (another page of the
// app on the same socket), gets a fresh connection.
import { worstLevel, type Quality, type QualityLevel } from './callQuality';
import { inMesh, isPolite, type Participant, type RoomRole } from './consultation';
import { IceServerList } from './iceServerList';
import type { LocalMedia } from './media';
import { Peer, type PeerReport, type SignalData } from './peer';
import { CallReporter, type CallReportBody } from './callReport';
import { QualityWatch } from './qualityWatch';
import type { RealtimeClient, RealtimeMessage } from './realtime';

/** 4 participants at most: 3 connections from each browser. */
export const MAX_REMOTE_PEERS = 3;
/** How long a departed peer's connection is kept, waiting for it to come back. */
const DEPARTED_KEEP_MS = 20_000;
/** After our own reconnection, departed peers matching newcomers are resumed at once. */
const RESUME_WINDOW_MS = 30_000;
/** A newcomer who looks like a departed peer gets this long to say `restart`. */
const SETTLE_MS = 2000;
/** How long the polite peer waits for the impolite one's first offer. */
const POLITE_WAIT_MS = 1500;

export interface RemotePeer {
  id: string;
  name: string;
  role: RoomRole | null;
  stream: MediaStream;
  connectionState: RTCPeerConnectionState;
  level: QualityLevel | null;
  departed: boolean;
}

export interface CallSnapshot {
  peers: RemotePeer[];
  /** The worst level among the peers (null until measured). */
  level: QualityLevel | null;
  /** The numbers behind it, for the indicator's details. */
  quality: Quality | null;
  /** The outgoing video was cut because the link stayed weak. */
  audioOnly: boolean;
}

export interface CallOptions {
  rt: RealtimeClient;
  consultation: string;
  media: LocalMedia;
  /** `?relais=1`: TURN only (tests force the relayed path with it). */
  relayOnly: boolean;
  onChange: (s: CallSnapshot) => void;
  /** Told once the call is up (and again if it goes audio-only): for the statistics. */
  onReport?: (body: CallReportBody) => void;
}

declare global {
  interface Window {
    /** Read by the end-to-end tests (kept in production builds: stats only, nothing private). */
    __cabinetCall?: { peers: () => Promise<PeerReport[]> };
  }
}

export class CallManager {
  private readonly peers = new Map<string, Peer>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly settling = new Map<string, ReturnType<typeof setTimeout>>();
  private you: string | null = null;
  private resumeUntil = 0;
  private others: Participant[] = [];
  private active = false;
  private closed = false;
  private readonly ice: IceServerList;
  /** Resolved by the first setRoom: a peer's offer can come before the page hands us `joined`. */
  private readonly youReady: Promise<void>;
  private youKnown: () => void = () => {};
  private readonly quality: QualityWatch;
  private readonly reporter = new CallReporter();
  private readonly offs: Array<() => void> = [];
  private readonly api: { peers: () => Promise<PeerReport[]> };

  constructor(private readonly opts: CallOptions) {
    this.offs.push(opts.rt.on('signal', (m) => this.onSignal(m), opts.consultation));
    this.offs.push(
      opts.media.onVideoTrack((track) => this.peers.forEach((p) => p.replaceVideo(track))),
    );
    this.offs.push(opts.media.subscribe(() => this.mediaChanged()));
    this.ice = new IceServerList((servers) => this.peers.forEach((p) => p.setIceServers(servers)));
    this.quality = new QualityWatch(
      opts.media,
      () => [...this.peers.values()].filter((p) => !p.departed),
      () => this.emit(),
    );
    this.youReady = new Promise((resolve) => (this.youKnown = resolve));
    this.api = { peers: () => Promise.all([...this.peers.values()].map((p) => p.report())) };
    window.__cabinetCall = this.api;
  }

  /** Who we are and who is in the room, from `joined` and `presence`. */
  setRoom(you: string, participants: Participant[]): void {
    if (this.closed) return;
    const reconnected = this.you !== null && you !== this.you;
    this.you = you;
    // Assistants watch only; a guest joins the mesh once the practitioner lets them in.
    this.others = participants.filter((p) => p.id !== you && inMesh(p));
    this.youKnown();
    if (reconnected) {
      this.resumeUntil = Date.now() + RESUME_WINDOW_MS;
      for (const peer of this.peers.values()) {
        peer.polite = isPolite(you, peer.id);
        // Peers still in the room learn our new id and get new ICE paths.
        if (this.others.some((p) => p.id === peer.id)) this.resume(peer);
      }
    }
    this.sync();
  }

  /** The call runs (status in_call): connections are made to everyone in it. */
  setActive(active: boolean): void {
    this.active = active;
    this.sync();
  }

  /** The user turns the video back on after the automatic cut. */
  restoreVideo(): void {
    this.opts.media.setVideoSuppressed(false);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.offs.forEach((off) => off());
    this.settling.forEach((t) => clearTimeout(t));
    this.ice.close();
    this.quality.close();
    this.peers.forEach((p) => p.close());
    this.peers.clear();
    if (window.__cabinetCall === this.api) delete window.__cabinetCall;
  }

  // --- The room's participants ------------------------------------------------------------

  private sync(): void {
    if (this.closed || !this.you) return;
    const present = new Set(this.others.map((p) => p.id));
    for (const peer of this.peers.values()) {
      if (present.has(peer.id) && peer.departed) {
        // Back under the same id: it left the room and joined again on the same socket, that
        // is from another page of the app (the practitioner's dashboard, then the room), whose
        // call starts afresh. Our connection was to a page that is gone, and an offer we made
        // to it would never be answered: a fresh connection, made as to a newcomer.
        this.drop(peer);
      } else if (present.has(peer.id)) {
        this.keep(peer);
        const p = this.others.find((o) => o.id === peer.id);
        if (p) {
          peer.role = p.role;
          peer.name = p.name;
        }
      } else {
        this.depart(peer);
      }
    }
    if (this.active) {
      for (const p of this.others) {
        if (this.peers.has(p.id) || this.settling.has(p.id)) continue;
        const match = this.departedLike(p);
        if (!match) {
          // The impolite peer offers first; the polite one waits for that offer, and makes
          // its own connection only if none came. Perfect negotiation copes with two offers
          // crossing, but Chromium now and then loses the polite side's ICE candidates after
          // the implicit rollback: better not to cross at every call's start.
          if (isPolite(this.you, p.id)) this.settle(p, POLITE_WAIT_MS);
          else void this.create(p);
        } else if (Date.now() < this.resumeUntil) {
          // We reconnected too: this newcomer is our departed peer under its new id.
          this.rebind(match, p.id);
          this.resume(match);
        } else {
          this.settle(p, SETTLE_MS);
        }
      }
    }
    this.emit();
  }

  /**
   * Waits a little for a newcomer's first signal (its `restart`, or its offer) before making a
   * connection to it ourselves; a departed peer that looks like it is then given up.
   */
  private settle(p: Participant, ms: number): void {
    this.settling.set(
      p.id,
      setTimeout(() => {
        this.settling.delete(p.id);
        if (
          this.closed ||
          !this.active ||
          this.peers.has(p.id) ||
          !this.others.some((o) => o.id === p.id)
        )
          return;
        const old = this.departedLike(p);
        if (old) this.drop(old);
        void this.create(p);
      }, ms),
    );
  }

  private unsettle(id: string): void {
    const timer = this.settling.get(id);
    if (timer) clearTimeout(timer);
    this.settling.delete(id);
  }

  /** A departed peer (or one no longer listed) that looks like `p`: same role, same name. */
  private departedLike(p: Pick<Participant, 'role' | 'name'> | null): Peer | undefined {
    const present = new Set(this.others.map((o) => o.id));
    const gone = [...this.peers.values()].filter((peer) => peer.departed || !present.has(peer.id));
    if (!p) return gone.length === 1 ? gone[0] : undefined;
    return gone.find(
      (peer) => peer.role === p.role && (!peer.name || !p.name || peer.name === p.name),
    );
  }

  private depart(peer: Peer): void {
    if (peer.departed) return;
    peer.departed = true;
    const state = peer.connectionState;
    if (state === 'failed' || state === 'closed') {
      this.drop(peer);
      return;
    }
    peer.departedTimer = setTimeout(() => this.drop(peer), DEPARTED_KEEP_MS);
  }

  private keep(peer: Peer): void {
    if (!peer.departed) return;
    peer.departed = false;
    if (peer.departedTimer) clearTimeout(peer.departedTimer);
    peer.departedTimer = null;
  }

  private rebind(peer: Peer, id: string): void {
    this.peers.delete(peer.id);
    peer.id = id;
    peer.polite = isPolite(this.you ?? '', id);
    this.keep(peer);
    this.peers.set(id, peer);
  }

  private resume(peer: Peer): void {
    this.send(peer, { restart: true });
    void peer.restart();
  }

  private drop(peer: Peer): void {
    peer.close();
    if (this.peers.get(peer.id) === peer) this.peers.delete(peer.id);
    if (this.peers.size === 0) this.quality.stop();
    this.emit();
  }

  private async create(p: {
    id: string;
    role: RoomRole | null;
    name: string;
  }): Promise<Peer | null> {
    await this.ice.ready;
    if (this.closed || !this.you) return null;
    const existing = this.peers.get(p.id);
    if (existing) return existing;
    if (this.peers.size >= MAX_REMOTE_PEERS) return null;
    const config: RTCConfiguration = {
      iceServers: this.ice.servers,
      iceTransportPolicy: this.opts.relayOnly ? 'relay' : 'all',
      bundlePolicy: 'max-bundle',
    };
    const peer = new Peer(
      p.id,
      p.role,
      p.name,
      isPolite(this.you, p.id),
      config,
      this.opts.media.state.stream,
      {
        send: (target, data) => this.send(target, data),
        changed: () => this.emit(),
        now: () => performance.now(),
      },
    );
    this.peers.set(p.id, peer);
    this.quality.start();
    this.emit();
    return peer;
  }

  private mediaChanged(): void {
    const media = this.opts.media;
    const stream = media.state.stream;
    // Media that arrived after the connections were made (a slow permission prompt).
    if (stream) this.peers.forEach((p) => p.addLocal(stream));
    this.quality.mediaChanged();
  }

  // --- Signaling --------------------------------------------------------------------------------

  private send(peer: Peer, data: SignalData): boolean {
    return this.opts.rt.send({
      type: 'signal',
      consultation: this.opts.consultation,
      to: peer.id,
      data: data as Record<string, unknown>,
    });
  }

  private onSignal(msg: RealtimeMessage): void {
    const from = msg.from;
    const data = msg.data as SignalData | undefined;
    if (this.closed || typeof from !== 'string' || typeof data !== 'object' || data === null)
      return;
    // One peer's signals are applied one at a time, in the order they came.
    const run = async () => {
      await this.ice.ready;
      await this.youReady;
      if (this.closed) return;
      let peer = this.peers.get(from);
      if (!peer) {
        const who = this.others.find((o) => o.id === from) ?? null;
        const like = this.departedLike(who);
        this.unsettle(from);
        if (data.restart && like) {
          // It reconnected: same connection, new id; it restarts ICE itself.
          this.rebind(like, from);
          this.emit();
          return;
        }
        // It starts afresh: whatever we kept of it is over.
        if (like && who) this.drop(like);
        peer =
          (await this.create({ id: from, role: who?.role ?? null, name: who?.name ?? '' })) ??
          undefined;
        if (!peer) return;
      }
      if (data.description || data.candidate) await peer.receive(data);
    };
    const next = (this.queues.get(from) ?? Promise.resolve())
      .then(run)
      .catch((e: unknown) => console.warn('signal failed', e));
    this.queues.set(from, next);
  }

  private emit(): void {
    if (this.closed) return;
    const peers = [...this.peers.values()];
    const level = worstLevel(peers.filter((p) => !p.departed).map((p) => p.quality?.level ?? null));
    const worst = peers.find((p) => p.quality?.level === level && level !== null);
    this.opts.onChange({
      peers: peers.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        stream: p.stream,
        connectionState: p.connectionState,
        level: p.quality?.level ?? null,
        departed: p.departed,
      })),
      level,
      quality: worst?.quality ?? null,
      audioOnly: this.quality.audioOnly,
    });
    const report = this.reporter.observe(
      peers.filter((p) => !p.departed),
      this.quality.audioOnly,
    );
    if (report) this.opts.onReport?.(report);
  }
}
