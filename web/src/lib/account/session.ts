// Who is signed in, kept outside Preact so that it can be unit-tested in Node.
//
// The session itself is an HttpOnly cookie the app cannot read: GET /me is the only way to
// know. The store loads it once, is updated by the answers that return `GET /me` (login,
// PATCH /me, the profile switch), and falls back to "signed out" whenever any call answers
// 401 `unauthorized` or `session_expired` (idle timeout, password reset elsewhere, device
// disconnected from another session). Pages and the header subscribe to it.
import { ApiError, CLIENT_ERROR_CODES, type Api } from '../api';
import type { Me, Profile, Role } from './types';

/** Why the user is signed out, when that matters to what the login page says. */
export type SignedOutReason = 'expired' | 'revoked' | 'logout';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason?: SignedOutReason }
  | { status: 'signedIn'; me: Me; switching?: string }
  /** GET /me failed without an answer (offline, server down): we do not know. */
  | { status: 'error'; error: ApiError };

type Listener = (state: SessionState, previous: SessionState) => void;

export function isAuthError(err: unknown): err is ApiError {
  return (
    err instanceof ApiError &&
    err.status === 401 &&
    (err.code === 'unauthorized' || err.code === 'session_expired')
  );
}

export function reasonFor(err: ApiError): SignedOutReason {
  return err.code === 'session_expired' ? 'expired' : 'revoked';
}

export function createSession(api: Pick<Api, 'get' | 'post'>) {
  let state: SessionState = { status: 'loading' };
  const listeners = new Set<Listener>();

  function set(next: SessionState): void {
    const previous = state;
    state = next;
    for (const l of [...listeners]) l(state, previous);
  }

  return {
    get state(): SessionState {
      return state;
    },

    subscribe(fn: Listener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    /** Asks the server who is signed in. Never throws: the answer is the new state. */
    async refresh(): Promise<SessionState> {
      try {
        set({ status: 'signedIn', me: await api.get<Me>('/me') });
      } catch (e) {
        if (isAuthError(e))
          set(
            e.code === 'session_expired'
              ? { status: 'signedOut', reason: 'expired' }
              : { status: 'signedOut' },
          );
        else if (e instanceof ApiError && e.code === CLIENT_ERROR_CODES.aborted) return state;
        else
          set({
            status: 'error',
            error:
              e instanceof ApiError ? e : new ApiError(0, CLIENT_ERROR_CODES.network, String(e)),
          });
      }
      return state;
    },

    /** Every answer that is `GET /me` (login, PATCH /me, profile switch) lands here. */
    setMe(me: Me): void {
      set({ status: 'signedIn', me });
    },

    signedOut(reason?: SignedOutReason): void {
      set(reason ? { status: 'signedOut', reason } : { status: 'signedOut' });
    },

    /** Given every failed API call: a 401 while signed in means the session is gone. */
    onApiError(err: ApiError): void {
      if (state.status === 'signedIn' && isAuthError(err))
        set({ status: 'signedOut', reason: reasonFor(err) });
    },

    /** Ends the session. The local state is cleared even when the server cannot be reached. */
    async logout(): Promise<void> {
      try {
        await api.post('/auth/logout');
      } catch (e) {
        if (!isAuthError(e) && !(e instanceof ApiError && e.status === 0)) throw e;
      } finally {
        set({ status: 'signedOut', reason: 'logout' });
      }
    },

    /**
     * The profile switch ("pour qui ?"): the header shows the new profile at once, and goes
     * back to the previous one if the server refuses.
     */
    async switchProfile(profileId: string): Promise<void> {
      if (state.status !== 'signedIn') throw new Error('switchProfile needs a signed-in session');
      const before = state.me;
      if (before.current_profile === profileId) return;
      set({
        status: 'signedIn',
        me: { ...before, current_profile: profileId },
        switching: profileId,
      });
      try {
        set({
          status: 'signedIn',
          me: await api.post<Me>('/me/current-profile', { profile_id: profileId }),
        });
      } catch (e) {
        // A 401 has already signed the user out through onApiError; otherwise restore.
        if (state.status === 'signedIn') set({ status: 'signedIn', me: before });
        throw e;
      }
    },
  };
}

export type Session = ReturnType<typeof createSession>;

/** The profile the user is acting for; the holder's own when the id is unknown. */
export function currentProfile(me: Me): Profile | undefined {
  return (
    me.profiles.find((p) => p.id === me.current_profile) ??
    me.profiles.find((p) => p.is_holder) ??
    me.profiles[0]
  );
}

export function holderProfile(me: Me): Profile | undefined {
  return me.profiles.find((p) => p.is_holder) ?? me.profiles[0];
}

export function fullName(p: Pick<Profile, 'first_name' | 'last_name'>): string {
  return `${p.first_name} ${p.last_name}`.trim();
}

export function initials(p: Pick<Profile, 'first_name' | 'last_name'>): string {
  const first = (s: string) => Array.from(s.trim())[0] ?? '';
  return (first(p.first_name) + first(p.last_name)).toUpperCase();
}

/** Where each role lands after signing in. */
export function homeForRole(role: Role): string {
  switch (role) {
    case 'patient':
      return '/patient';
    case 'practitioner':
    case 'assistant':
      return '/praticien';
    case 'operator':
      return '/operateur';
    case 'partner_admin':
      return '/operateur/statistiques';
  }
}

/**
 * The `retour` parameter of the login page, if it is safe to follow: a path of this site
 * (starting with one "/", not "//" or "/\", which browsers treat as another host).
 */
export function safeReturnPath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return null;
  // No control character (a header or a log line could be forged with one).
  if (Array.from(value).some((ch) => ch.charCodeAt(0) <= 0x1f)) return null;
  return value;
}

/** The login page's address for a signed-in-only page, so that the user comes back to it. */
export function loginUrl(returnTo: string, reason?: SignedOutReason): string {
  const params = new URLSearchParams({ retour: returnTo });
  if (reason === 'expired' || reason === 'revoked')
    params.set('raison', reason === 'expired' ? 'session' : 'deconnecte');
  return `/connexion?${params.toString()}`;
}
