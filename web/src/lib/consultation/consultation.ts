// The teleconsultation room (docs/consultation.md, docs/realtime.md "Consultations"): the objects
// of its API and the pure rules the pages share (when the waiting room opens, the late notice,
// who is polite in a pair). The requests are api.ts, the chat chat.ts, the practitioner's panel
// panel.ts, the shared files files.ts. No Preact here.
import { ROUTES } from '../routes';
import { ageOn } from '../validate';

export type ConsultationStatus = 'scheduled' | 'waiting' | 'in_call' | 'completed';
/** `guest`: a relative or an interpreter who came with an invitation link (no account). */
export type RoomRole = 'patient' | 'practitioner' | 'assistant' | 'guest';
export type GuestKind = 'guest' | 'interpreter';
export type PhoneCause = 'camera' | 'microphone' | 'network' | 'patient_request' | 'other';
export const PHONE_CAUSES: readonly PhoneCause[] = [
  'camera',
  'microphone',
  'network',
  'patient_request',
  'other',
];

/** The consultation went on by telephone (ROOM7). */
export interface PhoneFallback {
  at?: string | number;
  cause: string;
  note?: string | null;
}

export interface ConsultationView {
  id: string;
  status: ConsultationStatus;
  start: string;
  end: string;
  opens_at: string;
  role: RoomRole;
  practitioner: { id: string; name: string; connected: boolean };
  /** The contract gives `age`; a `birth_date` is read as well (patientAge). */
  patient: {
    first_name: string;
    last_name: string;
    age?: number | null;
    birth_date?: string | null;
  };
  /** Optional: the live `status` messages carry the delay too. */
  delay_minutes?: number;
  waiting_since?: string | null;
  late_notice: boolean;
  price_cents: number;
  payment: { state: string; amount_cents: number };
  /** Set once the practitioner switched the consultation to the telephone. */
  phone_fallback?: PhoneFallback | null;
  /** The file types the chat accepts, if the server tells (JPEG and PNG otherwise). */
  file_types?: string[];
}

/** One consultation of the practitioners' dashboard. */
export type DashboardConsultation = ConsultationView & { waiting: boolean };

/** The patient's age in whole years, from `age` or `birth_date`; null if neither is known. */
export function patientAge(
  p: ConsultationView['patient'],
  today: Date = new Date(),
): number | null {
  if (typeof p.age === 'number') return p.age;
  return p.birth_date ? ageOn(p.birth_date, today) : null;
}

export interface Participant {
  id: string;
  role: RoomRole;
  name: string;
  /** Guests: a relative (`guest`) or an interpreter. */
  kind?: GuestKind;
  /** Guests wait until the practitioner lets them in ("Faire entrer"). */
  admitted?: boolean;
}

export interface IceServersAnswer {
  ice_servers: RTCIceServer[];
  expires_at: string;
}

// --- What the requests read (api.ts) ------------------------------------------------------------

/**
 * Fills what a limited view leaves out: a guest's view of the room carries no patient and no
 * price (docs/consultation.md), and the pages read both.
 */
export function normalizeView(v: Partial<ConsultationView>): ConsultationView {
  return {
    ...v,
    id: v.id ?? '',
    status: v.status ?? 'scheduled',
    start: v.start ?? '',
    end: v.end ?? '',
    opens_at: v.opens_at ?? v.start ?? '',
    role: v.role ?? 'guest',
    practitioner: { id: '', name: '', connected: false, ...v.practitioner },
    patient: { first_name: '', last_name: '', ...v.patient },
    late_notice: v.late_notice ?? false,
    price_cents: v.price_cents ?? 0,
    payment: v.payment ?? { state: 'none', amount_cents: 0 },
    phone_fallback: v.phone_fallback ?? null,
  };
}

/** At most this many characters of private notes (the server's limit). */
export const NOTES_MAX_CHARS = 20_000;

/** When to fetch new ICE credentials: a minute before they expire (at least 10 s from now). */
export function refreshAt(expiresAt: string, now: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return now + 5 * 60_000;
  return Math.max(now + 10_000, end - 60_000);
}

// --- Addresses -----------------------------------------------------------------------------------

/** Keeps ?relais=1 (TURN only, used by the tests) from one room page to the next. */
function carry(search: string): string {
  return new URLSearchParams(search).get('relais') === '1' ? '?relais=1' : '';
}

export function roomPath(id: string, search = ''): string {
  return ROUTES.consultation.replace(':id', encodeURIComponent(id)) + carry(search);
}

export function precallPath(id: string, search = ''): string {
  return ROUTES.consultationTest.replace(':id', encodeURIComponent(id)) + carry(search);
}

// --- Rules ------------------------------------------------------------------------------------------

/** The patient may enter from 10 minutes before the start (docs/consultation.md). */
export const OPENS_BEFORE_MS = 10 * 60_000;
/** From 20 minutes after the start, a patient still waiting is told to stay reachable. */
export const LATE_AFTER_MS = 20 * 60_000;

export function opensAt(start: string): number {
  return Date.parse(start) - OPENS_BEFORE_MS;
}

export type JoinWindow = 'before' | 'open' | 'over';

/** Where `now` stands against an appointment's room: not yet open, open, or over. */
export function joinWindow(start: string, end: string, now: number): JoinWindow {
  if (now < opensAt(start)) return 'before';
  if (now >= Date.parse(end)) return 'over';
  return 'open';
}

/** The server's flag, or the same rule on the browser's clock (the flag is read once). */
export function isLate(
  view: Pick<ConsultationView, 'start' | 'late_notice'>,
  status: ConsultationStatus,
  now: number,
): boolean {
  if (status !== 'waiting') return false;
  return view.late_notice || now >= Date.parse(view.start) + LATE_AFTER_MS;
}

/**
 * Perfect negotiation (docs/realtime.md): in each pair the peer whose id sorts first in byte
 * order is impolite. Ids are ASCII (`c<connection>`), so code-unit order is byte order.
 */
export function isPolite(you: string, other: string): boolean {
  return you > other;
}

/** Whole minutes since an instant, never negative ("en salle d'attente depuis 6 min"). */
export function minutesSince(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.floor((now - t) / 60_000));
}

/** Reads a participant list from a message, dropping anything malformed. */
export function readParticipants(v: unknown): Participant[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (p): p is Participant =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as Participant).id === 'string' &&
        typeof (p as Participant).role === 'string',
    )
    .map((p) => ({
      id: p.id,
      role: p.role,
      name: typeof p.name === 'string' ? p.name : '',
      ...(p.kind === 'guest' || p.kind === 'interpreter' ? { kind: p.kind } : {}),
      ...(typeof p.admitted === 'boolean' ? { admitted: p.admitted } : {}),
    }));
}

/** The guests the practitioner has still to let in, in the order they came. */
export function waitingGuests(participants: Participant[]): Participant[] {
  return participants.filter((p) => p.role === 'guest' && p.admitted === false);
}

/** Whether a participant takes part in the call's mesh now (a guest once let in). */
export function inMesh(p: Participant): boolean {
  return inCall(p.role) && !(p.role === 'guest' && p.admitted === false);
}

/** The roles that take part in the call itself (assistants watch the waiting room only). */
export function inCall(role: RoomRole): boolean {
  return role === 'patient' || role === 'practitioner' || role === 'guest';
}
