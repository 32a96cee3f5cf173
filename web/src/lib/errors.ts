// What to tell the user when an API call fails. The server's message is already in the user's
// language and names what to fix (a password rule, a field), so it is shown as is; the cases
// the server cannot word for us (no answer at all, a delay from Retry-After, an expired
// session) get the app's own sentences.
import { ApiError, CLIENT_ERROR_CODES } from './api';
import { minutesFromSeconds } from './dates';

export interface ErrorMessages {
  network: string;
  rateLimited: string;
  rateLimitedOne: string;
  rateLimitedSoon: string;
  rateLimitedSeconds: string;
  sessionExpired: string;
  signedOut: string;
  server: string;
  csrf: string;
  generic: string;
}

export function errorText(err: unknown, m: ErrorMessages): string {
  if (!(err instanceof ApiError)) return m.generic;
  switch (err.code) {
    case CLIENT_ERROR_CODES.network:
    case CLIENT_ERROR_CODES.aborted:
      return m.network;
    case 'rate_limited': {
      if (err.retryAfter === undefined) return m.rateLimitedSoon;
      if (err.retryAfter < 60) return m.rateLimitedSeconds;
      const minutes = minutesFromSeconds(err.retryAfter);
      return minutes === 1 ? m.rateLimitedOne : m.rateLimited.replace('{minutes}', String(minutes));
    }
    case 'session_expired':
      return m.sessionExpired;
    case 'unauthorized':
      return m.signedOut;
    case 'csrf_rejected':
      return m.csrf;
    case CLIENT_ERROR_CODES.http:
    case CLIENT_ERROR_CODES.badJson:
      return err.status >= 500 || err.status === 0 ? m.server : m.generic;
  }
  if (err.status >= 500) return err.message || m.server;
  return err.message || m.generic;
}

/** The field an error is about: the server's `field`, or the code field for a wrong code. */
export function errorField(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.code === 'invalid_request') return err.field;
  if (err.code === 'code_incorrect') return err.field ?? 'code';
  return undefined;
}
