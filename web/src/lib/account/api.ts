// The accounts' calls to the API (docs/accounts.md): signing up and in, the email and password
// links, the account and its profiles (relatives, administrative data), sessions, two-factor
// codes, the access log, the export and the erasure of one's data. Typed calls through the
// app's client; pages and components import these, never a path. (GET /me, the logout and the
// profile switch are the session's: session.ts.)
import { api, API_PREFIX } from '../api';
import type { Lang } from '../lang';
import type {
  AccessEntry,
  Administrative,
  LoginChallenge,
  Me,
  Profile,
  SessionInfo,
  TotpSetup,
} from './types';

const enc = encodeURIComponent;

// --- Signing up and in ------------------------------------------------------------------------

/** POST /auth/signup: a patient's account (the form's fields). */
export function signUp(body: Record<string, unknown>): Promise<unknown> {
  return api.post('/auth/signup', body);
}

/** POST /auth/signup/practitioner: a practitioner's application. */
export function signUpPractitioner(body: Record<string, unknown>): Promise<unknown> {
  return api.post('/auth/signup/practitioner', body);
}

/** POST /auth/signup/assistant: an assistant's account, from the invitation's token. */
export function signUpAssistant(body: Record<string, unknown>): Promise<unknown> {
  return api.post('/auth/signup/assistant', body);
}

/** POST /auth/login: email and password; the answer is the challenge of the code step. */
export function logIn(email: string, password: string): Promise<LoginChallenge> {
  return api.post<LoginChallenge>('/auth/login', { email, password });
}

/** POST /auth/login/verify: the emailed (or TOTP) code; signed in, the answer is GET /me's. */
export function verifyLogin(challenge: string, code: string): Promise<Me> {
  return api.post<Me>('/auth/login/verify', { challenge, code });
}

/** POST /auth/login/resend: another emailed code for the same challenge. */
export function resendLoginCode(challenge: string): Promise<unknown> {
  return api.post('/auth/login/resend', { challenge });
}

// --- Email and password links -----------------------------------------------------------------

/** POST /auth/email/confirm: the token of the confirmation email. */
export function confirmEmail(token: string): Promise<unknown> {
  return api.post('/auth/email/confirm', { token });
}

/** POST /auth/email/resend: another confirmation email. */
export function resendConfirmation(email: string): Promise<unknown> {
  return api.post('/auth/email/resend', { email });
}

/** POST /auth/password/forgot: the reset email (the answer is the same for any address). */
export function forgotPassword(email: string): Promise<unknown> {
  return api.post('/auth/password/forgot', { email });
}

/** POST /auth/password/reset: a new password with the emailed token. */
export function resetPassword(token: string, password: string): Promise<unknown> {
  return api.post('/auth/password/reset', { token, password });
}

// --- The account ------------------------------------------------------------------------------

/** GET /me: the account as the session knows it. */
export function fetchMe(): Promise<Me> {
  return api.get<Me>('/me');
}

/** PATCH /me: the account's own fields (phone, language). */
export function updateMe(body: { phone?: string; locale?: Lang }): Promise<Me> {
  return api.patch<Me>('/me', body);
}

/** POST /me/password. */
export function changePassword(current: string, next: string): Promise<unknown> {
  return api.post('/me/password', { current_password: current, new_password: next });
}

/** GET /me/sessions: the devices signed in. */
export function fetchSessions(signal: AbortSignal): Promise<SessionInfo[]> {
  return api.get<SessionInfo[]>('/me/sessions', { signal });
}

/** DELETE /me/sessions/{id}: signs a device out. */
export function revokeSession(id: string): Promise<unknown> {
  return api.del(`/me/sessions/${enc(id)}`);
}

/** POST /me/totp: starts the set-up of an authenticator app. */
export function startTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/me/totp');
}

/** POST /me/totp/confirm: its first code turns it on. */
export function confirmTotp(code: string): Promise<unknown> {
  return api.post('/me/totp/confirm', { code });
}

/** DELETE /me/totp: turned off with a current code. */
export function disableTotp(code: string): Promise<unknown> {
  return api.del('/me/totp', { code });
}

/** GET /me/access-log: who read or changed the account's data. */
export function fetchAccessLog(signal: AbortSignal): Promise<AccessEntry[]> {
  return api.get<AccessEntry[]>('/me/access-log', { signal });
}

/** GET /me/export: every datum of the account, as JSON. */
export function fetchExport(): Promise<unknown> {
  return api.get<unknown>('/me/export');
}

/** The same export with the shared files, as a ZIP (a download link). */
export const EXPORT_ZIP_URL = `${API_PREFIX}/me/export.zip`;

/** DELETE /me: erases the account, with its password. */
export function deleteAccount(password: string): Promise<unknown> {
  return api.del('/me', { password });
}

// --- Profiles (the holder and relatives) ------------------------------------------------------

/** POST /me/profiles: a relative. */
export function addProfile(body: {
  first_name: string;
  last_name: string;
  birth_date: string;
  sex: string | null;
  relationship: string;
}): Promise<Profile> {
  return api.post<Profile>('/me/profiles', body);
}

/** PATCH /me/profiles/{id}: the changed fields. */
export function updateProfile(id: string, changes: Record<string, unknown>): Promise<Profile> {
  return api.patch<Profile>(`/me/profiles/${enc(id)}`, changes);
}

/** DELETE /me/profiles/{id}. */
export function removeProfile(id: string): Promise<unknown> {
  return api.del(`/me/profiles/${enc(id)}`);
}

/** GET /me/profiles/{id}/administrative: social security number, insurance. */
export function fetchAdministrative(id: string, signal: AbortSignal): Promise<Administrative> {
  return api.get<Administrative>(`/me/profiles/${enc(id)}/administrative`, { signal });
}

/** PUT /me/profiles/{id}/administrative. */
export function saveAdministrative(
  id: string,
  body: Administrative,
): Promise<Administrative | undefined> {
  return api.put<Administrative | undefined>(`/me/profiles/${enc(id)}/administrative`, body);
}
