// The operator's calls to the API (docs/accounts.md "Operator"): the practitioners' applications
// to verify or reject. Typed calls through the app's client.
import { api } from '../api';
import type { PractitionerApplication } from '../account/types';

const base = (id: string) => `/operator/practitioners/${encodeURIComponent(id)}`;

/** GET /operator/practitioners?status=: the applications in one state. */
export function fetchApplications(
  status: string,
  signal: AbortSignal,
): Promise<PractitionerApplication[]> {
  return api.get<PractitionerApplication[]>(`/operator/practitioners?status=${status}`, { signal });
}

/** POST /operator/practitioners/{id}/verify. */
export function verifyPractitioner(id: string): Promise<unknown> {
  return api.post(`${base(id)}/verify`);
}

/** POST /operator/practitioners/{id}/reject, with the reason told to the practitioner. */
export function rejectPractitioner(id: string, reason: string): Promise<unknown> {
  return api.post(`${base(id)}/reject`, { reason });
}
