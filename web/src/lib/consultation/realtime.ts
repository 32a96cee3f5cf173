// The tab's one WebSocket to /api/v1/ws (docs/realtime.md): JSON messages both ways, automatic
// reconnection, and "resume": after a reconnection, every consultation still joined is joined
// again (and the dashboard's watch sent again), because the server keeps no per-socket state
// (a new socket is a new participant).
//
// Pages subscribe by message type, optionally for one consultation, and join consultations
// with a counted reference: the practitioners' dashboard may join a room to admit a patient
// and hand it to the room page, which joins too; the room is left when the last one lets go.
//
// No Preact and no browser globals here (they come in `RealtimeDeps`), so that backoff, resume
// and routing are unit-tested in Node with a fake socket (realtime.test.ts). The wire itself
// (message and socket types, backoff, address, parsing) is in realtimeWire.ts.

import {
  backoffDelay,
  parse,
  socketUrl,
  type RealtimeMessage,
  type SocketLike,
} from './realtimeWire';

export { backoffDelay, socketUrl, type RealtimeMessage, type SocketLike };

export interface RealtimeDeps {
  createSocket: (url: string) => SocketLike;
  url: string;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** In [0, 1): the jitter of the backoff. */
  random: () => number;
  now: () => number;
}

/** WebSocket.OPEN: the constant, not the global, so tests need no browser. */
const OPEN = 1;

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'waiting';

/** Application-level ping: a dead link (a phone changing network) is often silent for minutes. */
const PING_EVERY_MS = 20_000;
/** Nothing heard for this long (not even the pong): the socket is dead, open a new one. */
const SILENCE_LIMIT_MS = 45_000;
/** After `wake`, how long the socket has to answer its ping before it is taken for dead. */
const WAKE_ANSWER_MS = 5_000;

type Handler = (msg: RealtimeMessage) => void;
interface Subscription {
  type: string;
  consultation: string | undefined;
  handler: Handler;
}

export class RealtimeClient {
  private socket: SocketLike | null = null;
  private state: ConnectionState = 'idle';
  private attempt = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private wakeTimer: unknown = null;
  private lastHeard = 0;
  private wasOpen = false;
  private stopped = false;
  private readonly subs = new Set<Subscription>();
  private readonly stateListeners = new Set<
    (state: ConnectionState, reconnected: boolean) => void
  >();
  /**
   * Messages to send again after every reconnection (a join, the dashboard's watch), by their
   * JSON: how many holders keep each, and what to send when the last one lets go.
   */
  private readonly kept = new Map<
    string,
    { msg: RealtimeMessage; count: number; undo: RealtimeMessage | null }
  >();

  constructor(private readonly deps: RealtimeDeps) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Opens the socket if it is not open or opening already. */
  connect(): void {
    this.stopped = false;
    if (this.socket || this.retryTimer !== null) return;
    this.open();
  }

  /** Closes for good (sign-out, tests): no reconnection, joins forgotten. */
  close(): void {
    this.stopped = true;
    this.kept.clear();
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s) {
      this.detach(s);
      s.close(1000);
    }
    this.setState('idle', false);
  }

  /** Retry now rather than at the end of the backoff (the browser says it is back online). */
  retryNow(): void {
    if (this.stopped || this.socket) return;
    if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  /**
   * The page is visible again (a phone's screen back on): the socket may have died while the
   * device slept without a close ever arriving, and the silence limit would keep it for up to
   * 45 s. A ping now, and a socket that does not answer within 5 s is replaced (what it kept
   * is sent again on the new one). Without a socket, retry at once.
   */
  wake(): void {
    if (this.stopped) return;
    if (!this.socket) {
      this.retryNow();
      return;
    }
    if (this.state !== 'open') return;
    const asked = this.deps.now();
    if (!this.send({ type: 'ping' })) return;
    if (this.wakeTimer !== null) this.deps.clearTimeout(this.wakeTimer);
    this.wakeTimer = this.deps.setTimeout(() => {
      this.wakeTimer = null;
      if (this.lastHeard < asked) this.dropSilent();
    }, WAKE_ANSWER_MS);
  }

  /**
   * Sends one message; false when the socket is not open (nothing is queued: a signal or a chat
   * line sent after a reconnection would belong to a participant that no longer exists).
   */
  send(msg: RealtimeMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN || this.state !== 'open') return false;
    try {
      this.socket.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Sends `msg` now (when the socket is open) and again after every reconnection while some
   * holder keeps it; the returned function lets go, and `undo` is sent when the last one does.
   * Holders are counted: the dashboard may join a room to admit a patient and hand it over to
   * the room page, which joins too.
   */
  keep(msg: RealtimeMessage, undo: RealtimeMessage | null = null): () => void {
    const key = JSON.stringify(msg);
    const entry = this.kept.get(key);
    if (entry) entry.count += 1;
    else this.kept.set(key, { msg, count: 1, undo });
    this.connect();
    // Sent even when another holder sent it already: the server answers again (a new
    // `joined` with the room as it is now, for the page that needs it).
    this.send(msg);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const e = this.kept.get(key);
      if (!e) return;
      e.count -= 1;
      if (e.count > 0) return;
      this.kept.delete(key);
      if (e.undo) this.send(e.undo);
    };
  }

  /** Joins a consultation (`leave` when let go). */
  join(consultation: string): () => void {
    return this.keep({ type: 'join', consultation }, { type: 'leave', consultation });
  }

  /** Whether some holder keeps `consultation` joined. */
  isJoined(consultation: string): boolean {
    return this.kept.has(JSON.stringify({ type: 'join', consultation }));
  }

  /** The practitioner's and assistants' `waiting_room` messages, for the dashboard. */
  watchWaitingRoom(): () => void {
    return this.keep({ type: 'watch_waiting_room' });
  }

  /** The patient's `document_issued` and `document_updated` messages (docs/documents.md). */
  watchDocuments(): () => void {
    return this.keep({ type: 'watch_documents' });
  }

  /** The reader's `unread` and `message` messages (docs/messaging.md). */
  watchMessages(): () => void {
    return this.keep({ type: 'watch_messages' });
  }

  /**
   * Calls `handler` for each message of `type` ('*' for all); with `consultation`, only for
   * that consultation's messages (messages without one, like `error`, reach every subscriber
   * of their type). Returns the unsubscribe function.
   */
  on(type: string, handler: Handler, consultation?: string): () => void {
    const sub: Subscription = { type, consultation, handler };
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  /** Told of every state change; `reconnected` is true when an open follows a lost socket. */
  onState(listener: (state: ConnectionState, reconnected: boolean) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  // --- Internals --------------------------------------------------------------------------

  private open(): void {
    this.setState('connecting', false);
    let socket: SocketLike;
    try {
      socket = this.deps.createSocket(this.deps.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const reconnected = this.wasOpen;
      this.wasOpen = true;
      this.attempt = 0;
      this.lastHeard = this.deps.now();
      this.startPing();
      this.setState('open', reconnected);
      // Resume: the new socket is a new participant everywhere; join again what was joined.
      for (const { msg } of this.kept.values()) this.send(msg);
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.lastHeard = this.deps.now();
      const msg = parse(ev.data);
      if (msg) this.dispatch(msg);
    };
    socket.onerror = () => {
      // Always followed by close, which decides what to do.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopPing();
      if (!this.stopped) this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.deps.random);
    this.attempt += 1;
    this.setState('waiting', false);
    this.retryTimer = this.deps.setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  /** Drops a socket that went silent and starts over at once (its close may never come). */
  private dropSilent(): void {
    const s = this.socket;
    if (!s) return;
    this.socket = null;
    this.detach(s);
    try {
      s.close(4000, 'silent');
    } catch {
      // Already closing.
    }
    this.stopPing();
    this.scheduleRetry();
  }

  private startPing(): void {
    this.stopPing();
    const tick = () => {
      this.pingTimer = this.deps.setTimeout(tick, PING_EVERY_MS);
      if (this.deps.now() - this.lastHeard > SILENCE_LIMIT_MS) {
        this.dropSilent();
        return;
      }
      this.send({ type: 'ping' });
    };
    this.pingTimer = this.deps.setTimeout(tick, PING_EVERY_MS);
  }

  private stopPing(): void {
    if (this.pingTimer !== null) this.deps.clearTimeout(this.pingTimer);
    this.pingTimer = null;
  }

  private clearTimers(): void {
    this.stopPing();
    if (this.wakeTimer !== null) this.deps.clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private detach(s: SocketLike): void {
    s.onopen = null;
    s.onclose = null;
    s.onerror = null;
    s.onmessage = null;
  }

  private setState(state: ConnectionState, reconnected: boolean): void {
    if (state === this.state && !reconnected) return;
    this.state = state;
    for (const l of [...this.stateListeners]) l(state, reconnected);
  }

  private dispatch(msg: RealtimeMessage): void {
    for (const sub of [...this.subs]) {
      if (sub.type !== '*' && sub.type !== msg.type) continue;
      if (
        sub.consultation !== undefined &&
        msg.consultation !== undefined &&
        msg.consultation !== sub.consultation
      )
        continue;
      try {
        sub.handler(msg);
      } catch (e) {
        // One page's bug must not stop the others' messages.
        console.warn('realtime handler failed', e);
      }
    }
  }
}

// The tab's client, created on first use (pages that need no socket never open one: the
// upgrade needs a session, and a signed-out visitor would only collect 401s).
let shared: RealtimeClient | null = null;

export function realtime(): RealtimeClient {
  if (!shared) {
    const client = new RealtimeClient({
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      url: socketUrl(window.location),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (h) => window.clearTimeout(h as number),
      random: Math.random,
      now: Date.now,
    });
    window.addEventListener('online', () => client.retryNow());
    shared = client;
  }
  return shared;
}

/**
 * Closes the tab's socket for good: the server ties a socket to the account that opened it
 * for its whole life, so a sign-out (or another account signing in) must not keep it.
 */
export function closeRealtime(): void {
  shared?.close();
  shared = null;
}
