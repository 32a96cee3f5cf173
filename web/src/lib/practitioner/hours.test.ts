import { describe, expect, it } from 'vitest';
import type { OpeningRange } from '../directory/directory';
import { emptyWeek, hoursFromWeek, validateWeek, weekFromHours } from './hours';

let n = 0;
const key = () => `k${++n}`;

describe('weekly hours ⇄ the editor', () => {
  const hours: OpeningRange[] = [
    { weekday: 1, mode: 'video', start: '14:00', end: '18:00' },
    { weekday: 1, mode: 'video', start: '09:00', end: '12:00' },
    { weekday: 1, mode: 'in_person', start: '09:00', end: '12:00' },
    { weekday: 6, mode: 'video', start: '20:00', end: '24:00' },
  ];
  it('groups ranges by day and mode, in time order, with 24:00 shown as 00:00', () => {
    const w = weekFromHours(hours, key);
    expect(w[1]!.video.map((r) => `${r.start}-${r.end}`)).toEqual(['09:00-12:00', '14:00-18:00']);
    expect(w[1]!.in_person).toHaveLength(1);
    expect(w[6]!.video[0]!.end).toBe('00:00');
    expect(w[7]!.video).toEqual([]);
  });
  it('round-trips to the API’s list', () => {
    const back = hoursFromWeek(weekFromHours(hours, key));
    expect(back).toEqual([
      { weekday: 1, mode: 'video', start: '09:00', end: '12:00' },
      { weekday: 1, mode: 'video', start: '14:00', end: '18:00' },
      { weekday: 1, mode: 'in_person', start: '09:00', end: '12:00' },
      { weekday: 6, mode: 'video', start: '20:00', end: '24:00' },
    ]);
  });
});

describe('validateWeek', () => {
  it('accepts breaks, and the same hours in both modes', () => {
    expect(
      validateWeek(
        weekFromHours(
          [
            { weekday: 2, mode: 'video', start: '09:00', end: '12:00' },
            { weekday: 2, mode: 'video', start: '12:00', end: '13:00' },
            { weekday: 2, mode: 'in_person', start: '09:00', end: '12:00' },
          ],
          key,
        ),
      ),
    ).toEqual([]);
  });
  it('names the field of each problem', () => {
    const w = emptyWeek();
    w[3]!.video = [
      { key: 'a', start: '09:00', end: '12:00' },
      { key: 'b', start: '11:00', end: '13:00' },
      { key: 'c', start: '15:00', end: '14:00' },
      { key: 'd', start: '', end: '10:00' },
      { key: 'e', start: '16:00', end: '' },
    ];
    expect(validateWeek(w)).toEqual([
      { day: 3, mode: 'video', index: 2, which: 'end', problem: 'order' },
      { day: 3, mode: 'video', index: 3, which: 'start', problem: 'invalid' },
      { day: 3, mode: 'video', index: 4, which: 'end', problem: 'invalid' },
      { day: 3, mode: 'video', index: 1, which: 'start', problem: 'overlap' },
    ]);
  });
  it('treats an end of 00:00 as midnight', () => {
    const w = emptyWeek();
    w[5]!.in_person = [{ key: 'a', start: '18:00', end: '00:00' }];
    expect(validateWeek(w)).toEqual([]);
    w[5]!.in_person = [{ key: 'a', start: '00:00', end: '00:00' }];
    expect(validateWeek(w)).toEqual([]);
  });
});
