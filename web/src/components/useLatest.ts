// The latest value of something an effect reads but must not re-run for: the effect runs when
// its own trigger changes, and reads the current texts, state or callback through `.current`.
// The returned object is the same at every render, so listing it as a dependency changes nothing.
import { useRef } from 'preact/hooks';

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
