// POST /appointments: one Idempotency-Key per booking attempt, and the answer, with the next
// free slots of a 409 `slot_taken` (which the app's ApiError does not keep).
import { ApiError, createApi, type ApiDeps } from '../api';
import type { Slot } from '../directory/directory';
import type { Appointment, NewAppointment } from './booking';

// --- Idempotency ------------------------------------------------------------------------------------

/** A random v4 UUID: an Idempotency-Key (the queue's join uses it too). */
export function randomUuid(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Idempotency-Key of a booking attempt: the same key while the request is the same (a retry
 * after a network failure, a double tap), a new one when the patient changes what they book
 * (another slot after a 409, another motif), since the server refuses a key reused for a
 * different body (422 idempotency_mismatch).
 */
export function createAttemptKeys(newKey: () => string = randomUuid) {
  let current: { body: string; key: string } | null = null;
  return {
    keyFor(body: NewAppointment): string {
      const text = JSON.stringify([
        body.practitioner_id,
        body.motif_id,
        body.start,
        body.profile_id,
        body.mode,
      ]);
      if (!current || current.body !== text) current = { body: text, key: newKey() };
      return current.key;
    },
    /** After an answer that ends the attempt (a 409: the next try is another attempt). */
    reset(): void {
      current = null;
    },
  };
}

// --- POST /appointments -----------------------------------------------------------------------------

/** The next free slots of a 409 `slot_taken` body, keeping only well-formed ones. */
export function nextSlotsOf(body: unknown): Slot[] {
  if (typeof body !== 'object' || body === null || !('error' in body)) return [];
  const err: unknown = body.error;
  if (
    typeof err !== 'object' ||
    err === null ||
    !('next_slots' in err) ||
    !Array.isArray(err.next_slots)
  )
    return [];
  const out: Slot[] = [];
  for (const s of err.next_slots as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const r = s as Record<string, unknown>;
    if (
      typeof r.start === 'string' &&
      typeof r.end === 'string' &&
      (r.mode === 'video' || r.mode === 'in_person')
    )
      out.push({ start: r.start, end: r.end, mode: r.mode });
  }
  return out;
}

export type CreateResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; taken: true; error: ApiError; nextSlots: Slot[] };

/**
 * POST /appointments through the app's own client (headers, CSRF, error shape), with a fetch
 * that keeps the error body: a 409 `slot_taken` carries `next_slots`, which ApiError does not.
 * Other failures are thrown as ApiError, like any call.
 */
export async function createAppointment(
  deps: Pick<ApiDeps, 'fetch' | 'getLang' | 'onError'>,
  body: NewAppointment,
  idempotencyKey: string,
): Promise<CreateResult> {
  let errorBody: unknown;
  const client = createApi({
    ...deps,
    fetch: async (input, init) => {
      const res = await deps.fetch(input, init);
      if (!res.ok) {
        try {
          errorBody = await res.clone().json();
        } catch {
          errorBody = undefined;
        }
      }
      return res;
    },
  });
  try {
    return {
      ok: true,
      appointment: await client.post<Appointment>('/appointments', body, { idempotencyKey }),
    };
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.code === 'slot_taken')
      return { ok: false, taken: true, error: e, nextSlots: nextSlotsOf(errorBody) };
    throw e;
  }
}
