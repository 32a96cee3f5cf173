// The documents' calls to the API (docs/documents.md, issue 14): the patient's documents and
// their pharmacy, the practitioner's closing form (its draft, the close itself, the catalogues
// of certificates and drugs), and the pharmacist's check of a prescription (no account: the
// key of the QR code). Pages and components import these, never a path; the pure rules stay
// in documents.ts and closeForm.ts.
import { api } from '../api';
import type {
  CabinetDocument,
  CertificateType,
  CloseAnswer,
  CloseBody,
  Drug,
  Pharmacy,
  Verification,
} from './types';
import type { IssueBody } from './correction';

const enc = encodeURIComponent;
type Opt = { signal?: AbortSignal };
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

// --- The patient ---------------------------------------------------------------------------------

/** GET /me/documents?profile=: one profile's documents, newest first (the holder's without). */
export function fetchMyDocuments(profile: string | null, signal?: AbortSignal) {
  const qs = profile ? `?profile=${enc(profile)}` : '';
  return api
    .get<{ items: CabinetDocument[] }>(`/me/documents${qs}`, withSignal(signal))
    .then((r) => r.items ?? []);
}

/** Every profile's documents, in one list (Mes rendez-vous, "Tous" on Mes documents). */
export function fetchAllDocuments(
  profiles: readonly string[],
  signal?: AbortSignal,
): Promise<CabinetDocument[]> {
  return Promise.all(profiles.map((p) => fetchMyDocuments(p, signal))).then((lists) =>
    lists.flat(),
  );
}

/** The PDF's address, for a link (download or print): the cookie goes with it. */
export function documentPdfUrl(id: string): string {
  return `/api/v1/documents/${enc(id)}/pdf`;
}

/** POST /documents/{id}/pharmacy: the prescription goes to that pharmacy (secure mail). */
export function sendToPharmacy(id: string, pharmacyId: string): Promise<CabinetDocument> {
  return api.post(`/documents/${enc(id)}/pharmacy`, { pharmacy_id: pharmacyId });
}

/** GET /pharmacies?q=&postcode=: at most 20. */
export function searchPharmacies(
  q: string,
  postcode: string,
  { signal }: Opt = {},
): Promise<Pharmacy[]> {
  const qs = new URLSearchParams();
  if (q.trim()) qs.set('q', q.trim());
  if (postcode.trim()) qs.set('postcode', postcode.trim());
  return api
    .get<{ items: Pharmacy[] }>(`/pharmacies?${qs.toString()}`, withSignal(signal))
    .then((r) => r.items ?? []);
}

// --- The practitioner ----------------------------------------------------------------------------

/** GET /consultations/{id}/draft: the closing form as last saved ({} when none). */
export function fetchDraft(id: string, signal?: AbortSignal): Promise<CloseBody> {
  return api
    .get<CloseBody | null>(`/consultations/${enc(id)}/draft`, withSignal(signal))
    .then((d) => d ?? {});
}

/** PUT /consultations/{id}/draft: saved as typed (DraftAutosave debounces). */
export function saveDraft(id: string, body: CloseBody, keepalive = false): Promise<void> {
  return api.request(`/consultations/${enc(id)}/draft`, { method: 'PUT', body, keepalive });
}

/**
 * POST /consultations/{id}/close: every document validated, then issued, then the payment
 * captured. A retry after a network error is safe (the server answers the same result).
 */
export function closeWithDocuments(id: string, body: CloseBody): Promise<CloseAnswer> {
  return api
    .post<CloseAnswer>(`/consultations/${enc(id)}/close`, body)
    .then((r) => ({ ...r, documents: r.documents ?? [] }));
}

/** GET /consultations/{id}/documents: what was issued for this consultation. */
export function fetchConsultationDocuments(
  id: string,
  signal?: AbortSignal,
): Promise<CabinetDocument[]> {
  return api
    .get<{ items: CabinetDocument[] }>(`/consultations/${enc(id)}/documents`, withSignal(signal))
    .then((r) => r.items ?? []);
}

/**
 * POST /consultations/{id}/documents: one document after the close, or a correction of one
 * (`replaces`: a new version; 409 when that one was already replaced).
 */
export function issueDocument(id: string, body: IssueBody): Promise<CabinetDocument> {
  return api.post<CabinetDocument>(`/consultations/${enc(id)}/documents`, body);
}

/** GET /certificates: the catalogue, in the request's language. */
export function fetchCertificates(signal?: AbortSignal): Promise<CertificateType[]> {
  return api
    .get<{ items: CertificateType[] }>('/certificates', withSignal(signal))
    .then((r) => r.items ?? []);
}

/** GET /drugs?q=: at most 20, from 2 characters (accents and case ignored). */
export function searchDrugs(q: string, signal?: AbortSignal): Promise<Drug[]> {
  return api
    .get<{ items: Drug[] }>(`/drugs?q=${enc(q.trim())}`, withSignal(signal))
    .then((r) => r.items ?? []);
}

// --- The pharmacist (no account) -----------------------------------------------------------------

/** GET /prescriptions/{number}?key=: without the right key, only valid and dispensed. */
export function verifyPrescription(
  number: string,
  key: string | null,
  signal?: AbortSignal,
): Promise<Verification> {
  const qs = key ? `?key=${enc(key)}` : '';
  return api.get<Verification>(`/prescriptions/${enc(number)}${qs}`, withSignal(signal));
}

/** POST /prescriptions/{number}/dispense: 200 once, then 409 already_dispensed. */
export function dispensePrescription(number: string, key: string): Promise<unknown> {
  return api.post(`/prescriptions/${enc(number)}/dispense`, { key });
}

/** POST /prescriptions/{number}/status: the pharmacy's answer, shown to the patient. */
export function setPrescriptionStatus(
  number: string,
  key: string,
  status: 'prepared' | 'ready',
): Promise<unknown> {
  return api.post(`/prescriptions/${enc(number)}/status`, { key, status });
}
