// The operator's statistics (docs/operator.md "Statistics"): the typed call, the CSV link, and
// the pure helpers of the charts (scale, ticks, which labels fit). Unit-tested in Node.
import { api, API_PREFIX } from '../api';

export type By = 'day' | 'week' | 'month';

export const DOCUMENT_KINDS = [
  'report',
  'prescription',
  'sick_leave',
  'certificate',
  'care_sheet',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One period's figures; null is "no data" or, when named in `suppressed`, "fewer than 5". */
export interface Figures {
  bookings: number | null;
  held: number | null;
  no_shows: number | null;
  cancelled: number | null;
  queue_wait_p50_s: number | null;
  queue_wait_p90_s: number | null;
  relayed_share: number | null;
  phone_fallbacks: number | null;
  queue_joined: number | null;
  queue_taken: number | null;
  duration_p50_s: number | null;
  calls_reported: number | null;
  audio_only: number | null;
  call_setup_p50_ms: number | null;
  call_setup_p90_ms: number | null;
  documents: Record<DocumentKind, number | null> & { suppressed: string[] };
  suppressed: string[];
}

export interface Period extends Figures {
  period: string;
  start: string;
  end: string;
}

export interface SpecialtyRow {
  specialty: string;
  label: string;
  bookings: number | null;
  held: number | null;
  no_shows: number | null;
  cancelled: number | null;
  suppressed: string[];
}

export interface Stats {
  from: string;
  to: string;
  by: By;
  partner: string | null;
  threshold: number;
  series: Period[];
  totals: Figures;
  by_specialty: SpecialtyRow[];
}

export interface StatsQuery {
  from: string;
  to: string;
  by: By;
  partner?: string;
}

export function statsQueryString(q: StatsQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to, by: q.by });
  if (q.partner) p.set('partner', q.partner);
  return p.toString();
}

/** GET /operator/stats. */
export function fetchStats(q: StatsQuery, signal: AbortSignal): Promise<Stats> {
  return api.get<Stats>(`/operator/stats?${statsQueryString(q)}`, { signal });
}

/** The address of the same figures as CSV (a plain link: the browser downloads it). */
export function statsCsvUrl(q: StatsQuery): string {
  return `${API_PREFIX}/operator/stats.csv?${statsQueryString(q)}`;
}

/** A value of an item: a number, "suppressed" (fewer than the threshold) or "none". */
export type Cell = { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'none' };

export function cellOf(item: { suppressed: string[] }, key: string, value: number | null): Cell {
  if (value !== null) return { kind: 'value', value };
  return item.suppressed.includes(key) ? { kind: 'suppressed' } : { kind: 'none' };
}

/** A round top for the value axis (1, 2 or 5 × a power of ten) at least `max`, never 0. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Which of n labels to write so that at most `fit` show, evenly spaced, the first one kept. */
export function labelStep(n: number, fit: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, fit)));
}

/** Today in Paris as YYYY-MM-DD, and the default range: the last 30 days. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
