// The weekly hours editor's model (pure, unit-tested): the API's list of ranges
// [{weekday, mode, start, end}] ⇄ a week of days × modes × ranges, and the checks the page
// shows before sending. "24:00" (allowed by the API as an end) is typed "00:00" in a time
// input, which cannot show 24:00.
import type { Mode, OpeningRange } from '../directory/directory';
import { parseHHMM } from '../booking/slots';

export interface RangeDraft {
  key: string;
  start: string;
  end: string;
}

export type Week = Record<number, Record<Mode, RangeDraft[]>>;

const MODES: Mode[] = ['video', 'in_person'];

export function emptyWeek(): Week {
  const w: Week = {};
  for (let d = 1; d <= 7; d++) w[d] = { video: [], in_person: [] };
  return w;
}

export function weekFromHours(hours: OpeningRange[], key: () => string): Week {
  const w = emptyWeek();
  const sorted = hours
    .slice()
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (const r of sorted) {
    const day = w[r.weekday];
    if (!day || !MODES.includes(r.mode)) continue;
    day[r.mode].push({
      key: key(),
      start: r.start.slice(0, 5),
      end: r.end === '24:00' ? '00:00' : r.end.slice(0, 5),
    });
  }
  return w;
}

/** A range's end in minutes: "00:00" as an end is midnight at the end of the day. */
function endMinutes(end: string): number | null {
  return parseHHMM(end.trim() === '00:00' ? '24:00' : end);
}

export function hoursFromWeek(w: Week): OpeningRange[] {
  const out: OpeningRange[] = [];
  for (let d = 1; d <= 7; d++)
    for (const mode of MODES)
      for (const r of (w[d]?.[mode] ?? []).slice().sort((a, b) => a.start.localeCompare(b.start)))
        out.push({
          weekday: d,
          mode,
          start: r.start,
          end: r.end.trim() === '00:00' ? '24:00' : r.end,
        });
  return out;
}

export interface HoursProblem {
  day: number;
  mode: Mode;
  /** The range's position in the editor (not sorted). */
  index: number;
  which: 'start' | 'end';
  problem: 'invalid' | 'order' | 'overlap';
}

export function validateWeek(w: Week): HoursProblem[] {
  const out: HoursProblem[] = [];
  for (let d = 1; d <= 7; d++)
    for (const mode of MODES) {
      const valid: Array<{ index: number; s: number; e: number }> = [];
      (w[d]?.[mode] ?? []).forEach((r, index) => {
        const s = parseHHMM(r.start);
        const e = endMinutes(r.end);
        if (s === null || s >= 1440)
          out.push({ day: d, mode, index, which: 'start', problem: 'invalid' });
        else if (e === null) out.push({ day: d, mode, index, which: 'end', problem: 'invalid' });
        else if (e <= s) out.push({ day: d, mode, index, which: 'end', problem: 'order' });
        else valid.push({ index, s, e });
      });
      valid.sort((a, b) => a.s - b.s);
      for (let i = 1; i < valid.length; i++) {
        const cur = valid[i]!;
        const prev = valid[i - 1]!;
        if (cur.s < prev.e)
          out.push({ day: d, mode, index: cur.index, which: 'start', problem: 'overlap' });
      }
    }
  return out;
}
