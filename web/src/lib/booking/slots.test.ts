import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketByDay,
  daysBetween,
  formatClock,
  formatDayShort,
  isDate,
  lastCoveredDay,
  localDate,
  localMinutes,
  mondayOf,
  parseHHMM,
  parseInstant,
  rangeSentence,
  slotLabel,
  slotSentence,
  todayIn,
  toHHMM,
  weekday,
} from './slots';

describe('parseInstant', () => {
  it('reads the wall clock and the offset as written', () => {
    expect(parseInstant('2026-11-24T09:30:00+01:00')).toEqual({
      date: '2026-11-24',
      year: 2026,
      month: 11,
      day: 24,
      hour: 9,
      minute: 30,
      offset: 60,
    });
    expect(parseInstant('2026-11-24T09:30:00+04:00')?.offset).toBe(240);
    expect(parseInstant('2026-11-24T09:30:00-04:00')?.offset).toBe(-240);
    expect(parseInstant('2026-11-24T09:30:00.000Z')?.offset).toBe(0);
    expect(parseInstant('2026-11-24T09:30+0530')?.offset).toBe(330);
    expect(parseInstant('demain')).toBeNull();
  });
});

describe('slot formatting keeps the practitioner’s zone, not the browser’s', () => {
  // The same instant, 05:30 UTC, written in three zones: each shows its own wall clock.
  it('La Réunion (+04:00)', () => {
    expect(slotLabel('2026-11-24T09:30:00+04:00', 'fr')).toBe('mar. 24 nov. 09:30');
    expect(slotSentence('2026-11-24T09:30:00+04:00', 'fr')).toBe(
      'mardi 24 novembre à 9\u00a0h\u00a030',
    );
  });
  it('Martinique (-04:00), where the local date can be the day before UTC’s', () => {
    expect(slotLabel('2026-11-23T21:30:00-04:00', 'fr')).toBe('lun. 23 nov. 21:30');
    expect(localDate('2026-11-23T21:30:00-04:00')).toBe('2026-11-23');
    expect(slotSentence('2026-11-23T21:30:00-04:00', 'en')).toBe('Monday 23 November at 21:30');
  });
  it('Paris, summer and winter', () => {
    expect(slotLabel('2026-03-29T03:00:00+02:00', 'fr')).toBe('dim. 29 mars 03:00');
    expect(formatClock('2026-12-07T18:15:00+01:00')).toBe('18:15');
    expect(slotLabel('2026-12-07T18:15:00+01:00', 'en')).toBe('Mon 7 Dec 18:15');
  });
  it('formats ranges, midnight included', () => {
    expect(rangeSentence('2026-11-24T09:00:00+01:00', '2026-11-24T12:30:00+01:00', 'fr')).toBe(
      '9\u00a0h\u00a000 – 12\u00a0h\u00a030',
    );
    expect(rangeSentence('2026-11-24T20:00:00+01:00', '2026-11-25T00:00:00+01:00', 'fr')).toBe(
      '20\u00a0h\u00a000 – minuit',
    );
  });
  it('reads minutes since local midnight', () => {
    expect(localMinutes('2026-11-24T09:30:00-04:00')).toBe(570);
  });
});

describe('calendar dates', () => {
  it('adds days across months, years and the DST change', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-04-04')).toBe(7);
  });
  it('numbers weekdays Monday = 1 … Sunday = 7 and finds the Monday', () => {
    expect(weekday('2026-11-23')).toBe(1);
    expect(weekday('2026-11-29')).toBe(7);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });
  it('checks dates', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('24/11/2026')).toBe(false);
  });
  it('gives today in a zone, whatever the browser’s zone', () => {
    const now = new Date('2026-11-23T22:30:00Z');
    expect(todayIn('Europe/Paris', now)).toBe('2026-11-23');
    expect(todayIn('Indian/Reunion', now)).toBe('2026-11-24');
    expect(todayIn('America/Martinique', now)).toBe('2026-11-23');
  });
  it('formats a short day', () => {
    expect(formatDayShort('2026-11-24', 'fr')).toBe('mar. 24 nov.');
  });
  it('knows the last day an absence covers', () => {
    expect(lastCoveredDay('2026-11-27T00:00:00+01:00')).toBe('2026-11-26');
    expect(lastCoveredDay('2026-11-26T18:00:00+01:00')).toBe('2026-11-26');
  });
});

describe('bucketByDay (the week grid)', () => {
  const slot = (start: string) => ({ start, end: start, mode: 'video' as const });
  it('puts each slot under its local day, in time order, with empty days kept', () => {
    const grid = bucketByDay(
      [
        slot('2026-11-25T14:00:00-04:00'),
        slot('2026-11-24T09:00:00-04:00'),
        slot('2026-11-25T08:00:00-04:00'),
        slot('2026-12-09T08:00:00-04:00'),
      ],
      '2026-11-23',
      7,
    );
    expect(grid.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(grid.map((d) => d.items.length)).toEqual([0, 1, 2, 0, 0, 0, 0]);
    expect(grid[2]!.items.map((s) => s.start)).toEqual([
      '2026-11-25T08:00:00-04:00',
      '2026-11-25T14:00:00-04:00',
    ]);
  });
  it('uses the practitioner’s date: 23:30 at -04:00 stays on its day though UTC is the next', () => {
    const grid = bucketByDay(
      [slot('2026-11-23T23:30:00-04:00'), slot('2026-11-24T00:30:00+04:00')],
      '2026-11-23',
      2,
    );
    expect(grid[0]!.items).toHaveLength(1);
    expect(grid[1]!.items).toHaveLength(1);
  });
  it('orders the two 02:30 of the October change by instant', () => {
    const grid = bucketByDay(
      [slot('2026-10-25T02:30:00+01:00'), slot('2026-10-25T02:30:00+02:00')],
      '2026-10-25',
      1,
    );
    expect(grid[0]!.items.map((s) => s.start)).toEqual([
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:30:00+01:00',
    ]);
  });
});

describe('HH:MM', () => {
  it('parses opening hours, 24:00 included', () => {
    expect(parseHHMM('09:30')).toBe(570);
    expect(parseHHMM('24:00')).toBe(1440);
    expect(parseHHMM('24:30')).toBeNull();
    expect(parseHHMM('9h')).toBeNull();
    expect(toHHMM(570)).toBe('09:30');
  });
});
