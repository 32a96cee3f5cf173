// "Slow" state of the UX brief: true once `busy` has lasted `ms`, so a screen can say that
// it is taking longer than usual instead of showing a spinner forever.
import { useEffect, useState } from 'preact/hooks';

export function useSlow(busy: boolean, ms = 4000): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!busy) return undefined;
    const timer = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(timer);
  }, [busy, ms]);
  return slow;
}
