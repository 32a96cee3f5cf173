// The calls of the booking page (/rendez-vous/nouveau) to the API (docs/booking.md), through
// the app's client. POST /appointments itself, with its Idempotency-Key and the next free
// slots of a 409, is createAppointment (booking.ts); this is its use by the page.
import { api, type ApiError } from '../api';
import {
  createAppointment,
  type Appointment,
  type CreateResult,
  type Estimate,
  type NewAppointment,
} from './booking';
import type { Mode, PublicProfile, SlotsResult } from '../directory/directory';
import type { Lang } from '../lang';

/** GET /appointments/{id}: a booking resumed after a reload. */
export function fetchAppointment(id: string, signal: AbortSignal): Promise<Appointment> {
  return api.get<Appointment>(`/appointments/${encodeURIComponent(id)}`, { signal });
}

/** GET /practitioners/{id}: the practitioner being booked. */
export function fetchPractitioner(id: string, signal: AbortSignal): Promise<PublicProfile> {
  return api.get<PublicProfile>(`/practitioners/${encodeURIComponent(id)}`, { signal });
}

/** GET /practitioners/{id}/slots for one day (`date`, local) of one mode and motif. */
export function fetchDaySlots(
  practitionerId: string,
  date: string,
  mode: Mode,
  motifId: string,
): Promise<SlotsResult> {
  const qs = new URLSearchParams({ from: date, days: '1', mode, motif_id: motifId });
  return api.get<SlotsResult>(`/practitioners/${encodeURIComponent(practitionerId)}/slots?${qs}`);
}

/** POST /reimbursement/estimate: what the patient is reimbursed and what remains to pay. */
export function fetchEstimate(
  body: { practitioner_id: string; motif_id: string; profile_id: string; mode: Mode },
  signal: AbortSignal,
): Promise<Estimate> {
  return api.post<Estimate>('/reimbursement/estimate', body, { signal });
}

/**
 * POST /appointments in the page's language; its API errors go to `onError` (the session's
 * handler) rather than to the app-wide client's listener.
 */
export function bookAppointment(
  body: NewAppointment,
  idempotencyKey: string,
  lang: Lang,
  onError: (err: ApiError) => void,
): Promise<CreateResult> {
  return createAppointment(
    { fetch: (...args) => fetch(...args), getLang: () => lang, onError: (err) => onError(err) },
    body,
    idempotencyKey,
  );
}

/** POST /appointments/{id}/cancel: frees the slot held by an unpaid booking. */
export function cancelAppointment(id: string): Promise<unknown> {
  return api.post(`/appointments/${encodeURIComponent(id)}/cancel`);
}
