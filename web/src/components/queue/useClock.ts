// The browser's clock, ticking every `everyMs`: hours that say "today" or "tomorrow", minutes
// waited.
import { useEffect, useState } from 'preact/hooks';

export function useClock(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
