// The practitioner's area and API (docs/agenda.md, docs/directory.md "Own profile",
// docs/accounts.md "Assistants"): the agenda and its exceptions, the weekly hours, the motifs,
// the own profile and photo, appointments booked or closed for a patient, the assistants.
// Typed calls through the app's client; pages and components import these, never a path.
import { api } from '../api';
import type { AssistantInfo } from '../account/types';
import type { Appointment, BookedAgendaView } from '../booking/booking';
import type {
  AgendaException,
  Mode,
  Motif,
  MotifMode,
  OpeningRange,
  OwnProfile,
  WeeklyHours,
} from '../directory/directory';

const enc = encodeURIComponent;

// --- Agenda -----------------------------------------------------------------------------------

/** GET /practitioner/agenda: the booked agenda of `days` days from `from` (local date). */
export function fetchAgenda(
  from: string,
  days: number,
  signal: AbortSignal,
): Promise<BookedAgendaView> {
  return api.get<BookedAgendaView>(`/practitioner/agenda?from=${from}&days=${days}`, { signal });
}

/** GET /practitioner/agenda/exceptions between two local dates. */
export function fetchExceptions(
  from: string,
  to: string,
  signal: AbortSignal,
): Promise<AgendaException[]> {
  return api
    .get<{ items: AgendaException[] }>(`/practitioner/agenda/exceptions?from=${from}&to=${to}`, {
      signal,
    })
    .then((r) => r.items);
}

/** POST /practitioner/agenda/exceptions: an absence, a blocked time or extra hours. */
export function addException(body: Record<string, string>): Promise<unknown> {
  return api.post('/practitioner/agenda/exceptions', body);
}

/** DELETE /practitioner/agenda/exceptions/{id}. */
export function removeException(id: string): Promise<unknown> {
  return api.del(`/practitioner/agenda/exceptions/${enc(id)}`);
}

/** POST /practitioner/agenda/delay: the delay announced to today's patients (minutes). */
export function announceDelay(minutes: number): Promise<{ minutes: number }> {
  return api.post<{ minutes: number }>('/practitioner/agenda/delay', { minutes });
}

/** GET /practitioner/agenda/hours: the weekly opening hours. */
export function fetchHours(signal: AbortSignal): Promise<WeeklyHours> {
  return api.get<WeeklyHours>('/practitioner/agenda/hours', { signal });
}

/** PUT /practitioner/agenda/hours: the whole week at once. */
export function saveHours(body: { hours: OpeningRange[] }): Promise<WeeklyHours | undefined> {
  return api.put<WeeklyHours | undefined>('/practitioner/agenda/hours', body);
}

// --- Appointments -----------------------------------------------------------------------------

/** POST /practitioner/appointments: booked by the practitioner for a patient (by email). */
export function bookForPatient(body: {
  patient_email: string;
  motif_id: string;
  start: string;
  mode: Mode;
}): Promise<Appointment> {
  return api.post<Appointment>('/practitioner/appointments', body);
}

/** POST /practitioner/appointments/{id}/close: the consultation is over, with its amount. */
export function closeAppointment(id: string, amountCents: number): Promise<unknown> {
  return api.post(`/practitioner/appointments/${enc(id)}/close`, { amount_cents: amountCents });
}

/** POST /practitioner/appointments/{id}/cancel, with the reason told to the patient if any. */
export function cancelByPractitioner(id: string, body: { reason?: string }): Promise<unknown> {
  return api.post(`/practitioner/appointments/${enc(id)}/cancel`, body);
}

// --- Motifs -----------------------------------------------------------------------------------

export interface MotifBody {
  label: string;
  label_en: string | null;
  duration_min: number;
  mode: MotifMode;
  price_cents: number;
}

/** GET /practitioner/motifs (a list, or {items} as the API may page it). */
export function fetchMotifs(signal: AbortSignal): Promise<Motif[]> {
  return api
    .get<Motif[] | { items: Motif[] }>('/practitioner/motifs', { signal })
    .then((r) => (Array.isArray(r) ? r : r.items));
}

/** POST /practitioner/motifs. */
export function createMotif(body: MotifBody): Promise<Motif> {
  return api.post<Motif>('/practitioner/motifs', body);
}

/** PUT /practitioner/motifs/{id}. */
export function updateMotif(id: string, body: MotifBody): Promise<Motif> {
  return api.put<Motif>(`/practitioner/motifs/${enc(id)}`, body);
}

/** DELETE /practitioner/motifs/{id}. */
export function removeMotif(id: string): Promise<unknown> {
  return api.del(`/practitioner/motifs/${enc(id)}`);
}

// --- Own profile ------------------------------------------------------------------------------

/** GET /practitioner/profile: the profile as its owner edits it. */
export function fetchOwnProfile(signal: AbortSignal): Promise<OwnProfile> {
  return api.get<OwnProfile>('/practitioner/profile', { signal });
}

/** PUT /practitioner/profile: the changed fields. */
export function saveOwnProfile(body: Record<string, unknown>): Promise<OwnProfile> {
  return api.put<OwnProfile>('/practitioner/profile', body);
}

/** PUT /practitioner/photo: the image file as the raw body. */
export function savePhoto(file: Blob): Promise<unknown> {
  return api.putFile('/practitioner/photo', file);
}

/** DELETE /practitioner/photo. */
export function removePhoto(): Promise<unknown> {
  return api.del('/practitioner/photo');
}

// --- Assistants -------------------------------------------------------------------------------

/** GET /practitioner/assistants. */
export function fetchAssistants(signal: AbortSignal): Promise<AssistantInfo[]> {
  return api.get<AssistantInfo[]>('/practitioner/assistants', { signal });
}

/** POST /practitioner/assistants: an invitation by email. */
export function inviteAssistant(email: string): Promise<unknown> {
  return api.post('/practitioner/assistants', { email });
}

/** DELETE /practitioner/assistants/{id}. */
export function removeAssistant(id: string): Promise<unknown> {
  return api.del(`/practitioner/assistants/${enc(id)}`);
}
