// A third participant (ROOM8): the patient or the practitioner invites a relative or an
// interpreter with a one-time link; the guest opens /invitation/<token> without an account,
// gives a name, tests their equipment, waits until the practitioner lets them in, then joins
// the call. This module has the rules of both sides (the requests are api.ts); no Preact here.
import { ApiError } from '../api';
import type { GuestKind } from './consultation';

/** Two invitations at most per consultation: four people in the call. */
export const MAX_INVITATIONS = 2;
export const GUEST_NAME_MAX = 80;

export interface Invitation {
  id: string;
  kind: GuestKind;
  name: string | null;
  /** Only in the answer that creates it: the link is shown once. */
  url?: string;
  token?: string;
  expires_at: string | number | null;
  claimed: boolean;
  /** The name the guest gave when they opened the link. */
  guest_name?: string | null;
}

/** What the link says before anyone claims it (GET /invitations/{token}, no session). */
export interface InvitationInfo {
  /** `start`: ISO 8601 in the practitioner's wall clock (what we show); `start_at`: Unix seconds. */
  consultation: {
    id: string;
    start: string;
    start_at: number;
    duration_minutes?: number;
    practitioner: { name: string };
  };
  kind: GuestKind;
  claimed: boolean;
  /** Claimed by this browser already (the guest cookie): straight on. */
  mine: boolean;
}

export interface Guest {
  id: string;
  name: string;
  consultation: string;
}

/** The link to send, with this site's address (the API gives a path). */
export function absoluteUrl(url: string, origin: string): string {
  if (/^https?:\/\//.test(url)) return url;
  return origin.replace(/\/$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

export type InvitationStatus = 'claimed' | 'waiting' | 'expired';

export function invitationStatus(
  inv: Pick<Invitation, 'claimed' | 'expires_at'>,
  now: number,
): InvitationStatus {
  if (inv.claimed) return 'claimed';
  const end =
    typeof inv.expires_at === 'number'
      ? inv.expires_at * 1000
      : inv.expires_at
        ? Date.parse(inv.expires_at)
        : Number.NaN;
  return !Number.isNaN(end) && end <= now ? 'expired' : 'waiting';
}

/** Whether another link may be made: the server refuses a third (409). */
export function canInvite(list: Invitation[]): boolean {
  return list.length < MAX_INVITATIONS;
}

/** Why making a link failed, for its own sentence. */
export function inviteProblem(err: unknown): 'full' | 'other' {
  return err instanceof ApiError && err.status === 409 ? 'full' : 'other';
}

// --- The guest's page: a small state machine --------------------------------------------------

export type GuestStep = 'loading' | 'invalid' | 'used' | 'error' | 'name' | 'precall' | 'room';

export interface GuestFlow {
  step: GuestStep;
  info: InvitationInfo | null;
  guest: Guest | null;
  /** The failure of the last request, for the 'error' step and the name form. */
  error: unknown;
}

export type GuestEvent =
  | { type: 'loaded'; info: InvitationInfo }
  | { type: 'load_failed'; error: unknown }
  | { type: 'claimed'; guest: Guest }
  | { type: 'claim_failed'; error: unknown }
  | { type: 'tested' }
  | { type: 'retry' };

export const GUEST_START: GuestFlow = { step: 'loading', info: null, guest: null, error: null };

/** 404: unknown or expired; 410: claimed by another browser. */
function goneStep(err: unknown): GuestStep | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 404) return 'invalid';
  if (err.status === 410 || err.code === 'invitation_used') return 'used';
  return null;
}

export function guestFlow(s: GuestFlow, e: GuestEvent): GuestFlow {
  switch (e.type) {
    case 'loaded': {
      const info = e.info;
      if (info.claimed && !info.mine) return { ...s, step: 'used', info };
      // Claimed by this browser (a reload, the link opened again): no second name asked.
      if (info.claimed && info.mine)
        return {
          ...s,
          step: 'precall',
          info,
          guest: { id: '', name: '', consultation: info.consultation.id },
        };
      return { ...s, step: 'name', info, error: null };
    }
    case 'load_failed':
      return { ...s, step: goneStep(e.error) ?? 'error', error: e.error };
    case 'claimed':
      return { ...s, step: 'precall', guest: e.guest, error: null };
    case 'claim_failed': {
      const gone = goneStep(e.error);
      // Anything else (a network error, an invalid name) stays on the form, said there.
      return gone ? { ...s, step: gone, error: e.error } : { ...s, step: 'name', error: e.error };
    }
    case 'tested':
      return s.step === 'precall' ? { ...s, step: 'room' } : s;
    case 'retry':
      return { ...GUEST_START };
  }
}

/** The consultation the guest enters. */
export function guestConsultation(s: GuestFlow): string | null {
  return s.guest?.consultation || s.info?.consultation.id || null;
}
