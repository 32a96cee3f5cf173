// The objects of the booking API (docs/booking.md) and the pure helpers the booking pages share:
// amounts with cents, the payment-window countdown, the idempotency key of one booking attempt,
// the next free slots of a 409, filtering and sorting of "mes rendez-vous", the query of the
// booking page. No Preact here, so everything is unit-tested in Node (booking.test.ts).
import { ApiError, createApi, type ApiDeps } from '../api';
import type { AgendaDay, Mode, Slot } from '../directory/directory';
import type { Lang } from '../lang';
import { ROUTES } from '../routes';
import { instantMs } from './slots';

export type AppointmentStatus =
  'pending_payment' | 'confirmed' | 'cancelled' | 'expired' | 'no_show' | 'done';
export type PaymentState =
  'none' | 'card_saved' | 'card_required' | 'held' | 'captured' | 'voided' | 'direct';

export interface Payment {
  state: PaymentState;
  amount_cents: number;
  captured_cents: number;
  brand: string | null;
  last4: string | null;
  /** While a card is asked for: by when, and what happens without one (docs/booking.md). */
  card_due_at?: string | null;
  without_card?: 'cancelled' | 'direct' | null;
}

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  mode: Mode;
  hold_expires_at: string | null;
  practitioner: { id: string; name: string; specialty: string; specialty_label: string };
  motif: { id: string; label: string; label_en?: string | null; duration_min: number };
  profile: { id: string; first_name: string; last_name: string };
  price_cents: number;
  payment: Payment;
  cancelled_by: 'patient' | 'practitioner' | 'system' | null;
  cancellable: boolean;
}

export interface AppointmentList {
  upcoming: Appointment[];
  past: Appointment[];
}

export interface NewAppointment {
  practitioner_id: string;
  motif_id: string;
  start: string;
  profile_id: string;
  mode: Mode;
}

export interface Estimate {
  price_cents: number;
  amo_cents: number;
  patient_cents: number;
  reimbursable: boolean;
  reason: string;
  advance_cents: number;
  rate_percent: number;
  participation_cents: number;
  tiers_payant: boolean;
  rule: string;
}

export interface TestCard {
  token: string;
  label: string;
}

export interface PaymentsConfig {
  provider: 'sandbox' | 'stripe';
  test_cards: TestCard[];
}

/** GET /cancel-links/{token}: what the link's page shows. */
export interface CancelLinkAppointment {
  start: string;
  end: string;
  mode: Mode;
  status: AppointmentStatus;
  practitioner: { name: string; specialty: string };
  /** A label in the contract; an object { label } is accepted too. */
  motif: string | { label: string } | null;
  /** The motif's English label, if the practitioner gave one. */
  motif_en?: string | null;
  profile_name: string;
}

/** One appointment of GET /practitioner/agenda. */
export interface AgendaAppointment {
  id: string;
  start: string;
  end: string;
  mode: Mode;
  status: AppointmentStatus;
  patient: { name: string; birth_date: string | null };
  motif: { id: string; label: string };
  payment: { state: PaymentState; amount_cents?: number };
}

/** The agenda's day once booking fills `appointments` (docs/booking.md). */
export type BookedAgendaDay = Omit<AgendaDay, 'appointments'> & {
  appointments: AgendaAppointment[];
};

export interface BookedAgendaView {
  timezone: string;
  delay_minutes: number;
  days: BookedAgendaDay[];
}

// --- Amounts ------------------------------------------------------------------------------------

/** Always with cents, as on a bill: 2500 → "25,00 €" (French), "€25.00" (English). */
export function formatAmount(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** An amount typed by the practitioner ("25", "25,5", "25.50 €") → cents; null if not one. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** "25,00" for an amount field (no currency sign: the label says euros). */
export function amountInput(cents: number, lang: Lang): string {
  const s = (cents / 100).toFixed(2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

// --- The payment window ---------------------------------------------------------------------------

/** Whole seconds left before `expiresAt` (ISO), never negative; null without a deadline. */
export function secondsLeft(
  expiresAt: string | null | undefined,
  now: number = Date.now(),
): number | null {
  if (!expiresAt) return null;
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** Beyond this, the card is saved and the hold placed later (payments.hold_lead, docs/booking.md). */
export const HOLD_LEAD_MS = 5 * 24 * 3600 * 1000;

/** Whether an appointment at `start` only has its card saved now, the hold being placed later. */
export function holdIsLater(start: string, now: number = Date.now()): boolean {
  return Date.parse(start) - now > HOLD_LEAD_MS;
}

/** 599 → "9:59", 5 → "0:05": a countdown as a clock. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// --- Idempotency ------------------------------------------------------------------------------------

function randomUuid(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Idempotency-Key of a booking attempt: the same key while the request is the same (a retry
 * after a network failure, a double tap), a new one when the patient changes what they book
 * (another slot after a 409, another motif), since the server refuses a key reused for a
 * different body (422 idempotency_mismatch).
 */
export function createAttemptKeys(newKey: () => string = randomUuid) {
  let current: { body: string; key: string } | null = null;
  return {
    keyFor(body: NewAppointment): string {
      const text = JSON.stringify([
        body.practitioner_id,
        body.motif_id,
        body.start,
        body.profile_id,
        body.mode,
      ]);
      if (!current || current.body !== text) current = { body: text, key: newKey() };
      return current.key;
    },
    /** After an answer that ends the attempt (a 409: the next try is another attempt). */
    reset(): void {
      current = null;
    },
  };
}

// --- POST /appointments -----------------------------------------------------------------------------

/** The next free slots of a 409 `slot_taken` body, keeping only well-formed ones. */
export function nextSlotsOf(body: unknown): Slot[] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return [];
  const err: unknown = body.error;
  if (
    typeof err !== 'object' ||
    err === null ||
    !('next_slots' in err) ||
    !Array.isArray(err.next_slots)
  )
    return [];
  const out: Slot[] = [];
  for (const s of err.next_slots as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const r = s as Record<string, unknown>;
    if (
      typeof r.start === 'string' &&
      typeof r.end === 'string' &&
      (r.mode === 'video' || r.mode === 'in_person')
    )
      out.push({ start: r.start, end: r.end, mode: r.mode });
  }
  return out;
}

export type CreateResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; taken: true; error: ApiError; nextSlots: Slot[] };

/**
 * POST /appointments through the app's own client (headers, CSRF, error shape), with a fetch
 * that keeps the error body: a 409 `slot_taken` carries `next_slots`, which ApiError does not.
 * Other failures are thrown as ApiError, like any call.
 */
export async function createAppointment(
  deps: Pick<ApiDeps, 'fetch' | 'getLang' | 'onError'>,
  body: NewAppointment,
  idempotencyKey: string,
): Promise<CreateResult> {
  let errorBody: unknown;
  const client = createApi({
    ...deps,
    fetch: async (input, init) => {
      const res = await deps.fetch(input, init);
      if (!res.ok) {
        try {
          errorBody = await res.clone().json();
        } catch {
          errorBody = undefined;
        }
      }
      return res;
    },
  });
  try {
    return {
      ok: true,
      appointment: await client.post<Appointment>('/appointments', body, { idempotencyKey }),
    };
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.code === 'slot_taken')
      return { ok: false, taken: true, error: e, nextSlots: nextSlotsOf(errorBody) };
    throw e;
  }
}

// --- Mes rendez-vous ------------------------------------------------------------------------------

/** Appointments that can still be cancelled by the patient. */
export function canCancel(a: Pick<Appointment, 'status' | 'cancellable'>): boolean {
  return a.cancellable && (a.status === 'pending_payment' || a.status === 'confirmed');
}

/** Whether the patient must (again) give a card: a pending booking, or a later hold that failed. */
export function needsCard(a: Pick<Appointment, 'status' | 'payment'>): boolean {
  return (
    a.status === 'pending_payment' ||
    (a.status === 'confirmed' && a.payment.state === 'card_required')
  );
}

export type BadgeTone = 'success' | 'warning' | 'neutral' | 'danger';

export function statusTone(status: AppointmentStatus): BadgeTone {
  switch (status) {
    case 'confirmed':
      return 'success';
    case 'pending_payment':
      return 'warning';
    case 'no_show':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** The appointments of one profile, or all of them (`null`). */
export function ofProfile<T extends { profile: { id: string } }>(
  list: T[],
  profileId: string | null,
): T[] {
  return profileId === null ? list : list.filter((a) => a.profile.id === profileId);
}

/** Soonest first (upcoming), or latest first (past). */
export function sortByStart<T extends { start: string }>(list: T[], order: 'asc' | 'desc'): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return list.slice().sort((x, y) => sign * (instantMs(x.start) - instantMs(y.start)));
}

/** The motif label of a cancel link (a string in the contract, tolerated as an object). */
export function motifLabel(m: CancelLinkAppointment['motif']): string {
  if (!m) return '';
  return typeof m === 'string' ? m : m.label;
}

// --- The booking page's address -------------------------------------------------------------------

export interface BookingQuery {
  practitioner: string;
  start: string;
  mode: Mode | null;
  motif: string | null;
  /** The appointment being paid for, once created: a reload resumes at the card step. */
  appointment: string | null;
}

const ISO_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)$/;

/** Reads the booking page's query; null when it cannot name a slot or an appointment. */
export function readBookingQuery(q: Record<string, string | undefined>): BookingQuery | null {
  const appointment = q.appointment && /^[\w-]{1,100}$/.test(q.appointment) ? q.appointment : null;
  const practitioner =
    q.practitioner && /^[\w-]{1,100}$/.test(q.practitioner) ? q.practitioner : '';
  const start = q.start && ISO_START.test(q.start) ? q.start : '';
  const mode = q.mode === 'video' || q.mode === 'in_person' ? q.mode : null;
  const motif = q.motif && /^[\w-]{1,100}$/.test(q.motif) ? q.motif : null;
  if (!appointment && (!practitioner || !start)) return null;
  return { practitioner, start, mode, motif, appointment };
}

/** Where "booking" starts for a slot of a practitioner's page. */
export function bookingPath(b: {
  practitioner: string;
  start: string;
  mode?: Mode | null;
  motif?: string | null;
  appointment?: string | null;
}): string {
  const qs = new URLSearchParams();
  if (b.practitioner) qs.set('practitioner', b.practitioner);
  if (b.start) qs.set('start', b.start);
  if (b.mode) qs.set('mode', b.mode);
  if (b.motif) qs.set('motif', b.motif);
  if (b.appointment) qs.set('appointment', b.appointment);
  return `${ROUTES.booking}?${qs.toString()}`;
}

// --- A booking started before signing up -----------------------------------------------------------

/** localStorage key of the booking a visitor left to create an account. */
export const PENDING_BOOKING_KEY = 'cabinet.pendingBooking';
/** A booking left longer than this is not offered back (its slot is likely gone). */
const PENDING_MAX_AGE_MS = 2 * 24 * 3600 * 1000;

export interface PendingBooking {
  path: string;
  practitionerName: string;
  start: string;
  savedAt: number;
}

export function encodePendingBooking(p: PendingBooking): string {
  return JSON.stringify(p);
}

/** The saved booking if it is well-formed, recent and its slot still ahead; else null. */
export function decodePendingBooking(
  text: string | null,
  now: number = Date.now(),
): PendingBooking | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<PendingBooking>;
    if (typeof v.path !== 'string' || !v.path.startsWith('/rendez-vous/nouveau?')) return null;
    if (
      typeof v.practitionerName !== 'string' ||
      typeof v.start !== 'string' ||
      typeof v.savedAt !== 'number'
    )
      return null;
    if (now - v.savedAt > PENDING_MAX_AGE_MS) return null;
    const start = Date.parse(v.start);
    if (Number.isNaN(start) || start <= now) return null;
    return {
      path: v.path,
      practitionerName: v.practitionerName,
      start: v.start,
      savedAt: v.savedAt,
    };
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function savePendingBooking(p: PendingBooking): void {
  try {
    storage()?.setItem(PENDING_BOOKING_KEY, encodePendingBooking(p));
  } catch {
    /* storage full or refused: the patient can still find the slot again */
  }
}

export function loadPendingBooking(): PendingBooking | null {
  try {
    return decodePendingBooking(storage()?.getItem(PENDING_BOOKING_KEY) ?? null);
  } catch {
    return null;
  }
}

export function clearPendingBooking(): void {
  try {
    storage()?.removeItem(PENDING_BOOKING_KEY);
  } catch {
    /* nothing to do */
  }
}

// --- Emergency numbers ------------------------------------------------------------------------------

export const EMERGENCY = { samu: '15', europe: '112', sms: '114' } as const;
