// The queue's numbers as people say them: the hours of a queue ("Ouvert de 7 h à minuit",
// "Ouvre demain à 7 h"), the wait as a range ("environ 10 à 20 min"), a place in the queue
// ("Vous êtes 3e", "Vous êtes le prochain"), the practitioners on duty, the time waited. The
// words come from the messages (i18n fr-queue.ts / en-queue.ts), passed in, so that this stays
// free of Preact and is unit-tested in Node (format.test.ts).
import type { Lang } from '../lang';
import { fillText } from '../format';
import { daysBetween, formatDayLong, parseInstant } from '../booking/slots';
import type { WaitRange } from './types';

const NBSP = '\u00a0';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// --- Durations and ranges -----------------------------------------------------------------------

/** 45 → "45 min", 60 → "1 h", 70 → "1 h 10" (French) / "1 h 10 min" (English). */
export function durationText(minutes: number, lang: Lang): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m}${NBSP}min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (rest === 0) return `${h}${NBSP}h`;
  return lang === 'fr' ? `${h}${NBSP}h${NBSP}${pad(rest)}` : `${h}${NBSP}h${NBSP}${rest}${NBSP}min`;
}

export interface EstimateWords {
  /** "environ {low} à {high} min": both under an hour, the unit said once. */
  range: string;
  /** "environ {low} à {high}": each with its unit. */
  rangeLong: string;
  /** "environ {n}". */
  about: string;
  /** "moins de {n}". */
  under: string;
  /** Both ends at zero. */
  soon: string;
}

/** [10, 20] → "environ 10 à 20 min"; [0, 5] → "moins de 5 min"; [45, 70] → "environ 45 min à 1 h 10". */
export function waitText(range: WaitRange, w: EstimateWords, lang: Lang): string {
  const low = Math.max(0, Math.min(range[0], range[1]));
  const high = Math.max(0, range[0], range[1]);
  if (high === 0) return w.soon;
  if (low === 0) return fillText(w.under, { n: durationText(high, lang) });
  if (low === high) return fillText(w.about, { n: durationText(low, lang) });
  if (high < 60) return fillText(w.range, { low, high });
  return fillText(w.rangeLong, { low: durationText(low, lang), high: durationText(high, lang) });
}

// --- Place in the queue ---------------------------------------------------------------------------

/** 1 → "1er" / "1st", 3 → "3e" / "3rd", 12 → "12e" / "12th", 22 → "22e" / "22nd". */
export function ordinal(n: number, lang: Lang): string {
  if (lang === 'fr') return n === 1 ? '1er' : `${n}e`;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

export interface PositionWords {
  /** Position 1: "Vous êtes le prochain". */
  next: string;
  /** "Vous êtes {nth}". */
  nth: string;
  /** Announced when the place changes: "Vous êtes maintenant {nth}." */
  nowNth: string;
  nowNext: string;
}

/** "Vous êtes le prochain", "Vous êtes 3e". */
export function positionText(position: number, w: PositionWords, lang: Lang): string {
  return position <= 1 ? w.next : fillText(w.nth, { nth: ordinal(position, lang) });
}

/** What the live region says when the place changes: "Vous êtes maintenant 2e." */
export function positionNews(position: number, w: PositionWords, lang: Lang): string {
  return position <= 1 ? w.nowNext : fillText(w.nowNth, { nth: ordinal(position, lang) });
}

// --- Counts -----------------------------------------------------------------------------------------

export interface CountWords {
  none: string;
  one: string;
  /** With {n}. */
  many: string;
}

/** "Aucun praticien disponible", "1 praticien disponible", "3 praticiens disponibles". */
export function countText(n: number, w: CountWords): string {
  if (n <= 0) return w.none;
  if (n === 1) return w.one;
  return fillText(w.many, { n });
}

// --- Opening hours ------------------------------------------------------------------------------------

export interface HoursWords {
  /** "Ouvert de {from} à {to}". */
  openRange: string;
  /** "Ouvert jusqu'à {to}". */
  openUntil: string;
  allDay: string;
  /** "Ouvre à {time}", "Ouvre demain à {time}", "Ouvre {day} à {time}". */
  opensToday: string;
  opensTomorrow: string;
  opensOn: string;
  open: string;
  closed: string;
  midnight: string;
  noon: string;
}

/** The wall clock written in an instant, said aloud: "7 h", "7 h 30", "minuit"; "07:30" in English. */
export function clockText(
  iso: string,
  w: Pick<HoursWords, 'midnight' | 'noon'>,
  lang: Lang,
): string {
  const p = parseInstant(iso);
  if (!p) return '';
  if (p.minute === 0 && p.hour === 0) return w.midnight;
  if (p.minute === 0 && p.hour === 12) return w.noon;
  if (lang === 'fr')
    return p.minute === 0 ? `${p.hour}${NBSP}h` : `${p.hour}${NBSP}h${NBSP}${pad(p.minute)}`;
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Days from `now` to the instant's own date, both read in the instant's offset (0: today). */
export function daysUntil(iso: string, now: number): number {
  const p = parseInstant(iso);
  if (!p) return 0;
  const today = new Date(now + p.offset * 60_000).toISOString().slice(0, 10);
  return daysBetween(today, p.date);
}

const DAY_MS = 86_400_000;

/**
 * A queue's hours, from its current or next window: open, "Ouvert de 7 h à minuit"; closed,
 * "Ouvre à 7 h" (today), "Ouvre demain à 7 h", "Ouvre lundi 24 novembre à 7 h".
 */
export function hoursText(
  q: { open: boolean; opens_at: string | null; closes_at: string | null },
  now: number,
  w: HoursWords,
  lang: Lang,
): string {
  if (q.open) {
    if (q.opens_at && q.closes_at) {
      if (Date.parse(q.closes_at) - Date.parse(q.opens_at) >= DAY_MS) return w.allDay;
      return fillText(w.openRange, {
        from: clockText(q.opens_at, w, lang),
        to: clockText(q.closes_at, w, lang),
      });
    }
    if (q.closes_at) return fillText(w.openUntil, { to: clockText(q.closes_at, w, lang) });
    return w.open;
  }
  if (!q.opens_at) return w.closed;
  const time = clockText(q.opens_at, w, lang);
  const days = daysUntil(q.opens_at, now);
  if (days <= 0) return fillText(w.opensToday, { time });
  if (days === 1) return fillText(w.opensTomorrow, { time });
  const date = parseInstant(q.opens_at)?.date ?? '';
  return fillText(w.opensOn, { day: formatDayLong(date, lang), time });
}

// --- Waited time ---------------------------------------------------------------------------------------

/**
 * Whole minutes a patient has waited: from `joined_at` against the clock when it reads, else
 * the server's count (which ages between two reads of the list).
 */
export function waitedMinutes(
  item: { joined_at: string; waited_minutes: number },
  now: number,
): number {
  const since = Date.parse(item.joined_at);
  if (Number.isNaN(since)) return item.waited_minutes;
  return Math.max(0, Math.floor((now - since) / 60_000));
}

// --- Fee and end of an entry --------------------------------------------------------------------

export interface FeeWords {
  /** "{amount}, non remboursables". */
  amount: string;
  /** "offerts ({why})". */
  waivedWhy: string;
  waived: string;
}

/**
 * The service fee's value: "5,00 €, non remboursables", or "offerts (CSS)". The reason of a
 * waiver is read as a code (css, ald: said as their acronyms) or, with spaces, as the server's
 * own words.
 */
export function feeText(
  q: { fee_cents: number; fee_waived: boolean; fee_waived_reason?: string | null | undefined },
  amount: (cents: number) => string,
  w: FeeWords,
): string {
  if (!q.fee_waived) return fillText(w.amount, { amount: amount(q.fee_cents) });
  const reason = (q.fee_waived_reason ?? '').trim();
  if (!reason) return w.waived;
  const why = /\s/.test(reason)
    ? reason
    : reason
        .split(/[^a-z0-9]+/i)
        .filter(Boolean)
        .map((x) => x.toUpperCase())
        .join('/');
  return fillText(w.waivedWhy, { why });
}

export interface EndWords {
  /** The page stayed closed longer than the grace. */
  gone: string;
  /** Called twice without joining the room. */
  noAnswer: string;
  closed: string;
  generic: string;
}

/**
 * Why an entry was removed. The contract names `end_reason` but not its values: the likely
 * codes get a sentence, a sentence from the server is shown as is, anything else the generic.
 */
export function endReasonText(reason: string | null, w: EndWords): string {
  const r = (reason ?? '').trim();
  if (!r) return w.generic;
  if (/\s/.test(r)) return r;
  if (/grace|gone|disconnect|timeout|absent|away/i.test(r)) return w.gone;
  if (/answer|missed|skip|no_show/i.test(r)) return w.noAnswer;
  if (/closed/i.test(r)) return w.closed;
  return w.generic;
}
