// The operator's platform settings (docs/operator.md "Settings"): the API calls, and how each
// key's value — text as cabinet.toml writes it ("500", "10m", "5MiB", "07:00-24:00",
// "300/10m") — becomes the form's fields in plain units (€, minutes, hours, Mo) and back.
import { api } from '../api';
import { formatAmount, parseAmount } from '../booking/payment';
import type { Lang } from '../lang';

export type Group = 'teleconsultation' | 'queue' | 'files' | 'reminders' | 'limits' | 'security';
export const GROUPS: Group[] = [
  'queue',
  'teleconsultation',
  'files',
  'reminders',
  'security',
  'limits',
];

export interface SettingKey {
  key: string;
  group: Group;
  value: string;
  default: string;
  changed: boolean;
  changed_at: string | null;
  help: string;
}

export interface Settings {
  version: number;
  settings: Record<string, string>;
  keys: SettingKey[];
}

export interface HistoryItem {
  version: number;
  key: string;
  old_value: string | null;
  new_value: string | null;
  old_default: boolean;
  new_default: boolean;
  by: string;
  at: string;
}

export interface Figure {
  item: string;
  cents?: number;
  percent?: number;
  session_cents?: number;
  annual_cap_cents?: number;
  sessions_per_year?: number;
  valid_from: string | null;
  source: string;
  to_verify: boolean;
}

export interface TariffFile {
  file: string;
  comment: string;
  figures: Figure[];
}

/** GET /operator/settings. */
export function fetchSettings(signal: AbortSignal): Promise<Settings> {
  return api.get<Settings>('/operator/settings', { signal });
}

/** PATCH /operator/settings: null puts a key back to cabinet.toml's default. All or nothing. */
export function patchSettings(changes: Record<string, string | null>): Promise<Settings> {
  return api.patch<Settings>('/operator/settings', changes);
}

/** GET /operator/settings/history: newest first. */
export function fetchHistory(signal: AbortSignal): Promise<{ items: HistoryItem[] }> {
  return api.get<{ items: HistoryItem[] }>('/operator/settings/history', { signal });
}

/** GET /operator/settings/tariffs: the data files' figures, read-only. */
export function fetchTariffs(signal: AbortSignal): Promise<{ files: TariffFile[] }> {
  return api.get<{ files: TariffFile[] }>('/operator/settings/tariffs', { signal });
}

/** How a key is edited: its unit and how many fields. */
export type Kind =
  | 'euros'
  | 'minutes'
  | 'hours'
  | 'mo'
  | 'window'
  | 'types'
  | 'specialties'
  | 'roles'
  | 'count'
  | 'limit';

const KINDS: Record<string, Kind> = {
  'agenda.video_window': 'window',
  'booking.room_opens': 'minutes',
  'queue.specialties': 'specialties',
  'queue.hours': 'window',
  'queue.fee_cents': 'euros',
  'queue.price_cents': 'euros',
  'health.file_types': 'types',
  'health.file_max_size': 'mo',
  'consultation.file_types': 'types',
  'consultation.file_max_size': 'mo',
  'booking.reminder_day_before': 'hours',
  'booking.reminder_hours_before': 'hours',
  'booking.reminder_link': 'minutes',
  'security.password_min_length': 'count',
  'security.strong_factor_roles': 'roles',
  'limits.free_failures': 'count',
  'limits.max_delay': 'minutes',
};

export function kindOf(key: string): Kind {
  return KINDS[key] ?? (key.startsWith('limits.') ? 'limit' : 'count');
}

/** "90s" → 90, "10m" → 600, "2h" → 7200, "500ms" → 0.5; null if not a duration. */
export function durationSeconds(text: string): number | null {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n;
}

/** "5MiB" → 5 × 1024², "64KiB" → 65536, "512" → 512; null if not a size. */
export function sizeBytes(text: string): number | null {
  const m = /^(\d+)(B|K|KiB|M|MiB|G|GiB)?$/.exec(text.trim());
  if (!m) return null;
  const scale: Record<string, number> = { B: 1, K: 1024, KiB: 1024, M: 1024 ** 2, MiB: 1024 ** 2 };
  scale.G = scale.GiB = 1024 ** 3;
  return Number(m[1]) * (scale[m[2] ?? 'B'] ?? 1);
}

function decimal(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 3,
    useGrouping: false,
  }).format(n);
}

/** "7,5" or "7.5" → 7.5; null if not a non-negative number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** The form's fields for a value (one per part: a window has two, a limit two). */
export function toParts(kind: Kind, value: string, lang: Lang): string[] {
  switch (kind) {
    case 'euros':
      return [decimal(Number(value) / 100, lang)];
    case 'minutes': {
      const s = durationSeconds(value);
      return [s === null ? value : decimal(s / 60, lang)];
    }
    case 'hours': {
      const s = durationSeconds(value);
      return [s === null ? value : decimal(s / 3600, lang)];
    }
    case 'mo': {
      const b = sizeBytes(value);
      return [b === null ? value : decimal(b / 1024 ** 2, lang)];
    }
    case 'window': {
      const [start = '', end = ''] = value.split('-');
      return [start, end];
    }
    case 'limit': {
      const [max = '', window = ''] = value.split('/');
      const s = durationSeconds(window);
      return [max, s === null ? window : decimal(s / 60, lang)];
    }
    case 'types':
      return [value.split(',').join(', ')];
    default:
      return [value];
  }
}

/** The value to send for the fields, or null when a field is not a number where one is due. */
export function fromParts(kind: Kind, parts: string[]): string | null {
  const [a = '', b = ''] = parts;
  switch (kind) {
    case 'euros': {
      const cents = parseAmount(a);
      return cents === null ? null : String(cents);
    }
    case 'minutes': {
      const n = parseDecimal(a);
      return n === null ? null : `${Math.round(n * 60)}s`;
    }
    case 'hours': {
      const n = parseDecimal(a);
      return n === null ? null : `${Math.round(n * 60)}m`;
    }
    case 'mo': {
      const n = parseDecimal(a);
      return n === null ? null : `${Math.round(n * 1024)}KiB`;
    }
    case 'window':
      return `${a.trim()}-${b.trim()}`;
    case 'limit': {
      const n = parseDecimal(b);
      if (!/^\d+$/.test(a.trim()) || n === null) return null;
      return `${a.trim()}/${Math.round(n * 60)}s`;
    }
    case 'count':
      return /^\d+$/.test(a.trim()) ? a.trim() : null;
    default:
      return a
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(',');
  }
}

/** Whether two values say the same ("10m" and "600s", "5MiB" and "5120KiB"). */
export function sameValue(kind: Kind, x: string, y: string): boolean {
  if (x === y) return true;
  switch (kind) {
    case 'minutes':
    case 'hours':
      return durationSeconds(x) !== null && durationSeconds(x) === durationSeconds(y);
    case 'mo':
      return sizeBytes(x) !== null && sizeBytes(x) === sizeBytes(y);
    case 'limit': {
      const [mx, wx = ''] = x.split('/');
      const [my, wy = ''] = y.split('/');
      return mx === my && durationSeconds(wx) === durationSeconds(wy);
    }
    default:
      return false;
  }
}

/** A value in words with its unit, for the defaults and the history. */
export function describe(
  kind: Kind,
  value: string,
  lang: Lang,
  units: { minutes: string; hours: string; mo: string; per: string; none: string },
  labels: (code: string) => string = (c) => c,
): string {
  const parts = toParts(kind, value, lang);
  switch (kind) {
    case 'euros':
      return formatAmount(Number(value), lang);
    case 'minutes':
      return `${parts[0]} ${units.minutes}`;
    case 'hours':
      return `${parts[0]} ${units.hours}`;
    case 'mo':
      return `${parts[0]} ${units.mo}`;
    case 'window':
      return `${parts[0]} – ${parts[1]}`;
    case 'limit':
      return `${parts[0]} ${units.per} ${parts[1]} ${units.minutes}`;
    case 'specialties':
    case 'roles':
    case 'types': {
      const items = value.split(',').filter(Boolean);
      return items.length ? items.map(labels).join(', ') : units.none;
    }
    default:
      return value;
  }
}
