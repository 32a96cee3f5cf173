// The teleconsultation's calls to the API (docs/consultation.md): the room's view, the
// practitioners' dashboard, the switch to the telephone (the closing: lib/documents/api.ts), the
// side panel and its private notes, the ICE servers, the files shared in the chat, the
// invitations of a third participant, and the /healthz the pre-call test times. Typed calls
// through the app's client; pages and components import these, never a path. The objects and
// the pure rules stay in consultation.ts, files.ts, invitations.ts, panel.ts and precall.ts.
import { api, ApiError } from '../api';
import type { CallReportBody } from './callReport';
import {
  normalizeView,
  refreshAt,
  type ConsultationView,
  type DashboardConsultation,
  type GuestKind,
  type IceServersAnswer,
  type PhoneCause,
  type PhoneFallback,
} from './consultation';
import { readFile, readFiles, type SharedFile } from './files';
import type { Guest, Invitation, InvitationInfo } from './invitations';
import { readPanel, type Panel, type PanelAnswer } from './panel';

const enc = encodeURIComponent;

// --- The consultation ---------------------------------------------------------------------------

/** GET /consultations/{id}: the room's view, a guest's limited one filled in (normalizeView). */
export function fetchConsultation(id: string, signal: AbortSignal): Promise<ConsultationView> {
  return api
    .get<Partial<ConsultationView>>(`/consultations/${enc(id)}`, { signal })
    .then(normalizeView);
}

/** POST /consultations/{id}/call-report: this browser's call set-up, for the statistics. */
export function sendCallReport(id: string, body: CallReportBody): Promise<unknown> {
  return api.post(`/consultations/${enc(id)}/call-report`, body);
}

/** POST /consultations/{id}/phone: the practitioner switches to the telephone (ROOM7). */
export function switchToPhone(
  id: string,
  cause: PhoneCause,
  note?: string,
): Promise<{ phone_fallback: PhoneFallback; patient_phone: string | null }> {
  const body = note && note.trim() ? { cause, note: note.trim() } : { cause };
  return api.post(`/consultations/${enc(id)}/phone`, body);
}

/** PUT /consultations/{id}/notes: the private notes (keepalive: saved as the tab closes). */
export function saveNotes(
  id: string,
  text: string,
  keepalive = false,
): Promise<{ notes: { updated_at: string | number } }> {
  return api.request(`/consultations/${enc(id)}/notes`, {
    method: 'PUT',
    body: { text },
    keepalive,
  });
}

/** GET /practitioner/consultations: the practitioners' dashboard. */
export function fetchDashboard(signal: AbortSignal): Promise<DashboardConsultation[]> {
  // The contract shows a list; an {items} envelope, as elsewhere in the API, is accepted too.
  return api
    .get<DashboardConsultation[] | { items: DashboardConsultation[] }>(
      '/practitioner/consultations',
      { signal },
    )
    .then((r) => (Array.isArray(r) ? r : r.items));
}

/** GET /consultations/{id}/panel: the practitioner's side panel (ROOM9). */
export function fetchPanel(id: string, signal: AbortSignal): Promise<Panel> {
  return api.get<PanelAnswer>(`/consultations/${enc(id)}/panel`, { signal }).then(readPanel);
}

// --- ICE servers ---------------------------------------------------------------------------------

let iceCache: { answer: IceServersAnswer; until: number } | null = null;

/**
 * GET /ice-servers, kept until a minute before the credentials expire (refreshAt), so that the
 * pre-call test and the room share one request and a new peer never gets stale TURN credentials.
 */
export async function iceServers(now: number = Date.now()): Promise<IceServersAnswer> {
  if (iceCache && now < iceCache.until) return iceCache.answer;
  const answer = await api.get<IceServersAnswer>('/ice-servers');
  iceCache = { answer, until: refreshAt(answer.expires_at, now) };
  return answer;
}

// --- Files shared in the chat (ROOM5) ------------------------------------------------------------

function filesPath(consultation: string): string {
  return `/consultations/${enc(consultation)}/files`;
}

/**
 * POST /consultations/{id}/files: one file as the raw body, its name in X-File-Name (encoded:
 * names have accents).
 */
export async function uploadFile(
  consultation: string,
  file: File,
  signal?: AbortSignal,
): Promise<SharedFile> {
  const answer = await api.postFile<{ file: unknown }>(filesPath(consultation), file, {
    headers: { 'X-File-Name': enc(file.name) },
    ...(signal ? { signal } : {}),
  });
  const f = readFile(answer.file);
  if (!f) throw new ApiError(201, 'invalid_response', 'Response is not a file');
  // The uploader's own file, whatever the answer says.
  return { ...f, mine: true };
}

/** GET /consultations/{id}/files: the files shared so far. */
export function listFiles(consultation: string, signal?: AbortSignal): Promise<SharedFile[]> {
  return api
    .get<{ files: unknown }>(filesPath(consultation), signal ? { signal } : {})
    .then((r) => readFiles(r.files));
}

/**
 * A file's bytes at the `url` the server gave, with the cookie, for a thumbnail (an object URL
 * the caller revokes).
 */
export async function fetchFileBlob(
  url: string,
  signal?: AbortSignal,
  fetchFn: typeof fetch = fetch,
): Promise<Blob> {
  const res = await fetchFn(url, { credentials: 'same-origin', ...(signal ? { signal } : {}) });
  if (!res.ok) throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  return res.blob();
}

// --- Invitations (ROOM8) -------------------------------------------------------------------------

/** POST /consultations/{id}/invitations: a one-time link for a relative or an interpreter. */
export function createInvitation(
  consultation: string,
  kind: GuestKind,
  name?: string,
): Promise<Invitation> {
  const body = name && name.trim() ? { kind, name: name.trim() } : { kind };
  return api
    .post<{ invitation: Invitation }>(`/consultations/${enc(consultation)}/invitations`, body)
    .then((r) => r.invitation);
}

/** GET /consultations/{id}/invitations: the links made for this consultation. */
export function listInvitations(consultation: string, signal?: AbortSignal): Promise<Invitation[]> {
  return api
    .get<{ invitations: Invitation[] }>(
      `/consultations/${enc(consultation)}/invitations`,
      signal ? { signal } : {},
    )
    .then((r) => r.invitations ?? []);
}

/** DELETE /consultations/{id}/invitations/{invitation}: the link no longer works. */
export function revokeInvitation(consultation: string, id: string): Promise<void> {
  return api.del(`/consultations/${enc(consultation)}/invitations/${enc(id)}`);
}

/** GET /invitations/{token}: what the link says before anyone claims it (no session). */
export function fetchInvitation(token: string, signal?: AbortSignal): Promise<InvitationInfo> {
  return api.get<InvitationInfo>(`/invitations/${enc(token)}`, signal ? { signal } : {});
}

/** POST /invitations/{token}/claim: the guest gives their name. */
export function claimInvitation(token: string, name: string): Promise<Guest> {
  return api
    .post<{ guest: Guest }>(`/invitations/${enc(token)}/claim`, { name: name.trim() })
    .then((r) => r.guest);
}

// --- The pre-call test ---------------------------------------------------------------------------

/**
 * One GET /healthz (outside the API: no cookie, no cache), its body read; whether it answered
 * 2xx. Throws when no answer came. The pre-call test times a few (measureRtt, precall.ts).
 */
export async function pingHealthz(): Promise<boolean> {
  const res = await fetch('/healthz', { cache: 'no-store', credentials: 'omit' });
  await res.text();
  return res.ok;
}
