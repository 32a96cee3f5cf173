// The booking page's address.
import { describe, expect, it } from 'vitest';
import { bookingPath, readBookingQuery } from './bookingQuery';

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
