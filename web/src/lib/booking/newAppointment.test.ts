// One Idempotency-Key per attempt, and POST /appointments with its 409 next slots.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import type { NewAppointment } from './booking';
import { appointment } from './fixtures';
import { createAppointment, createAttemptKeys, nextSlotsOf } from './newAppointment';

const BODY: NewAppointment = {
  practitioner_id: 'p1',
  motif_id: 'm1',
  start: '2026-11-24T09:30:00+01:00',
  profile_id: 'pr1',
  mode: 'video',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('idempotency keys', () => {
  it('keeps one key per attempt and makes a new one when the booking changes', () => {
    let n = 0;
    const keys = createAttemptKeys(() => `k${++n}`);
    expect(keys.keyFor(BODY)).toBe('k1');
    expect(keys.keyFor({ ...BODY })).toBe('k1'); // a retry: same key
    expect(keys.keyFor({ ...BODY, start: '2026-11-24T10:00:00+01:00' })).toBe('k2');
    expect(keys.keyFor({ ...BODY, start: '2026-11-24T10:00:00+01:00' })).toBe('k2');
    expect(keys.keyFor({ ...BODY, motif_id: 'm2', start: '2026-11-24T10:00:00+01:00' })).toBe('k3');
    keys.reset();
    expect(keys.keyFor({ ...BODY, motif_id: 'm2', start: '2026-11-24T10:00:00+01:00' })).toBe('k4');
  });
  it('makes UUIDs by default', () => {
    const keys = createAttemptKeys();
    expect(keys.keyFor(BODY)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('POST /appointments', () => {
  it('sends the Idempotency-Key and returns the pending appointment', async () => {
    const created = appointment({
      status: 'pending_payment',
      hold_expires_at: '2026-11-24T09:10:00+01:00',
      payment: { state: 'none', amount_cents: 2500, captured_cents: 0, brand: null, last4: null },
    });
    const fetchMock = vi.fn<typeof fetch>(async () => json(201, created));
    const r = await createAppointment({ fetch: fetchMock, getLang: () => 'fr' }, BODY, 'key-1');
    expect(r).toEqual({ ok: true, appointment: created });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/appointments');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({
      'Idempotency-Key': 'key-1',
      'X-Requested-With': 'cabinet',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(String(init?.body))).toEqual(BODY);
  });

  it('returns the next free slots of a 409 slot_taken', async () => {
    const next = [
      { start: '2026-11-24T10:00:00+01:00', end: '2026-11-24T10:20:00+01:00', mode: 'video' },
      { start: 'broken' },
    ];
    const fetchMock = vi.fn<typeof fetch>(async () =>
      json(409, {
        error: { code: 'slot_taken', message: 'Ce créneau vient d’être pris.', next_slots: next },
      }),
    );
    const r = await createAppointment({ fetch: fetchMock, getLang: () => 'fr' }, BODY, 'key-1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.nextSlots).toEqual([next[0]]);
    expect(r.error.code).toBe('slot_taken');
  });

  it('throws other failures as ApiError and tells the listener', async () => {
    const onError = vi.fn();
    const fetchMock = vi.fn<typeof fetch>(async () =>
      json(400, {
        error: { code: 'invalid_request', message: 'Ce créneau n’existe pas.', field: 'start' },
      }),
    );
    await expect(
      createAppointment({ fetch: fetchMock, getLang: () => 'fr', onError }, BODY, 'k'),
    ).rejects.toBeInstanceOf(ApiError);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('reads next_slots defensively', () => {
    expect(nextSlotsOf(undefined)).toEqual([]);
    expect(nextSlotsOf({ error: { code: 'slot_taken' } })).toEqual([]);
    expect(nextSlotsOf({ error: { next_slots: [{ start: 'a', end: 'b', mode: 'fax' }] } })).toEqual(
      [],
    );
  });
});
