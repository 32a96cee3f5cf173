// Preact side of lib/queue/watch.ts: the waiting screen's entry, live over the tab's socket,
// read again on return to the page (visibilitychange) and every minute; `onEvents` hears what
// changed (a new place, the call, a missed call, the end).
import { useEffect, useState } from 'preact/hooks';
import { realtime } from '../../lib/consultation/realtime';
import { fetchEntry } from '../../lib/queue/api';
import type { QueueEvent } from '../../lib/queue/entry';
import type { QueueEntry } from '../../lib/queue/types';
import { watchEntry, type EntryWatch, type WatchSnapshot } from '../../lib/queue/watch';
import { useLatest } from '../useLatest';

export function useEntryWatch(
  id: string,
  onEvents: (events: QueueEvent[], entry: QueueEntry) => void,
): WatchSnapshot & { refresh: () => void } {
  const [snap, setSnap] = useState<WatchSnapshot>({
    entry: null,
    loading: true,
    failure: null,
    live: true,
  });
  const [watch, setWatch] = useState<EntryWatch | null>(null);
  const handler = useLatest(onEvents);

  useEffect(() => {
    const w = watchEntry(
      id,
      {
        rt: realtime(),
        fetchEntry,
        onVisible: (fn) => {
          const listener = () => {
            if (document.visibilityState === 'visible') fn();
          };
          document.addEventListener('visibilitychange', listener);
          // A page restored from the back-forward cache is a return too.
          window.addEventListener('pageshow', listener);
          return () => {
            document.removeEventListener('visibilitychange', listener);
            window.removeEventListener('pageshow', listener);
          };
        },
        every: (fn, ms) => {
          const timer = window.setInterval(fn, ms);
          return () => window.clearInterval(timer);
        },
      },
      (next, events) => {
        setSnap(next);
        if (events.length && next.entry) handler.current(events, next.entry);
      },
    );
    setWatch(w);
    return () => w.stop();
  }, [id, handler]);

  return { ...snap, refresh: () => watch?.refresh() };
}
