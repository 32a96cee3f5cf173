// "Mes rendez-vous": which appointments can be cancelled or need a card, the status badge's tone,
// filtering by profile and sorting, and the cancel link's motif.
import { describe, expect, it } from 'vitest';
import { canCancel, motifLabel, needsCard, ofProfile, sortByStart, statusTone } from './booking';
import { appointment } from './fixtures';

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
