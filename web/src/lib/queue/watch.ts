// The waiting screen's hold on its entry (docs/queue.md): `watch_queue` on the tab's socket,
// sent again after every reconnection (it also keeps the place: queue.grace), the server's
// `queue` and `called` messages applied as they come, and the entry read again whenever the
// page may have missed some: after a reconnection, when the page becomes visible again (a
// phone's screen back on), every minute, and once more when a message arrives while a read is
// under way (the read may predate it). Once the entry has ended, the place is no longer held.
//
// No Preact and no browser globals (they come in `EntryWatchDeps`): watch.test.ts drives it with
// the real realtime client on a fake socket, and a fake fetch.
import type { ConnectionState, RealtimeClient, RealtimeMessage } from '../consultation/realtime';
import { applyMessage, changesBetween, isEnded, type QueueEvent } from './entry';
import type { QueueEntry } from './types';

export interface WatchSnapshot {
  entry: QueueEntry | null;
  /** The first read has not answered yet. */
  loading: boolean;
  /** The last read failed (kept until one succeeds), for the page to say so. */
  failure: unknown;
  /** The socket is open or opening: false shows "mise à jour interrompue". */
  live: boolean;
}

export interface EntryWatchDeps {
  rt: Pick<RealtimeClient, 'keep' | 'on' | 'onState' | 'wake' | 'connectionState'>;
  fetchEntry: (id: string, signal: AbortSignal) => Promise<QueueEntry>;
  /** Calls `fn` each time the page becomes visible again; returns the unsubscribe. */
  onVisible: (fn: () => void) => () => void;
  /** Calls `fn` every `ms`; returns the cancel. */
  every: (fn: () => void, ms: number) => () => void;
}

/** Read again this often even when nothing is heard: a message lost is repaired within a minute. */
export const REREAD_MS = 60_000;

function isLiveState(s: ConnectionState): boolean {
  return s === 'open' || s === 'connecting';
}

export interface EntryWatch {
  /** Reads the entry again now (after leaving the queue, a retry). */
  refresh: () => void;
  /** The page goes: no more reads, messages or hold. */
  stop: () => void;
}

export function watchEntry(
  id: string,
  deps: EntryWatchDeps,
  onChange: (snapshot: WatchSnapshot, events: QueueEvent[]) => void,
): EntryWatch {
  // Kept first: it opens the socket, whose state the snapshot starts from.
  let release: (() => void) | null = deps.rt.keep({ type: 'watch_queue', entry: id });
  let snap: WatchSnapshot = {
    entry: null,
    loading: true,
    failure: null,
    live: isLiveState(deps.rt.connectionState),
  };
  let stopped = false;
  let inflight: AbortController | null = null;
  let readAgain = false;

  const emit = (next: WatchSnapshot, events: QueueEvent[]) => {
    snap = next;
    if (!stopped) onChange(snap, events);
  };

  const letGo = () => {
    release?.();
    release = null;
  };

  const set = (entry: QueueEntry) => {
    const events = changesBetween(snap.entry, entry);
    emit({ ...snap, entry, loading: false, failure: null }, events);
    if (isEnded(entry.state)) letGo();
  };

  const refresh = () => {
    if (stopped) return;
    if (inflight) {
      readAgain = true;
      return;
    }
    const ctl = new AbortController();
    inflight = ctl;
    const done = () => {
      inflight = null;
      if (readAgain && !stopped) {
        readAgain = false;
        refresh();
      }
    };
    deps.fetchEntry(id, ctl.signal).then(
      (entry) => {
        if (ctl.signal.aborted) return;
        set(entry);
        done();
      },
      (failure: unknown) => {
        if (ctl.signal.aborted) return;
        emit({ ...snap, loading: false, failure }, []);
        done();
      },
    );
  };

  const onMessage = (msg: RealtimeMessage) => {
    if (msg.entry !== id) return;
    // A read under way may have been answered before this message: read once more after it.
    if (inflight) readAgain = true;
    if (!snap.entry) {
      refresh();
      return;
    }
    const next = applyMessage(snap.entry, msg);
    if (next !== snap.entry) set(next);
  };

  const offs = [
    deps.rt.on('queue', onMessage),
    deps.rt.on('called', onMessage),
    deps.rt.onState((state, reconnected) => {
      const live = isLiveState(state);
      if (live !== snap.live) emit({ ...snap, live }, []);
      // Messages may have been missed while the socket was down (watch_queue is sent again by
      // the client itself, as it keeps it).
      if (reconnected) refresh();
    }),
    deps.onVisible(() => {
      deps.rt.wake();
      refresh();
    }),
    deps.every(() => {
      if (!snap.entry || !isEnded(snap.entry.state)) refresh();
    }, REREAD_MS),
  ];
  refresh();

  return {
    refresh,
    stop: () => {
      stopped = true;
      inflight?.abort();
      inflight = null;
      offs.forEach((off) => off());
      letGo();
    },
  };
}
