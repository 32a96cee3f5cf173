// The booking's calls to the API (docs/booking.md), through the app's client: the booking page
// (/rendez-vous/nouveau), the card step, the patient's appointments and the cancel link of an
// email. POST /appointments itself, with its Idempotency-Key and the next free slots of a 409,
// is createAppointment (newAppointment.ts); bookAppointment is its use by the page.
import { api, API_PREFIX, type ApiError } from '../api';
import { createAppointment, type CreateResult } from './newAppointment';
import type {
  Appointment,
  AppointmentList,
  CancelLinkAppointment,
  Estimate,
  NewAppointment,
  PaymentsConfig,
} from './booking';
import { fetchSlots } from '../directory/api';
import type { Mode, SlotsResult } from '../directory/directory';
import type { Lang } from '../lang';

/** GET /appointments/{id}: a booking resumed after a reload. */
export function fetchAppointment(id: string, signal: AbortSignal): Promise<Appointment> {
  return api.get<Appointment>(`/appointments/${encodeURIComponent(id)}`, { signal });
}

/** GET /practitioners/{id}/slots for one day (`date`, local) of one mode and motif. */
export function fetchDaySlots(
  practitionerId: string,
  date: string,
  mode: Mode,
  motifId: string,
): Promise<SlotsResult> {
  const qs = new URLSearchParams({ from: date, days: '1', mode, motif_id: motifId });
  return fetchSlots(practitionerId, qs);
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

/**
 * POST /appointments/{id}/cancel: the patient cancels (from their appointments), or frees the
 * slot held by an unpaid booking. The answer is the appointment as it now is.
 */
export function cancelAppointment(id: string): Promise<Appointment> {
  return api.post<Appointment>(`/appointments/${encodeURIComponent(id)}/cancel`);
}

/** GET /appointments: the signed-in patient's appointments, for each of their profiles. */
export function fetchMyAppointments(signal: AbortSignal): Promise<AppointmentList> {
  return api.get<AppointmentList>('/appointments', { signal });
}

/** The .ics file of an appointment (a download link: GET /appointments/{id}/calendar.ics). */
export function calendarUrl(id: string): string {
  return `${API_PREFIX}/appointments/${encodeURIComponent(id)}/calendar.ics`;
}

/** GET /payments/config: the payment provider, and its test cards in the sandbox. */
export function fetchPaymentsConfig(signal: AbortSignal): Promise<PaymentsConfig> {
  return api.get<PaymentsConfig>('/payments/config', { signal });
}

/** POST /appointments/{id}/confirm: the card (a provider's token) that guarantees the booking. */
export function confirmWithCard(
  appointmentId: string,
  paymentMethod: string,
): Promise<Appointment> {
  return api.post<Appointment>(`/appointments/${encodeURIComponent(appointmentId)}/confirm`, {
    payment_method: paymentMethod,
  });
}

/** What GET and POST /cancel-links/{token} answer: the appointment the email's link is for. */
export interface CancelLinkAnswer {
  appointment: CancelLinkAppointment;
}

/** GET /cancel-links/{token}: what the link of a reminder email would cancel. */
export function fetchCancelLink(token: string, signal: AbortSignal): Promise<CancelLinkAnswer> {
  return api.get<CancelLinkAnswer>(`/cancel-links/${encodeURIComponent(token)}`, { signal });
}

/** POST /cancel-links/{token}: cancels it, without signing in. */
export function cancelByLink(token: string): Promise<CancelLinkAnswer> {
  return api.post<CancelLinkAnswer>(`/cancel-links/${encodeURIComponent(token)}`);
}
