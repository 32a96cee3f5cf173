// The realtime client with a fake WebSocket and fake timers: the backoff sequence and its cap,
// joins sent again after a reconnection (resume), counted joins, and message routing by type
// and consultation.
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  RealtimeClient,
  socketUrl,
  type RealtimeMessage,
  type SocketLike,
} from './realtime';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: RealtimeMessage[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as RealtimeMessage);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  // Test side.
  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  receive(msg: unknown): void {
    this.onmessage?.({ data: typeof msg === 'string' ? msg : JSON.stringify(msg) });
  }
}

function setup(random = () => 0.5) {
  const sockets: FakeSocket[] = [];
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const client = new RealtimeClient({
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    url: 'wss://cabinet.test/api/v1/ws',
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    random,
    now: () => now,
  });
  /** Advances the clock, firing due timers in order. */
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.fn();
    }
    now = end;
  }
  const last = () => sockets[sockets.length - 1]!;
  /** Delay until the next socket is created. */
  function timeToNextSocket(): number {
    const count = sockets.length;
    const start = now;
    for (let i = 0; i < 400 && sockets.length === count; i++) advance(100);
    return now - start;
  }
  return { client, sockets, advance, last, timeToNextSocket };
}

describe('backoffDelay', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    const mid = () => 0.5; // no jitter: factor 1
    expect([0, 1, 2, 3, 4, 5, 6, 10, 50].map((n) => backoffDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000,
    ]);
  });

  it('adds at most ±20 % jitter, never above 30 s', () => {
    expect(backoffDelay(0, () => 0)).toBe(800);
    expect(backoffDelay(0, () => 0.999999)).toBe(1200);
    expect(backoffDelay(2, () => 0)).toBe(3200);
    expect(backoffDelay(8, () => 0.999999)).toBe(30000);
    expect(backoffDelay(8, () => 0)).toBe(24000);
  });
});

describe('socketUrl', () => {
  it('follows the page protocol on the same host', () => {
    expect(socketUrl({ protocol: 'https:', host: 'cabinet.fr' })).toBe(
      'wss://cabinet.fr/api/v1/ws',
    );
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/api/v1/ws',
    );
  });
});

describe('RealtimeClient', () => {
  it('reconnects with growing delays, and starts over at 1 s after a successful open', () => {
    const { client, sockets, last, timeToNextSocket } = setup();
    client.connect();
    expect(sockets).toHaveLength(1);
    last().drop();
    expect(client.connectionState).toBe('waiting');
    expect(timeToNextSocket()).toBe(1000);
    last().drop();
    expect(timeToNextSocket()).toBe(2000);
    last().drop();
    expect(timeToNextSocket()).toBe(4000);
    last().accept();
    expect(client.connectionState).toBe('open');
    last().drop(1001);
    expect(timeToNextSocket()).toBe(1000);
  });

  it('never waits more than 30 s between attempts', () => {
    const { client, last, timeToNextSocket } = setup(() => 0.99);
    client.connect();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      last().drop();
      delays.push(timeToNextSocket());
    }
    expect(Math.max(...delays)).toBe(30000);
    expect(delays.slice(-3)).toEqual([30000, 30000, 30000]);
  });

  it('sends join at once when open, and again on every reconnection (resume)', () => {
    const { client, last, timeToNextSocket } = setup();
    client.connect();
    last().accept();
    client.join('a1');
    client.join('a2');
    expect(last().sent).toEqual([
      { type: 'join', consultation: 'a1' },
      { type: 'join', consultation: 'a2' },
    ]);
    let reconnected = false;
    client.onState((state, again) => {
      if (state === 'open') reconnected = again;
    });
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(reconnected).toBe(true);
    expect(last().sent).toEqual([
      { type: 'join', consultation: 'a1' },
      { type: 'join', consultation: 'a2' },
    ]);
  });

  it('joins made while connecting are sent once the socket opens', () => {
    const { client, last } = setup();
    client.join('a1');
    expect(last().sent).toEqual([]);
    last().accept();
    expect(last().sent).toEqual([{ type: 'join', consultation: 'a1' }]);
  });

  it('counts joins: leave is sent when the last holder lets go, and only then stops resuming', () => {
    const { client, last, timeToNextSocket } = setup();
    client.connect();
    last().accept();
    const dashboard = client.join('a1');
    const room = client.join('a1');
    dashboard();
    dashboard(); // twice is once
    expect(last().sent.filter((m) => m.type === 'leave')).toEqual([]);
    expect(client.isJoined('a1')).toBe(true);
    room();
    expect(last().sent[last().sent.length - 1]).toEqual({ type: 'leave', consultation: 'a1' });
    expect(client.isJoined('a1')).toBe(false);
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([]);
  });

  it('keeps the dashboard watch across reconnections, with nothing to undo', () => {
    const { client, last, timeToNextSocket } = setup();
    client.connect();
    last().accept();
    const unwatch = client.watchWaitingRoom();
    expect(last().sent).toEqual([{ type: 'watch_waiting_room' }]);
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_waiting_room' }]);
    unwatch();
    expect(last().sent).toEqual([{ type: 'watch_waiting_room' }]);
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([]);
  });

  it('keeps the documents watch across reconnections', () => {
    const { client, last, timeToNextSocket } = setup();
    client.connect();
    last().accept();
    const unwatch = client.watchDocuments();
    expect(last().sent).toEqual([{ type: 'watch_documents' }]);
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_documents' }]);
    unwatch();
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([]);
  });

  it('keeps one messages watch for its holders (header, tabs, page) across reconnections', () => {
    const { client, last, timeToNextSocket } = setup();
    client.connect();
    last().accept();
    const header = client.watchMessages();
    const page = client.watchMessages();
    // Sent for each holder: the server answers its `unread` count to each.
    expect(last().sent).toEqual([{ type: 'watch_messages' }, { type: 'watch_messages' }]);
    header();
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_messages' }]);
    page();
    last().drop();
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([]);
  });

  it('send says false when the socket is not open, and queues nothing', () => {
    const { client, last } = setup();
    client.connect();
    expect(client.send({ type: 'chat', consultation: 'a1', text: 'Bonjour' })).toBe(false);
    last().accept();
    expect(last().sent).toEqual([]);
    expect(client.send({ type: 'chat', consultation: 'a1', text: 'Bonjour' })).toBe(true);
  });

  it('routes messages by type and consultation', () => {
    const { client, last } = setup();
    client.connect();
    last().accept();
    const got: string[] = [];
    client.on('chat', (m) => got.push(`a1:${String(m.text)}`), 'a1');
    client.on('chat', (m) => got.push(`a2:${String(m.text)}`), 'a2');
    client.on('chat', (m) => got.push(`any:${String(m.text)}`));
    client.on('error', (m) => got.push(`error:${String(m.code)}`), 'a1');
    const off = client.on('*', (m) => got.push(`*:${m.type}`));
    last().receive({ type: 'chat', consultation: 'a1', text: 'un' });
    last().receive({ type: 'chat', consultation: 'a2', text: 'deux' });
    last().receive({ type: 'error', code: 'rate_limited' });
    off();
    last().receive({ type: 'presence', consultation: 'a1' });
    expect(got).toEqual([
      'a1:un',
      'any:un',
      '*:chat',
      'a2:deux',
      'any:deux',
      '*:chat',
      'error:rate_limited',
      '*:error',
    ]);
  });

  it('ignores frames that are not a JSON object with a type, and survives a throwing handler', () => {
    const { client, last } = setup();
    client.connect();
    last().accept();
    const got: string[] = [];
    client.on('*', () => {
      throw new Error('bug');
    });
    client.on('*', (m) => got.push(m.type));
    last().receive('not json');
    last().receive([1, 2]);
    last().receive({ no: 'type' });
    last().onmessage?.({ data: new ArrayBuffer(2) });
    const warn = console.warn;
    console.warn = () => {};
    try {
      last().receive({ type: 'pong', time: 1 });
    } finally {
      console.warn = warn;
    }
    expect(got).toEqual(['pong']);
  });

  it('pings, and replaces a socket that stays silent', () => {
    const { client, sockets, last, advance } = setup();
    client.connect();
    last().accept();
    advance(20_000);
    expect(last().sent).toEqual([{ type: 'ping' }]);
    last().receive({ type: 'pong', time: 1 });
    advance(40_000);
    expect(sockets).toHaveLength(1);
    // Silent from now on: after 45 s without a word, a new socket (the old close never came).
    advance(30_000);
    expect(sockets[0]!.closed).toBe(true);
    advance(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('wake() pings, and replaces a socket that does not answer within 5 s (a phone back on)', () => {
    const { client, sockets, last, advance, timeToNextSocket } = setup();
    const unwatch = client.keep({ type: 'watch_queue', entry: 'q1' });
    last().accept();
    advance(10_000);
    client.wake();
    expect(last().sent).toEqual([{ type: 'watch_queue', entry: 'q1' }, { type: 'ping' }]);
    last().receive({ type: 'pong', time: 1 });
    advance(5_000);
    expect(sockets).toHaveLength(1);
    // Asleep: the answer never comes, the socket is replaced and the watch sent again.
    client.wake();
    advance(5_000);
    expect(sockets[0]!.closed).toBe(true);
    timeToNextSocket();
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_queue', entry: 'q1' }]);
    unwatch();
  });

  it('wake() without a socket retries at once instead of waiting for the backoff', () => {
    const { client, sockets, last } = setup();
    client.connect();
    last().drop();
    expect(sockets).toHaveLength(1);
    client.wake();
    expect(sockets).toHaveLength(2);
  });

  it('close() stops for good', () => {
    const { client, sockets, last, advance } = setup();
    client.join('a1');
    last().accept();
    client.close();
    expect(sockets[0]!.closed).toBe(true);
    advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(client.connectionState).toBe('idle');
  });
});
