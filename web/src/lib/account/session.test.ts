// The session store: what GET /me answers becomes the state, a 401 on any call while signed
// in signs out with the reason, and the profile switch shows the new profile at once and
// goes back if the server refuses.
import { describe, expect, it, vi } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from '../api';
import {
  createSession,
  currentProfile,
  homeForRole,
  initials,
  loginUrl,
  safeReturnPath,
  type SessionState,
} from './session';
import type { Me } from './types';

const ME: Me = {
  account: {
    id: 'a1',
    email: 'zoe@example.fr',
    email_confirmed: true,
    phone: '+33612345678',
    role: 'patient',
    status: 'active',
    locale: 'fr',
    totp_enabled: false,
    created_at: 1790000000,
  },
  profiles: [
    {
      id: 'p1',
      is_holder: true,
      first_name: 'Zoé',
      last_name: 'Martin',
      birth_date: '1990-04-02',
      sex: 'female',
      relationship: 'self',
    },
    {
      id: 'p2',
      is_holder: false,
      first_name: 'Léa',
      last_name: 'Martin',
      birth_date: '2018-06-01',
      sex: 'female',
      relationship: 'child',
    },
  ],
  current_profile: 'p1',
};

const expired = () => new ApiError(401, 'session_expired', 'Session expirée');
const noSession = () => new ApiError(401, 'unauthorized', 'Non connecté');

function fakeApi(handlers: {
  get?: (path: string) => Promise<unknown>;
  post?: (path: string, body?: unknown) => Promise<unknown>;
}) {
  const get = vi.fn((path: string) =>
    handlers.get ? handlers.get(path) : Promise.reject(noSession()),
  );
  const post = vi.fn((path: string, body?: unknown) =>
    handlers.post ? handlers.post(path, body) : Promise.resolve(undefined),
  );
  return {
    get: get as unknown as <T>(path: string) => Promise<T>,
    post: post as unknown as <T>(path: string, body?: unknown) => Promise<T>,
    getMock: get,
    postMock: post,
  };
}

async function signedIn(post?: (path: string, body?: unknown) => Promise<unknown>) {
  const api = fakeApi({ get: async () => ME, ...(post ? { post } : {}) });
  const session = createSession(api);
  await session.refresh();
  return { api, session };
}

describe('session store', () => {
  it('starts loading, then follows GET /me', async () => {
    const { session } = await signedIn();
    expect(session.state).toEqual({ status: 'signedIn', me: ME });
  });

  it('is signed out when GET /me answers 401, with the reason when the session expired', async () => {
    const plain = createSession(fakeApi({ get: () => Promise.reject(noSession()) }));
    expect(await plain.refresh()).toEqual({ status: 'signedOut' });
    const old = createSession(fakeApi({ get: () => Promise.reject(expired()) }));
    expect(await old.refresh()).toEqual({ status: 'signedOut', reason: 'expired' });
  });

  it('does not pretend to know when the server cannot be reached', async () => {
    const s = createSession(
      fakeApi({
        get: () => Promise.reject(new ApiError(0, CLIENT_ERROR_CODES.network, 'offline')),
      }),
    );
    const state = await s.refresh();
    expect(state.status).toBe('error');
  });

  it('signs out when any call answers 401 while signed in, and tells subscribers', async () => {
    const { session } = await signedIn();
    const seen: Array<[SessionState['status'], SessionState['status']]> = [];
    session.subscribe((next, prev) => seen.push([prev.status, next.status]));
    session.onApiError(new ApiError(400, 'invalid_request', 'x'));
    expect(session.state.status).toBe('signedIn');
    session.onApiError(expired());
    expect(session.state).toEqual({ status: 'signedOut', reason: 'expired' });
    expect(seen).toEqual([['signedIn', 'signedOut']]);
  });

  it('calls a revoked session "revoked", and ignores 401s when already signed out', async () => {
    const { session } = await signedIn();
    session.onApiError(noSession());
    expect(session.state).toEqual({ status: 'signedOut', reason: 'revoked' });
    session.onApiError(expired());
    expect(session.state).toEqual({ status: 'signedOut', reason: 'revoked' });
  });

  it('logs out even when the server no longer knows the session', async () => {
    const { session, api } = await signedIn(() => Promise.reject(noSession()));
    await session.logout();
    expect(api.postMock).toHaveBeenCalledWith('/auth/logout');
    expect(session.state).toEqual({ status: 'signedOut', reason: 'logout' });
  });
});

describe('profile switch', () => {
  it('shows the chosen profile at once, then keeps the server answer', async () => {
    let release: (me: Me) => void = () => undefined;
    const { session, api } = await signedIn((path) =>
      path === '/me/current-profile' ? new Promise((r) => (release = r)) : Promise.resolve(),
    );
    const done = session.switchProfile('p2');
    expect(session.state).toMatchObject({
      status: 'signedIn',
      switching: 'p2',
      me: { current_profile: 'p2' },
    });
    expect(api.postMock).toHaveBeenCalledWith('/me/current-profile', { profile_id: 'p2' });
    release({ ...ME, current_profile: 'p2' });
    await done;
    expect(session.state).toEqual({ status: 'signedIn', me: { ...ME, current_profile: 'p2' } });
    const s = session.state;
    expect(s.status === 'signedIn' && currentProfile(s.me)?.first_name).toBe('Léa');
  });

  it('goes back to the previous profile when the server refuses', async () => {
    const { session } = await signedIn(() =>
      Promise.reject(new ApiError(404, 'not_found', 'Profil introuvable')),
    );
    await expect(session.switchProfile('p2')).rejects.toMatchObject({ code: 'not_found' });
    expect(session.state).toEqual({ status: 'signedIn', me: ME });
  });

  it('does nothing for the profile already chosen', async () => {
    const { session, api } = await signedIn();
    await session.switchProfile('p1');
    expect(api.postMock).not.toHaveBeenCalled();
  });

  it('stays signed out when the switch meets an expired session', async () => {
    const { session } = await signedIn(async () => {
      session.onApiError(expired());
      throw expired();
    });
    await expect(session.switchProfile('p2')).rejects.toMatchObject({ code: 'session_expired' });
    expect(session.state).toEqual({ status: 'signedOut', reason: 'expired' });
  });
});

describe('helpers', () => {
  it('finds the current profile, or falls back to the holder', () => {
    expect(currentProfile(ME)?.id).toBe('p1');
    expect(currentProfile({ ...ME, current_profile: 'p2' })?.id).toBe('p2');
    expect(currentProfile({ ...ME, current_profile: 'gone' })?.id).toBe('p1');
    expect(initials(ME.profiles[0]!)).toBe('ZM');
  });

  it('sends each role to its area', () => {
    expect(
      ['patient', 'practitioner', 'assistant', 'operator'].map((r) => homeForRole(r as never)),
    ).toEqual(['/patient', '/praticien', '/praticien', '/operateur']);
  });

  it('follows only return paths of this site', () => {
    expect(safeReturnPath('/compte/proches')).toBe('/compte/proches');
    expect(safeReturnPath('/compte?x=1')).toBe('/compte?x=1');
    for (const bad of [
      undefined,
      '',
      'compte',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/a\nb',
    ])
      expect(safeReturnPath(bad)).toBeNull();
  });

  it('builds the login address with the page to come back to and the reason', () => {
    expect(loginUrl('/compte/securite')).toBe('/connexion?retour=%2Fcompte%2Fsecurite');
    expect(loginUrl('/compte', 'expired')).toBe('/connexion?retour=%2Fcompte&raison=session');
    expect(loginUrl('/compte', 'revoked')).toBe('/connexion?retour=%2Fcompte&raison=deconnecte');
    expect(loginUrl('/compte', 'logout')).toBe('/connexion?retour=%2Fcompte');
  });
});
