// Keeps the screen on while the patient waits (Screen Wake Lock API, where the browser has it):
// a phone that sleeps drops the socket, and a page gone longer than queue.grace loses its
// place. The lock is released by the browser when the page is hidden, so it is asked again on
// return.
import { useEffect } from 'preact/hooks';

interface WakeLockSentinelLike {
  release: () => Promise<void>;
}
interface WakeLockLike {
  request: (type: 'screen') => Promise<WakeLockSentinelLike>;
}

export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const wakeLock = (navigator as unknown as { wakeLock?: WakeLockLike }).wakeLock;
    if (!active || !wakeLock) return undefined;
    let sentinel: WakeLockSentinelLike | null = null;
    let gone = false;
    const ask = () => {
      if (document.visibilityState !== 'visible') return;
      wakeLock.request('screen').then(
        (s) => {
          if (gone) void s.release().catch(() => {});
          else sentinel = s;
        },
        () => {
          // Refused (battery saver, policy): the page still keeps its place while open.
        },
      );
    };
    ask();
    document.addEventListener('visibilitychange', ask);
    return () => {
      gone = true;
      document.removeEventListener('visibilitychange', ask);
      void sentinel?.release().catch(() => {});
    };
  }, [active]);
}
