// The objects of the directory and agenda API, as docs/directory.md describes them, and the
// small pure helpers the pages share (names, prices, motifs of a mode).
export type Mode = 'video' | 'in_person';
export type MotifMode = Mode | 'both';
export type Sector = '1' | '2' | '2_optam' | 'nc';
export type PaymentMode = 'card' | 'cheque' | 'cash' | 'transfer';

export const SECTORS: Sector[] = ['1', '2_optam', '2', 'nc'];
export const PAYMENT_MODES: PaymentMode[] = ['card', 'cheque', 'cash', 'transfer'];

export interface Specialty {
  id: string;
  label: string;
  direct_access: boolean;
  teleconsultation_reimbursed: boolean;
}

export interface Place {
  code: string;
  name: string;
  postcode: string;
  department: string;
  lat: number;
  lng: number;
  label: string;
}

export interface Slot {
  start: string;
  end: string;
  mode: Mode;
}

export interface Address {
  line: string;
  postcode: string;
  city: string;
}

interface PractitionerBase {
  id: string;
  name: string;
  specialty: { id: string; label: string };
  photo_url: string | null;
  address: Address | null;
  video: boolean;
  in_person: boolean;
  sector: Sector;
  tiers_payant: boolean;
  carte_vitale: boolean;
  languages: string[];
}

export interface Summary extends PractitionerBase {
  distance_km: number | null;
  next_slots: Slot[];
}

export interface Motif {
  id: string;
  /** French, always there. */
  label: string;
  /** The practitioner's English label, if they gave one. */
  label_en?: string | null;
  duration_min: number;
  mode: MotifMode;
  price_cents: number;
}

/** A motif's two labels, as the profile, the motifs list and appointments carry them. */
export interface MotifLabels {
  label: string;
  label_en?: string | null;
}

/**
 * The motif label to show in the UI's language: in English, the practitioner's English label
 * when there is one; otherwise the French label, with `french` set when the page is English so
 * that it can be marked as French (lang="fr", "(in French)").
 */
export function motifText(m: MotifLabels, lang: 'fr' | 'en'): { text: string; french: boolean } {
  const en = m.label_en?.trim();
  if (lang === 'en' && en) return { text: en, french: false };
  return { text: m.label, french: lang === 'en' };
}

export interface OpeningRange {
  weekday: number;
  mode: Mode;
  start: string;
  end: string;
}

export interface PublicProfile extends PractitionerBase {
  rpps: string;
  presentation: string | null;
  payment_modes: PaymentMode[];
  timezone: string;
  phone: string | null;
  motifs: Motif[];
  opening_hours: OpeningRange[];
  delay_minutes: number;
}

export interface OwnProfile extends PublicProfile {
  status: 'pending' | 'verified' | 'rejected';
  published: boolean;
  commune: Place | null;
  min_notice_minutes: number;
  horizon_days: number;
  closed_on_public_holidays: boolean;
}

export interface SearchResult {
  items: Summary[];
  page: number;
  per_page: number;
  total: number;
  /** The place searched around; only its coordinates when `near` was given as "lat,lng". */
  near: Place | { lat: number; lng: number } | null;
}

export interface SlotsResult {
  slots: Slot[];
  timezone: string;
}

export type ExceptionKind = 'absence' | 'block' | 'extra';

export interface AgendaException {
  id: string;
  kind: ExceptionKind;
  start: string;
  end: string;
  mode: Mode | null;
  note: string | null;
}

export interface AgendaDay {
  date: string;
  holiday: string | null;
  open: Slot[];
  free: Slot[];
  blocked: AgendaException[];
  appointments: Array<{ id?: string; start: string; end: string; mode?: Mode }>;
}

export interface AgendaView {
  timezone: string;
  delay_minutes: number;
  days: AgendaDay[];
}

export interface WeeklyHours {
  timezone: string;
  hours: OpeningRange[];
}

/** "Dr Camille Durand" → "CD": the avatar of a practitioner without a photo. */
export function initials(name: string): string {
  const words = name
    .replace(/^(Dr|Pr|Dre|Mme|M\.)\s+/i, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** 3000 → "30 €", 2550 → "25,50 €" (French), "€30", "€25.50" (English). */
export function formatPrice(cents: number, lang: 'fr' | 'en'): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** "25", "25,50", "25.5" → cents; null when it is not an amount. */
export function parsePrice(text: string): number | null {
  const t = text.replace(/\s|€/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** Distance as people read it: "800 m", "2,4 km", "12 km". */
export function formatDistance(km: number, lang: 'fr' | 'en'): string {
  if (km < 1) return `${Math.max(100, Math.round((km * 1000) / 100) * 100)}\u00a0m`;
  const value = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(value)}\u00a0km`;
}

/** The motifs a patient can book in `mode` (a "both" motif fits either). */
export function motifsFor(motifs: Motif[], mode: Mode): Motif[] {
  return motifs.filter((m) => m.mode === mode || m.mode === 'both');
}

/** The modes a practitioner offers, video first. */
export function modesOf(p: { video: boolean; in_person: boolean }): Mode[] {
  return [
    ...(p.video ? (['video'] as const) : []),
    ...(p.in_person ? (['in_person'] as const) : []),
  ];
}

/** Language names in the user's language ("en" → "anglais"), capitalised for lists. */
export function languageName(code: string, lang: 'fr' | 'en'): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return code;
  }
}

/** Languages offered in the filter and the profile editor (ISO 639-1), French first. */
export const COMMON_LANGUAGES = [
  'fr',
  'en',
  'es',
  'de',
  'it',
  'pt',
  'ar',
  'zh',
  'ru',
  'tr',
  'nl',
  'pl',
  'ro',
  'uk',
  'vi',
  'ht',
];

/** Normalises a name for matching: no accents, lower case, single spaces, "st" = "saint". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The specialty a free text names, if any: "médecin généraliste" → Médecine générale,
 * "pédiatre" → Pédiatrie, "orl" → ORL. Each word of the text must share its stem (at least
 * 6 letters, or the whole word when shorter) with a word of the label, in order.
 */
export function matchSpecialty(text: string, specialties: Specialty[]): Specialty | null {
  const words = fold(text).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  let best: { s: Specialty; score: number } | null = null;
  for (const s of specialties) {
    const label = fold(s.label)
      .split(' ')
      .filter((w) => w.length > 2 || words.includes(w));
    if (fold(s.label) === words.join(' ') || fold(s.id.replace(/_/g, ' ')) === words.join(' '))
      return s;
    let j = 0;
    let score = 0;
    let ok = true;
    for (const w of words) {
      if (w.length <= 2 && !label.includes(w)) continue; // "de", "en"
      let found = false;
      for (; j < label.length; j++) {
        const need = Math.min(6, w.length, label[j]!.length);
        const shared = commonPrefix(w, label[j]!);
        if (shared >= need && (shared >= 4 || shared === w.length)) {
          score += shared;
          found = true;
          j++;
          break;
        }
      }
      if (!found) {
        ok = false;
        break;
      }
    }
    if (ok && score > 0 && (!best || score > best.score)) best = { s, score };
  }
  return best?.s ?? null;
}
