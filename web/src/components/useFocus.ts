// Moves focus to an element when `key` changes (not on first render): the heading of the
// step a multi-step page just showed, so screen readers announce the new step.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: unknown): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [ref, key]);
}
