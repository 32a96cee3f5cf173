// The values of a form's fields in one object, and `set('field')`, the onValue of its field.
import { useState } from 'preact/hooks';

export function useValues<T extends object>(initial: T | (() => T)) {
  const [v, setV] = useState<T>(initial);
  const set = (k: keyof T) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  return [v, set] as const;
}
