// Reading the queue API's answers: what the contract leaves open is read one way.
import { describe, expect, it } from 'vitest';
import { readCount, readQuote, readRange, readSummary } from './normalize';

describe('readers', () => {
  it('reads ranges, counts and queues tolerantly', () => {
    expect(readRange([12.4, 4.6])).toEqual([5, 12]);
    expect(readRange([-5, 10])).toEqual([0, 10]);
    expect(readRange(null)).toBeNull();
    expect(readRange(['10', 20])).toBeNull();
    expect(readCount(3)).toBe(3);
    expect(readCount([{}, {}])).toBe(2);
    expect(readCount('x')).toBe(0);
    expect(readSummary({ specialty: 'general_practice', open: true, opens_at: '' })).toMatchObject({
      label: 'general_practice',
      open: true,
      opens_at: null,
      estimate_minutes: null,
    });
  });

  it('reads a quote, the hold computed when left out and the estimate kept apart', () => {
    const q = readQuote({
      price_cents: 3000,
      fee_cents: 500,
      fee_waived: false,
      near: 'distant',
      estimate: {
        amo_cents: 0,
        patient_cents: 3000,
        reimbursable: false,
        reason: 'Hors territoire',
      },
    });
    expect(q).toMatchObject({ hold_cents: 3500, near: 'distant', fee_waived_reason: null });
    expect(q.estimate).toMatchObject({
      reimbursable: false,
      reason: 'Hors territoire',
      tiers_payant: false,
    });
    expect(
      readQuote({ price_cents: 3000, fee_cents: 500, fee_waived: true, fee_waived_reason: 'css' }),
    ).toMatchObject({
      hold_cents: 3000,
      fee_waived: true,
      fee_waived_reason: 'css',
      near: 'none',
      estimate: null,
    });
  });
});
