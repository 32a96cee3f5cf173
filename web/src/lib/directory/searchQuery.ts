// The search of /recherche, as a value: read from the page's address, written back to it (so
// that a search can be shared and the back button returns to the previous one), and turned
// into the query string of GET /api/v1/practitioners. The page's parameters are French words
// (the address is part of the French product); the API's are those of docs/directory.md.
import { SECTORS, type Sector } from './directory';
import { isDate } from '../booking/slots';

export type SortOrder = 'soonest' | 'distance';

export interface SearchQuery {
  /** A name (free text). */
  q: string;
  /** A specialty id. */
  specialty: string;
  /** A postcode, "c:<INSEE code>" or "lat,lng". */
  near: string;
  /** Search radius in km, with `near`; null for the server's default (30 km). */
  radius: number | null;
  video: boolean;
  /** "YYYY-MM-DD": has a free slot that day. */
  date: string;
  /** ISO 639-1. */
  language: string;
  tiersPayant: boolean;
  sectors: Sector[];
  sort: SortOrder;
  page: number;
}

export const EMPTY_QUERY: SearchQuery = {
  q: '',
  specialty: '',
  near: '',
  radius: null,
  video: false,
  date: '',
  language: '',
  tiersPayant: false,
  sectors: [],
  sort: 'soonest',
  page: 1,
};

export const RADII = [5, 10, 30, 50, 100, 200];
export const PER_PAGE = 10;

/** Page parameter names (French, as in the address bar). */
const P = {
  q: 'nom',
  specialty: 'specialite',
  near: 'lieu',
  radius: 'rayon',
  video: 'video',
  date: 'date',
  language: 'langue',
  tiersPayant: 'tiers_payant',
  sectors: 'secteur',
  sort: 'tri',
  page: 'page',
} as const;

type Params = URLSearchParams | Record<string, string | undefined>;

function getter(params: Params): (k: string) => string {
  return params instanceof URLSearchParams ? (k) => params.get(k) ?? '' : (k) => params[k] ?? '';
}

const NEAR = /^(\d{5}|c:\d[\dAB]\d{3}|-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?)$/;

/** Reads the page's query string; anything malformed falls back to the default. */
export function fromPageParams(params: Params): SearchQuery {
  const get = getter(params);
  const radius = Number(get(P.radius));
  const page = Number(get(P.page));
  const near = get(P.near).trim();
  const sectors = get(P.sectors)
    .split(',')
    .filter((s): s is Sector => (SECTORS as string[]).includes(s));
  const language = get(P.language).toLowerCase();
  return {
    q: get(P.q).trim().slice(0, 100),
    specialty: /^[a-z0-9_]{1,64}$/.test(get(P.specialty)) ? get(P.specialty) : '',
    near: NEAR.test(near) ? near : '',
    radius: Number.isInteger(radius) && radius >= 1 && radius <= 200 ? radius : null,
    video: get(P.video) === '1' || get(P.video) === 'true',
    date: isDate(get(P.date)) ? get(P.date) : '',
    language: /^[a-z]{2}$/.test(language) ? language : '',
    tiersPayant: get(P.tiersPayant) === '1' || get(P.tiersPayant) === 'true',
    sectors: SECTORS.filter((s) => sectors.includes(s)),
    sort: get(P.sort) === 'distance' ? 'distance' : 'soonest',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The page's query string, without the defaults (short, stable addresses). */
export function toPageParams(q: SearchQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.specialty) out.set(P.specialty, q.specialty);
  if (q.q.trim()) out.set(P.q, q.q.trim());
  if (q.near) out.set(P.near, q.near);
  if (q.near && q.radius !== null) out.set(P.radius, String(q.radius));
  if (q.video) out.set(P.video, '1');
  if (q.date) out.set(P.date, q.date);
  if (q.language) out.set(P.language, q.language);
  if (q.tiersPayant) out.set(P.tiersPayant, '1');
  if (q.sectors.length) out.set(P.sectors, SECTORS.filter((s) => q.sectors.includes(s)).join(','));
  if (q.sort === 'distance' && q.near) out.set(P.sort, 'distance');
  if (q.page > 1) out.set(P.page, String(q.page));
  return out;
}

/** "/recherche?specialite=…" — the address of a search. */
export function searchPath(base: string, q: Partial<SearchQuery>): string {
  const qs = toPageParams({ ...EMPTY_QUERY, ...q }).toString();
  return qs ? `${base}?${qs}` : base;
}

/** The query string of GET /practitioners for this search. */
export function toApiParams(q: SearchQuery, perPage = PER_PAGE): URLSearchParams {
  const out = new URLSearchParams();
  if (q.q.trim()) out.set('q', q.q.trim());
  if (q.specialty) out.set('specialty', q.specialty);
  if (q.near) {
    out.set('near', q.near);
    if (q.radius !== null) out.set('radius_km', String(q.radius));
  }
  if (q.video) out.set('video', 'true');
  if (q.date) out.set('date', q.date);
  if (q.language) out.set('language', q.language);
  if (q.tiersPayant) out.set('tiers_payant', 'true');
  if (q.sectors.length) out.set('sector', SECTORS.filter((s) => q.sectors.includes(s)).join(','));
  out.set('sort', q.sort === 'distance' && q.near ? 'distance' : 'soonest');
  out.set('page', String(q.page));
  out.set('per_page', String(perPage));
  return out;
}

/** How many filters (beyond what, where) narrow the search: the mobile "Filtres (2)" button. */
export function activeFilterCount(q: SearchQuery): number {
  return [
    q.video,
    !!q.date,
    !!q.language,
    q.tiersPayant,
    q.sectors.length > 0,
    q.radius !== null && !!q.near,
  ].filter(Boolean).length;
}

/** The same search without its filters (the empty state's "Retirer les filtres"). */
export function withoutFilters(q: SearchQuery): SearchQuery {
  return {
    ...q,
    video: false,
    date: '',
    language: '',
    tiersPayant: false,
    sectors: [],
    radius: null,
    page: 1,
  };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}
