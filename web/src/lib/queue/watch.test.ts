// The waiting screen's hold on its entry, with the real realtime client on a fake socket, fake
// timers and a fake fetch: watch_queue sent on start and after every reconnection, messages
// applied, the entry read again after a reconnection, on return to the page, every minute, and
// after a message that crossed a read; the hold let go once the entry has ended.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { RealtimeClient, type RealtimeMessage, type SocketLike } from '../consultation/realtime';
import type { QueueEvent } from './entry';
import { anEntry } from './fixtures';
import type { QueueEntry } from './types';
import { REREAD_MS, watchEntry, type WatchSnapshot } from './watch';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: RealtimeMessage[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data) as RealtimeMessage);
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  accept(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  receive(msg: RealtimeMessage): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

interface Pending {
  resolve: (e: QueueEntry) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal;
}

function setup() {
  const sockets: FakeSocket[] = [];
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const setTimer = (fn: () => void, ms: number) => {
    const id = nextId++;
    timers.push({ at: now + ms, fn, id });
    return id;
  };
  const clearTimer = (id: unknown) => {
    timers = timers.filter((t) => t.id !== id);
  };
  const rt = new RealtimeClient({
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    url: 'wss://cabinet.test/api/v1/ws',
    setTimeout: setTimer,
    clearTimeout: clearTimer,
    random: () => 0.5,
    now: () => now,
  });
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
  const reads: Pending[] = [];
  const visible = new Set<() => void>();
  const snapshots: WatchSnapshot[] = [];
  const events: QueueEvent[] = [];
  const watch = watchEntry(
    'q1',
    {
      rt,
      fetchEntry: (_id, signal) =>
        new Promise<QueueEntry>((resolve, reject) => reads.push({ resolve, reject, signal })),
      onVisible: (fn) => {
        visible.add(fn);
        return () => visible.delete(fn);
      },
      every: (fn, ms) => {
        let handle: unknown;
        const tick = () => {
          handle = setTimer(tick, ms);
          fn();
        };
        handle = setTimer(tick, ms);
        return () => clearTimer(handle);
      },
    },
    (snap, evs) => {
      snapshots.push(snap);
      events.push(...evs);
    },
  );
  const last = () => sockets[sockets.length - 1]!;
  const latest = () => snapshots[snapshots.length - 1];
  /** Answers the oldest read still pending. */
  async function answer(entry: QueueEntry | Error): Promise<void> {
    const r = reads.find((x) => !x.signal.aborted && !(x as { done?: boolean }).done);
    if (!r) throw new Error('no read pending');
    (r as { done?: boolean }).done = true;
    if (entry instanceof Error) r.reject(entry);
    else r.resolve(entry);
    await Promise.resolve();
    await Promise.resolve();
  }
  const pending = () => reads.filter((x) => !x.signal.aborted && !(x as { done?: boolean }).done);
  function reconnect(): void {
    last().drop();
    advance(1_000);
    last().accept();
  }
  return {
    rt,
    watch,
    sockets,
    last,
    latest,
    events,
    answer,
    pending,
    reads,
    advance,
    reconnect,
    showPage: () => visible.forEach((fn) => fn()),
  };
}

describe('watchEntry', () => {
  it('sends watch_queue once the socket opens, and reads the entry', async () => {
    const { last, latest, answer, pending } = setup();
    expect(pending()).toHaveLength(1);
    expect(latest()).toBeUndefined();
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_queue', entry: 'q1' }]);
    await answer(anEntry());
    expect(latest()).toMatchObject({ loading: false, failure: null, live: true });
    expect(latest()?.entry?.position).toBe(3);
  });

  it('applies queue messages for its entry only, with the place announced', async () => {
    const { last, latest, answer, events } = setup();
    last().accept();
    await answer(anEntry());
    last().receive({ type: 'queue', entry: 'q2', position: 1, state: 'waiting' });
    last().receive({
      type: 'queue',
      entry: 'q1',
      position: 2,
      estimate_minutes: [5, 15],
      on_duty: 2,
      state: 'waiting',
    });
    expect(latest()?.entry).toMatchObject({ position: 2, estimate_minutes: [5, 15] });
    expect(events).toEqual([{ kind: 'moved', position: 2 }]);
  });

  it('after a reconnection, sends watch_queue again and reads the entry again (a call missed meanwhile)', async () => {
    const { last, latest, answer, events, pending, reconnect } = setup();
    last().accept();
    await answer(anEntry());
    reconnect();
    expect(last().sent).toEqual([{ type: 'watch_queue', entry: 'q1' }]);
    expect(pending()).toHaveLength(1);
    await answer(anEntry({ state: 'called', consultation_id: 'c7', position: null }));
    expect(latest()?.entry?.state).toBe('called');
    expect(events).toEqual([{ kind: 'called', consultation_id: 'c7' }]);
  });

  it('says when live updates stop, and when they come back', async () => {
    const { last, latest, answer, advance } = setup();
    last().accept();
    await answer(anEntry());
    last().drop();
    expect(latest()?.live).toBe(false);
    advance(1_000);
    expect(latest()?.live).toBe(true); // connecting again
  });

  it('on return to the page, checks the socket and reads the entry again', async () => {
    const { last, answer, pending, showPage, advance, sockets } = setup();
    last().accept();
    await answer(anEntry());
    advance(10_000);
    showPage();
    expect(pending()).toHaveLength(1);
    expect(last().sent[last().sent.length - 1]).toEqual({ type: 'ping' });
    // The phone slept: no pong, the socket is replaced and the watch sent on the new one.
    advance(5_000);
    advance(1_000);
    expect(sockets).toHaveLength(2);
    last().accept();
    expect(last().sent).toEqual([{ type: 'watch_queue', entry: 'q1' }]);
  });

  it('reads once more when a message arrives during a read, never two reads at once', async () => {
    const { last, latest, answer, pending, showPage } = setup();
    last().accept();
    await answer(anEntry());
    showPage();
    showPage();
    expect(pending()).toHaveLength(1);
    last().receive({ type: 'queue', entry: 'q1', position: 1, state: 'waiting' });
    expect(latest()?.entry?.position).toBe(1);
    // This read was answered before the message was sent: another one follows.
    await answer(anEntry({ position: 2 }));
    expect(pending()).toHaveLength(1);
    await answer(anEntry({ position: 1 }));
    expect(pending()).toHaveLength(0);
    expect(latest()?.entry?.position).toBe(1);
  });

  it('reads again every minute', async () => {
    const { last, answer, pending, advance } = setup();
    last().accept();
    await answer(anEntry());
    advance(REREAD_MS);
    expect(pending()).toHaveLength(1);
  });

  it('keeps the last failure for the page, until a read succeeds', async () => {
    const { last, latest, answer, showPage } = setup();
    last().accept();
    const gone = new ApiError(404, 'not_found', 'Introuvable');
    await answer(gone);
    expect(latest()).toMatchObject({ entry: null, loading: false, failure: gone });
    showPage();
    await answer(anEntry());
    expect(latest()).toMatchObject({ failure: null });
  });

  it('lets go of the place once the entry has ended: no watch_queue after a reconnection', async () => {
    const { last, latest, answer, events, reconnect } = setup();
    last().accept();
    await answer(anEntry());
    last().receive({ type: 'queue', entry: 'q1', state: 'removed', end_reason: 'grace' });
    expect(latest()?.entry).toMatchObject({ state: 'removed', end_reason: 'grace' });
    expect(events).toEqual([{ kind: 'ended', state: 'removed' }]);
    reconnect();
    expect(last().sent).toEqual([]);
  });

  it('stop() lets go of everything', async () => {
    const { watch, last, answer, reads, reconnect, pending, showPage } = setup();
    last().accept();
    showPage();
    await answer(anEntry());
    watch.stop();
    expect(reads.every((r) => r.signal.aborted || (r as { done?: boolean }).done)).toBe(true);
    reconnect();
    expect(last().sent).toEqual([]);
    showPage();
    expect(pending()).toHaveLength(0);
  });
});
