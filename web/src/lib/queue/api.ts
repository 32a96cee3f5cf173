// The immediate queue's calls (docs/queue.md), through the app's client: the public list, the
// patient's quote, join, entry and leave, and the practitioner's queue, duty and take. Every
// answer goes through normalize.ts.
import { api } from '../api';
import { readEntry, readQuote, readRange, readStaffQueue, readSummary } from './normalize';
import type {
  JoinedEntry,
  NewEntry,
  QueueEntry,
  QueueSummary,
  Quote,
  StaffQueue,
  Taken,
} from './types';

const enc = encodeURIComponent;

/** GET /queues: every queue, open or not, with its hours (public). */
export async function fetchQueues(signal?: AbortSignal): Promise<QueueSummary[]> {
  const r = await api.get<{ items?: unknown[] }>('/queues', signal ? { signal } : {});
  return (r.items ?? []).map(readSummary);
}

/** POST /queues/{specialty}/quote: the price, the fee, the hold and the reimbursement. */
export async function fetchQuote(
  specialty: string,
  body: { profile_id: string; commune_code: string },
  signal?: AbortSignal,
): Promise<Quote> {
  return readQuote(
    await api.post<unknown>(`/queues/${enc(specialty)}/quote`, body, signal ? { signal } : {}),
  );
}

/** POST /queues/{specialty}/entries, with the attempt's Idempotency-Key. */
export async function joinQueue(
  specialty: string,
  body: NewEntry,
  idempotencyKey: string,
): Promise<JoinedEntry> {
  const r = await api.post<Record<string, unknown>>(`/queues/${enc(specialty)}/entries`, body, {
    idempotencyKey,
  });
  return {
    id: String(r.id ?? ''),
    position: typeof r.position === 'number' ? r.position : null,
    estimate_minutes: readRange(r.estimate_minutes),
  };
}

/** GET /queue-entries: the account's live entries (waiting or called). */
export async function fetchMyEntries(signal?: AbortSignal): Promise<QueueEntry[]> {
  const r = await api.get<{ items?: unknown[] }>('/queue-entries', signal ? { signal } : {});
  return (r.items ?? []).map(readEntry);
}

/** GET /queue-entries/{id}. */
export async function fetchEntry(id: string, signal?: AbortSignal): Promise<QueueEntry> {
  return readEntry(await api.get<unknown>(`/queue-entries/${enc(id)}`, signal ? { signal } : {}));
}

/** DELETE /queue-entries/{id}: leaves the queue, the hold voided. */
export function leaveQueue(id: string): Promise<void> {
  return api.del(`/queue-entries/${enc(id)}`);
}

/** GET /practitioner/queue. */
export async function fetchStaffQueue(signal?: AbortSignal): Promise<StaffQueue> {
  return readStaffQueue(await api.get<unknown>('/practitioner/queue', signal ? { signal } : {}));
}

/** PUT /practitioner/duty {"on"}: the answer is the queue as GET gives it. */
export async function setDuty(on: boolean): Promise<StaffQueue> {
  return readStaffQueue(await api.put<unknown>('/practitioner/duty', { on }));
}

/** POST /practitioner/queue/take: the next patient, in a consultation starting now. */
export function takeNext(): Promise<Taken> {
  return api.post<Taken>('/practitioner/queue/take');
}
