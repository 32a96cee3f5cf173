import { describe, expect, it } from 'vitest';
import { addDays, cellOf, labelStep, niceMax, parisToday, statsQueryString } from './stats';

describe('statistics helpers', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(200)).toBe(200);
    expect(niceMax(201)).toBe(500);
  });

  it('keeps at most the labels that fit', () => {
    expect(labelStep(30, 8)).toBe(4);
    expect(labelStep(5, 8)).toBe(1);
  });

  it('tells a suppressed value from a missing one', () => {
    const item = { suppressed: ['held'] };
    expect(cellOf(item, 'held', null)).toEqual({ kind: 'suppressed' });
    expect(cellOf(item, 'bookings', null)).toEqual({ kind: 'none' });
    expect(cellOf(item, 'bookings', 0)).toEqual({ kind: 'value', value: 0 });
  });

  it('reads days in Paris and writes the query', () => {
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(parisToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(statsQueryString({ from: '2026-11-01', to: '2026-11-30', by: 'week' })).toBe(
      'from=2026-11-01&to=2026-11-30&by=week',
    );
    expect(
      statsQueryString({ from: '2026-11-01', to: '2026-11-30', by: 'day', partner: 'urgence' }),
    ).toContain('partner=urgence');
  });
});
