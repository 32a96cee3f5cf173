// Makes the session store available to every component, loads it once at start, and sends
// the user to the login page, with the reason, when a signed-in session ends by itself
// (idle timeout, revoked from another device).
import { createContext, type ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useContext, useEffect, useState } from 'preact/hooks';
import { api, setApiErrorListener } from '../lib/api';
import { closeRealtime } from '../lib/consultation/realtime';
import { createSession, loginUrl, type Session, type SessionState } from '../lib/account/session';

const session = createSession(api);
setApiErrorListener((err) => session.onApiError(err));
// The WebSocket belongs to the account that opened it (docs/realtime.md): it goes with it.
session.subscribe((next, previous) => {
  if (previous.status !== 'signedIn') return;
  if (
    next.status === 'signedOut' ||
    (next.status === 'signedIn' && next.me.account.id !== previous.me.account.id)
  )
    closeRealtime();
});

const SessionContext = createContext<Session>(session);

export function SessionProvider({ children }: { children: ComponentChildren }) {
  useEffect(() => {
    void session.refresh();
  }, []);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session store and its current state; re-renders on every change. */
export function useSession(): { session: Session; state: SessionState } {
  const store = useContext(SessionContext);
  const [state, setState] = useState<SessionState>(store.state);
  useEffect(() => {
    setState(store.state);
    return store.subscribe((next) => setState(next));
  }, [store]);
  return { session: store, state };
}

/** Inside the router: a session that ended on its own leads to the login page. */
export function SessionWatcher() {
  const { route, url } = useLocation();
  const store = useContext(SessionContext);
  useEffect(
    () =>
      store.subscribe((next, previous) => {
        if (previous.status !== 'signedIn' || next.status !== 'signedOut') return;
        if (next.reason === 'expired' || next.reason === 'revoked')
          route(loginUrl(url, next.reason));
      }),
    [store, route, url],
  );
  return null;
}
