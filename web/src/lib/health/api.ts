// The health space's calls to the API (docs/health-space.md, issue 15): the patient's list with
// their own files, uploads, hiding, deletion, the documents attached to an appointment, the
// medical profile, and the practitioner's "Dossier du patient". Pages import these, never a path.
import { api } from '../api';
import { postFileWithProgress } from './upload';
import type {
  HealthDocument,
  MedicalItem,
  MedicalProfile,
  OwnFile,
  OwnKind,
  PatientDocuments,
} from './types';

const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** GET /me/documents?profile=: the practitioners' documents and the own files, newest first. */
export function fetchHealthDocuments(profile: string, signal?: AbortSignal) {
  return api
    .get<{ items: HealthDocument[] }>(`/me/documents?profile=${enc(profile)}`, withSignal(signal))
    .then((r) => (r.items ?? []).map(withSource));
}

/** Before issue 15 the server sent no `source`: an item without one is a practitioner's. */
function withSource(d: HealthDocument): HealthDocument {
  if (d.source === 'patient') return d;
  return { ...d, source: 'practitioner', hidden: d.hidden ?? false };
}

export function fetchAllHealthDocuments(profiles: readonly string[], signal?: AbortSignal) {
  return Promise.all(profiles.map((p) => fetchHealthDocuments(p, signal))).then((l) => l.flat());
}

/** POST /me/documents?profile=&title=&kind=, the file as the body, with its progress. */
export function uploadOwnFile(
  profile: string,
  file: File,
  meta: { title: string; kind: OwnKind },
  opts: { lang: string; onProgress?: (f: number) => void; signal?: AbortSignal },
): Promise<OwnFile> {
  const qs = new URLSearchParams({ profile, title: meta.title.trim(), kind: meta.kind });
  return postFileWithProgress<OwnFile>(`/me/documents?${qs.toString()}`, file, opts);
}

/** PATCH /me/documents/{id} {"hidden"}: works for own files and issued documents. */
export function setHidden(id: string, hidden: boolean): Promise<HealthDocument> {
  return api.patch<HealthDocument>(`/me/documents/${enc(id)}`, { hidden }).then(withSource);
}

/** DELETE /me/documents/{id}: 204 for an own file, 403 not_deletable for an issued one. */
export function deleteOwnFile(id: string): Promise<void> {
  return api.del(`/me/documents/${enc(id)}`);
}

/** GET /me/appointments/{id}/documents: what is attached to an upcoming appointment. */
export function fetchAttached(appointment: string, signal?: AbortSignal) {
  return api
    .get<{ items: HealthDocument[] }>(
      `/me/appointments/${enc(appointment)}/documents`,
      withSignal(signal),
    )
    .then((r) => (r.items ?? []).map(withSource));
}

/** PUT /me/appointments/{id}/documents {"ids"}: replaces the list (at most 20). */
export function putAttached(appointment: string, ids: readonly string[]) {
  return api
    .put<{ items: HealthDocument[] }>(`/me/appointments/${enc(appointment)}/documents`, { ids })
    .then((r) => (r.items ?? []).map(withSource));
}

export function fetchMedical(profile: string, signal?: AbortSignal): Promise<MedicalProfile> {
  return api.get<MedicalProfile>(`/profiles/${enc(profile)}/medical`, withSignal(signal));
}

export function saveMedical(profile: string, body: MedicalProfile): Promise<MedicalProfile> {
  return api.put<MedicalProfile>(`/profiles/${enc(profile)}/medical`, body);
}

// --- The practitioner of the consultation --------------------------------------------------

export function fetchPatientDocuments(consultation: string, signal?: AbortSignal) {
  return api
    .get<Partial<PatientDocuments>>(
      `/consultations/${enc(consultation)}/patient-documents`,
      withSignal(signal),
    )
    .then((r) => ({ attached: r.attached ?? [], others: r.others ?? [] }));
}

export function fetchConsultationMedical(consultation: string, signal?: AbortSignal) {
  return api.get<MedicalProfile>(`/consultations/${enc(consultation)}/medical`, withSignal(signal));
}

export function addMedicalItem(
  consultation: string,
  item: Pick<MedicalItem, 'category' | 'label' | 'detail' | 'date'>,
): Promise<MedicalItem> {
  return api.post<MedicalItem>(`/consultations/${enc(consultation)}/medical/items`, item);
}
