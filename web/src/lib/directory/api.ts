// The directory's calls to the API (docs/directory.md): the search, a practitioner's public
// profile and free slots, the specialties, the places typed in a search or an address.
// Typed calls through the app's client; pages and components import these, never a path.
import { api } from '../api';
import type { Place, PublicProfile, SearchResult, SlotsResult, Specialty } from './directory';

/** GET /practitioners?…: one page of the search (the query string of searchQuery.ts). */
export function searchPractitioners(query: string, signal: AbortSignal): Promise<SearchResult> {
  return api.get<SearchResult>(`/practitioners?${query}`, { signal });
}

/** GET /practitioners/{id}: a practitioner's public profile. */
export function fetchPractitioner(id: string, signal: AbortSignal): Promise<PublicProfile> {
  return api.get<PublicProfile>(`/practitioners/${encodeURIComponent(id)}`, { signal });
}

/** GET /practitioners/{id}/slots?from=&days=&mode=&motif_id=: the free slots. */
export function fetchSlots(
  practitionerId: string,
  params: URLSearchParams,
  signal?: AbortSignal,
): Promise<SlotsResult> {
  return api.get<SlotsResult>(
    `/practitioners/${encodeURIComponent(practitionerId)}/slots?${params}`,
    signal ? { signal } : {},
  );
}

/** GET /specialties, in the language of the request. */
export function fetchSpecialties(): Promise<Specialty[]> {
  return api.get<{ items: Specialty[] }>('/specialties').then((r) => r.items);
}

/**
 * Places for what was typed, best reading first: a name or postcode being typed, or a place as
 * people type it ("Lyon 69003", "Paris XIe", "st etienne", "Bordeux"); the server reads them.
 */
export function searchPlaces(q: string, signal?: AbortSignal, limit = 8): Promise<Place[]> {
  const qs = new URLSearchParams({ q: q.trim(), limit: String(limit) });
  return api
    .get<{ items: Place[] }>(`/places?${qs}`, signal ? { signal } : {})
    .then((r) => r.items);
}
