// Times of the directory and the agenda, in the practitioner's time zone.
//
// The API writes every instant with the offset of the practitioner's zone
// ("2026-11-24T09:30:00+04:00" for La Réunion). The wall-clock time a patient must see is the
// one written in the string, not the browser's: so these helpers read the date and time from
// the text and format them with Intl in UTC, never through the browser's zone. Calendar dates
// ("YYYY-MM-DD") are handled the same way, as UTC days.
import type { Lang } from '../lang';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface Instant {
  /** The practitioner's local date, "YYYY-MM-DD". */
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Offset from UTC in minutes (+240 for +04:00). */
  offset: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Reads an ISO-8601 instant as the wall clock it was written in; null if it is not one. */
export function parseInstant(iso: string): Instant | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi, , off] = m;
  let offset = 0;
  if (off && off !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  return {
    date: `${y}-${mo}-${d}`,
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    offset,
  };
}

/** The local date of an instant, "YYYY-MM-DD" (the first 10 characters, checked). */
export function localDate(iso: string): string {
  return parseInstant(iso)?.date ?? iso.slice(0, 10);
}

/** Minutes since local midnight of an instant's wall clock (9:30 → 570). */
export function localMinutes(iso: string): number {
  const p = parseInstant(iso);
  return p ? p.hour * 60 + p.minute : 0;
}

/** Milliseconds since the epoch (the offset makes it unambiguous). */
export function instantMs(iso: string): number {
  return Date.parse(iso);
}

function utcDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function isDate(s: string | undefined | null): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  return isoDay(utcDay(s)) === s;
}

/** "2026-02-28" + 1 → "2026-03-01". */
export function addDays(date: string, n: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

/** Whole days from `a` to `b` (negative if b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / 86_400_000);
}

/** ISO weekday of a calendar date: Monday = 1 … Sunday = 7 (the API's numbering). */
export function weekday(date: string): number {
  const w = utcDay(date).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week of `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(date));
}

/** Today's date in an IANA zone ("Indian/Reunion"), whatever the browser's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return isoDay(now);
  }
}

/** The browser's own zone ("Europe/Paris"), or null when the browser does not say. */
export function browserZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

function fmt(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE[lang], { ...opts, timeZone: 'UTC' });
}

/** "lun. 24 nov." / "Mon 24 Nov" — a calendar date, short. */
export function formatDayShort(date: string, lang: Lang): string {
  return fmt(lang, { weekday: 'short', day: 'numeric', month: 'short' }).format(utcDay(date));
}

/** "lundi 24 novembre" / "Monday 24 November" (with the year when asked). */
export function formatDayLong(date: string, lang: Lang, withYear = false): string {
  return fmt(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(utcDay(date));
}

/** "24 novembre 2026" — a date without its weekday. */
export function formatDate(date: string, lang: Lang, withYear = true): string {
  return fmt(lang, {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(utcDay(date));
}

/** "lun." / "Mon" and "24" — the two lines of a column header. */
export function formatWeekdayShort(date: string, lang: Lang): string {
  return fmt(lang, { weekday: 'short' }).format(utcDay(date));
}

export function formatDayMonth(date: string, lang: Lang): string {
  return fmt(lang, { day: 'numeric', month: 'short' }).format(utcDay(date));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "09:30": the compact time of a slot button, as written in the instant. */
export function formatClock(iso: string): string {
  const p = parseInstant(iso);
  return p ? `${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** "9 h 30" in French (the way it is said), "09:30" in English. From "HH:MM" too. */
export function spokenTime(hour: number, minute: number, lang: Lang): string {
  return lang === 'fr' ? `${hour}\u00a0h\u00a0${pad(minute)}` : `${pad(hour)}:${pad(minute)}`;
}

/** "09:00" or "24:00" (opening hours) said aloud: "9 h 00", "minuit". */
export function spokenHHMM(hhmm: string, lang: Lang): string {
  const [h, m] = hhmm.split(':').map(Number);
  return spokenTime(h ?? 0, m ?? 0, lang);
}

/** "lun. 24 nov. 09:30": a slot's day and time, in the practitioner's zone. */
export function slotLabel(iso: string, lang: Lang): string {
  const p = parseInstant(iso);
  if (!p) return '';
  return `${formatDayShort(p.date, lang)} ${formatClock(iso)}`;
}

/** "lundi 24 novembre à 9 h 30": the same, as a sentence (accessible names, summaries). */
export function slotSentence(iso: string, lang: Lang): string {
  const p = parseInstant(iso);
  if (!p) return '';
  return `${formatDayLong(p.date, lang)} ${lang === 'fr' ? 'à' : 'at'} ${spokenTime(p.hour, p.minute, lang)}`;
}

/** "9 h 30 – 12 h 00" for a range of two instants (same day). */
export function rangeSentence(start: string, end: string, lang: Lang): string {
  const a = parseInstant(start);
  const b = parseInstant(end);
  if (!a || !b) return '';
  const endText =
    b.date !== a.date && b.hour === 0 && b.minute === 0
      ? lang === 'fr'
        ? 'minuit'
        : 'midnight'
      : spokenTime(b.hour, b.minute, lang);
  return `${spokenTime(a.hour, a.minute, lang)} – ${endText}`;
}

export interface DayBucket<T> {
  date: string;
  items: T[];
}

/**
 * The week grid: one bucket per day from `from` for `days` days, each with the items that
 * start that (local) day, in time order. Items outside the range are dropped.
 */
export function bucketByDay<T extends { start: string }>(
  items: T[],
  from: string,
  days: number,
): DayBucket<T>[] {
  const buckets: DayBucket<T>[] = Array.from({ length: days }, (_, i) => ({
    date: addDays(from, i),
    items: [],
  }));
  const index = new Map(buckets.map((b, i) => [b.date, i]));
  for (const item of items) {
    const i = index.get(localDate(item.start));
    if (i !== undefined) buckets[i]!.items.push(item);
  }
  for (const b of buckets) b.items.sort((x, y) => instantMs(x.start) - instantMs(y.start));
  return buckets;
}

/** The last day an exception covers: an absence ending at midnight ends the day before. */
export function lastCoveredDay(end: string): string {
  const p = parseInstant(end);
  if (!p) return end.slice(0, 10);
  return p.hour === 0 && p.minute === 0 ? addDays(p.date, -1) : p.date;
}

/** "HH:MM" → minutes, accepting "24:00"; null when malformed. */
export function parseHHMM(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (mi > 59 || h > 24 || (h === 24 && mi !== 0)) return null;
  return h * 60 + mi;
}

export function toHHMM(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
