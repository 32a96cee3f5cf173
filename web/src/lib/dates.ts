// Dates as people say them (shared/UX.md): "aujourd'hui à 9 h 30", "hier à 18 h 15",
// "lundi 7 décembre à 18 h 15" (the year only when it is not this one), "2 avril 1990".
import type { Lang } from './lang';

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const WORDS: Record<Lang, { today: string; yesterday: string; at: string }> = {
  fr: { today: 'aujourd’hui', yesterday: 'hier', at: 'à' },
  en: { today: 'today', yesterday: 'yesterday', at: 'at' },
};

/** Accepts the API's Unix seconds or an ISO string. */
export function toDate(value: number | string): Date {
  return typeof value === 'number' ? new Date(value * 1000) : new Date(value);
}

/** "18 h 15" in French (the French way, not "18:15"), "18:15" in English. */
export function formatTime(d: Date, lang: Lang): string {
  const h = d.getHours();
  const m = String(d.getMinutes()).padStart(2, '0');
  return lang === 'fr' ? `${h}\u00a0h\u00a0${m}` : `${String(h).padStart(2, '0')}:${m}`;
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

export function formatDateTime(value: number | string, lang: Lang, now: Date = new Date()): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return '';
  const w = WORDS[lang];
  const time = formatTime(d, lang);
  if (sameDay(d, now)) return `${w.today} ${w.at} ${time}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(d, yesterday)) return `${w.yesterday} ${w.at} ${time}`;
  const day = new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(d);
  return `${day} ${w.at} ${time}`;
}

/** A calendar date "YYYY-MM-DD" (birth dates: no time zone involved) → "2 avril 1990". */
export function formatBirthDate(iso: string | null, lang: Lang): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** Minutes to wait, rounded up, at least 1: "réessayez dans 3 minutes". */
export function minutesFromSeconds(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
