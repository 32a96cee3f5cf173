// The booking helpers: amounts with cents, the payment-window countdown, one Idempotency-Key per
// attempt, POST /appointments with its 409 next slots, filtering of "mes rendez-vous", the booking
// page's address and the booking kept across sign-up.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import {
  amountInput,
  bookingPath,
  canCancel,
  createAppointment,
  createAttemptKeys,
  decodePendingBooking,
  encodePendingBooking,
  formatAmount,
  formatCountdown,
  holdIsLater,
  motifLabel,
  needsCard,
  nextSlotsOf,
  ofProfile,
  parseAmount,
  readBookingQuery,
  secondsLeft,
  sortByStart,
  statusTone,
  type Appointment,
  type NewAppointment,
} from './booking';

function appointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: 'a1',
    status: 'confirmed',
    start: '2026-11-24T09:30:00+01:00',
    end: '2026-11-24T09:50:00+01:00',
    mode: 'video',
    hold_expires_at: null,
    practitioner: {
      id: 'p1',
      name: 'Dr Camille Durand',
      specialty: 'general_medicine',
      specialty_label: 'Médecine générale',
    },
    motif: { id: 'm1', label: 'Consultation', duration_min: 20 },
    profile: { id: 'pr1', first_name: 'Léa', last_name: 'Martin' },
    price_cents: 2500,
    payment: { state: 'held', amount_cents: 2500, captured_cents: 0, brand: 'visa', last4: '4242' },
    cancelled_by: null,
    cancellable: true,
    ...over,
  };
}

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

describe('amounts', () => {
  it('always shows the cents', () => {
    expect(formatAmount(2500, 'fr')).toBe('25,00\u00a0€');
    expect(formatAmount(2550, 'fr')).toBe('25,50\u00a0€');
    expect(formatAmount(0, 'fr')).toBe('0,00\u00a0€');
    expect(formatAmount(2500, 'en')).toBe('€25.00');
  });
  it('reads what a practitioner types', () => {
    expect(parseAmount('25')).toBe(2500);
    expect(parseAmount('25,5')).toBe(2550);
    expect(parseAmount(' 25.50 € ')).toBe(2550);
    expect(parseAmount('25,505')).toBeNull();
    expect(parseAmount('-3')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('vingt')).toBeNull();
  });
  it('prefills an amount field in the user’s notation', () => {
    expect(amountInput(2500, 'fr')).toBe('25,00');
    expect(amountInput(2550, 'en')).toBe('25.50');
    expect(parseAmount(amountInput(1999, 'fr'))).toBe(1999);
  });
});

describe('payment window', () => {
  const now = Date.parse('2026-11-24T09:00:00+01:00');
  it('counts the seconds left, never below zero', () => {
    expect(secondsLeft('2026-11-24T09:10:00+01:00', now)).toBe(600);
    expect(secondsLeft('2026-11-24T08:10:00Z', now)).toBe(600);
    expect(secondsLeft('2026-11-24T09:00:00.400+01:00', now)).toBe(1);
    expect(secondsLeft('2026-11-24T08:59:00+01:00', now)).toBe(0);
    expect(secondsLeft(null, now)).toBeNull();
    expect(secondsLeft('bientôt', now)).toBeNull();
  });
  it('shows minutes and seconds', () => {
    expect(formatCountdown(600)).toBe('10:00');
    expect(formatCountdown(599)).toBe('9:59');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(-3)).toBe('0:00');
  });
  it('places the hold later beyond five days', () => {
    expect(holdIsLater('2026-11-29T09:00:01+01:00', now)).toBe(true);
    expect(holdIsLater('2026-11-29T09:00:00+01:00', now)).toBe(false);
    expect(holdIsLater('2026-11-24T10:00:00+01:00', now)).toBe(false);
  });
});

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

describe('mes rendez-vous', () => {
  it('says what can be done with an appointment', () => {
    expect(canCancel(appointment())).toBe(true);
    expect(canCancel(appointment({ status: 'pending_payment' }))).toBe(true);
    expect(canCancel(appointment({ cancellable: false }))).toBe(false);
    expect(canCancel(appointment({ status: 'done' }))).toBe(false);
    expect(needsCard(appointment({ status: 'pending_payment' }))).toBe(true);
    expect(
      needsCard(
        appointment({
          payment: {
            state: 'card_required',
            amount_cents: 2500,
            captured_cents: 0,
            brand: null,
            last4: null,
          },
        }),
      ),
    ).toBe(true);
    expect(needsCard(appointment())).toBe(false);
    expect(statusTone('confirmed')).toBe('success');
    expect(statusTone('pending_payment')).toBe('warning');
    expect(statusTone('no_show')).toBe('danger');
    expect(statusTone('cancelled')).toBe('neutral');
  });

  it('filters per profile and sorts by instant', () => {
    const list = [
      appointment({ id: 'a', start: '2026-11-25T09:00:00+01:00' }),
      appointment({
        id: 'b',
        start: '2026-11-24T09:00:00+01:00',
        profile: { id: 'pr2', first_name: 'Tom', last_name: 'Martin' },
      }),
      appointment({ id: 'c', start: '2026-11-24T08:30:00+04:00' }),
    ];
    expect(ofProfile(list, null).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(ofProfile(list, 'pr2').map((a) => a.id)).toEqual(['b']);
    // 08:30 in La Réunion (+04:00) is 05:30 in Paris: the earliest of the three instants.
    expect(sortByStart(list, 'asc').map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(sortByStart(list, 'desc').map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads the motif of a cancel link', () => {
    expect(motifLabel('Consultation')).toBe('Consultation');
    expect(motifLabel({ label: 'Suivi' })).toBe('Suivi');
    expect(motifLabel(null)).toBe('');
  });
});

describe('booking address', () => {
  it('round-trips a slot', () => {
    const path = bookingPath({
      practitioner: 'p1',
      start: '2026-11-24T09:30:00+01:00',
      mode: 'video',
      motif: 'm1',
    });
    expect(path).toBe(
      '/rendez-vous/nouveau?practitioner=p1&start=2026-11-24T09%3A30%3A00%2B01%3A00&mode=video&motif=m1',
    );
    const q = Object.fromEntries(new URL(path, 'http://x').searchParams);
    expect(readBookingQuery(q)).toEqual({
      practitioner: 'p1',
      start: '2026-11-24T09:30:00+01:00',
      mode: 'video',
      motif: 'm1',
      appointment: null,
    });
  });
  it('resumes from an appointment alone', () => {
    expect(readBookingQuery({ appointment: 'a1' })).toMatchObject({ appointment: 'a1' });
    expect(
      bookingPath({ practitioner: 'p1', start: '2026-11-24T09:30:00+01:00', appointment: 'a1' }),
    ).toContain('appointment=a1');
  });
  it('refuses an address that names no slot', () => {
    expect(readBookingQuery({})).toBeNull();
    expect(readBookingQuery({ practitioner: 'p1' })).toBeNull();
    expect(readBookingQuery({ practitioner: 'p1', start: 'demain' })).toBeNull();
    expect(
      readBookingQuery({ practitioner: '../x', start: '2026-11-24T09:30:00+01:00' }),
    ).toBeNull();
    expect(
      readBookingQuery({ practitioner: 'p1', start: '2026-11-24T09:30:00+01:00', mode: 'fax' })
        ?.mode,
    ).toBeNull();
  });
});

describe('booking kept across sign-up', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  const saved = {
    path: '/rendez-vous/nouveau?practitioner=p1&start=x',
    practitionerName: 'Dr Durand',
    start: '2026-11-24T09:30:00+01:00',
    savedAt: now - 3600_000,
  };
  it('offers a recent booking whose slot is ahead', () => {
    expect(decodePendingBooking(encodePendingBooking(saved), now)).toEqual(saved);
  });
  it('forgets old, past, foreign or broken ones', () => {
    expect(
      decodePendingBooking(
        encodePendingBooking({ ...saved, savedAt: now - 3 * 24 * 3600_000 }),
        now,
      ),
    ).toBeNull();
    expect(
      decodePendingBooking(
        encodePendingBooking({ ...saved, start: '2026-11-19T09:30:00+01:00' }),
        now,
      ),
    ).toBeNull();
    expect(
      decodePendingBooking(encodePendingBooking({ ...saved, path: 'https://evil.example/' }), now),
    ).toBeNull();
    expect(decodePendingBooking('{', now)).toBeNull();
    expect(decodePendingBooking(null, now)).toBeNull();
  });
});
