// The booking kept across sign-up.
import { describe, expect, it } from 'vitest';
import { decodePendingBooking, encodePendingBooking } from './pendingBooking';

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
