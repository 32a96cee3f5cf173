// The unread messages' count, live (docs/messaging.md "WebSocket"): every holder keeps the one
// `watch_messages` of the tab's socket (realtime.ts counts holders), the server answers
// `{"type":"unread","count":n}` at once and at every change. Used by the header's badge, the
// practitioner area's tab and the message pages; null until the first count arrives.
import { useEffect, useState } from 'preact/hooks';
import { realtime, type RealtimeMessage } from '../../lib/consultation/realtime';
import { liveMessage, unreadCount } from '../../lib/messaging/messaging';
import type { Message } from '../../lib/messaging/types';
import { useLatest } from '../useLatest';

export function useUnread(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) {
      setCount(null);
      return;
    }
    const rt = realtime();
    const offs = [
      rt.on('unread', (m) => {
        const n = unreadCount(m);
        if (n !== null) setCount(n);
      }),
      rt.watchMessages(),
    ];
    return () => offs.forEach((off) => off());
  }, [enabled]);
  return count;
}

/**
 * Live messages for the message pages: `onMessage` for each one that arrives, `onReconnect`
 * after a lost socket comes back (what arrived meanwhile is read again), and whether the socket
 * is up (false shows "Mise à jour en direct interrompue").
 */
export function useLiveMessages(
  onMessage: (conversation: string, m: Message) => void,
  onReconnect: () => void,
): boolean {
  const [live, setLive] = useState(true);
  const handlers = useLatest({ onMessage, onReconnect });
  useEffect(() => {
    const rt = realtime();
    const offs = [
      rt.on('message', (m: RealtimeMessage) => {
        const got = liveMessage(m);
        if (got) handlers.current.onMessage(got.conversation, got.message);
      }),
      rt.onState((state, reconnected) => {
        setLive(state === 'open' || state === 'connecting');
        if (reconnected) handlers.current.onReconnect();
      }),
      rt.watchMessages(),
    ];
    return () => offs.forEach((off) => off());
  }, [handlers]);
  return live;
}
