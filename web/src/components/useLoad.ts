// Loads data for a screen: loading, the error to show (already worded), a reload, and a
// setter for local updates after a successful change. Aborts when the screen goes away.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  /** The raw failure, for screens that react to a specific code (404 of the dev mailbox). */
  failure: unknown;
  reload: () => void;
  setData: (update: (old: T | undefined) => T | undefined) => void;
}

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const { t } = useI18n();
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setFailure(null);
    load(ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setDataState(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setFailure(e);
        setLoading(false);
      },
    );
    return () => ctl.abort();
    // The caller's own dependency list, as with useEffect; `load` is the caller's callback of
    // this render, read again only when they change (or on reload).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback(
    (update: (old: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  return {
    data,
    loading,
    error: failure ? errorText(failure, t.errors) : null,
    failure,
    reload,
    setData,
  };
}
