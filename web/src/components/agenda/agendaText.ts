// Texts shared by the agenda's views and panels: a mode's name, an exception's dates, the number
// of free slots; and ranges put back in time order.
import type { useI18n } from '../../i18n';
import type { BookedAgendaDay } from '../../lib/booking/booking';
import type { AgendaException, Mode } from '../../lib/directory/directory';
import { fillText } from '../../lib/format';
import {
  formatClock,
  formatDayLong,
  lastCoveredDay,
  localDate,
  localMinutes,
  rangeSentence,
} from '../../lib/booking/slots';

export function modeName(
  t: ReturnType<typeof useI18n>['t'],
  mode: Mode | null | undefined,
): string {
  return mode ? t.modes[mode] : '';
}

export function exceptionText(
  x: AgendaException,
  lang: 'fr' | 'en',
  a: ReturnType<typeof useI18n>['t']['agenda'],
): string {
  const first = localDate(x.start);
  const last = lastCoveredDay(x.end);
  const wholeDays = localMinutes(x.start) === 0 && localMinutes(x.end) === 0;
  if (wholeDays)
    return first === last
      ? fillText(a.oneDay, { date: formatDayLong(first, lang) })
      : fillText(a.rangeDays, { from: formatDayLong(first, lang), to: formatDayLong(last, lang) });
  if (first === localDate(x.end))
    return fillText(a.timeRange, {
      date: formatDayLong(first, lang),
      range: rangeSentence(x.start, x.end, lang),
    });
  return fillText(a.rangeDays, {
    from: `${formatDayLong(first, lang)} ${formatClock(x.start)}`,
    to: `${formatDayLong(localDate(x.end), lang)} ${formatClock(x.end)}`,
  });
}

/** Ranges in time order (the API groups them by mode). */
export function byStart<T extends { start: string }>(list: T[]): T[] {
  return list.slice().sort((x, y) => x.start.localeCompare(y.start));
}

export function freeCount(
  n: number,
  a: { freeNone: string; freeOne: string; freeMany: string },
): string {
  return n === 0 ? a.freeNone : n === 1 ? a.freeOne : fillText(a.freeMany, { n });
}

/** The appointments that still hold their time (not cancelled, not expired). */
export function liveCount(d: BookedAgendaDay): number {
  return d.appointments.filter((x) => x.status !== 'cancelled' && x.status !== 'expired').length;
}

export function appointmentCount(n: number, a: { countOne: string; countMany: string }): string {
  return n === 1 ? a.countOne : fillText(a.countMany, { n });
}
