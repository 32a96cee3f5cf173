// The medical profile as a form (issue 15, DOC5): items by section with a label, a detail and a
// date of the precision people remember (a year, a month or a day), height, weight, pregnancy;
// what the page checks before PUT, and the server's `items[3].label` brought back to its line.
// No Preact here (medical.test.ts).
import type { MedicalCategory, MedicalItem, MedicalProfile } from './types';

export interface ItemDraft {
  key: number;
  id?: string;
  category: MedicalCategory;
  label: string;
  detail: string;
  /** As typed: "2019", "03/2019", "12/03/2019". */
  date: string;
  added_by?: MedicalItem['added_by'];
}

export interface MedicalForm {
  items: ItemDraft[];
  height: string;
  weight: string;
  pregnant: boolean;
  weeks: string;
}

export const LABEL_MAX = 120;
export const DETAIL_MAX = 1000;

let nextKey = 0;
export function newItem(category: MedicalCategory, over: Partial<ItemDraft> = {}): ItemDraft {
  nextKey += 1;
  return { key: nextKey, category, label: '', detail: '', date: '', ...over };
}

/** "2019-03" → "03/2019": how the field shows a stored date. */
export function dateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  if (d) return `${d}/${m}/${y}`;
  if (m) return `${m}/${y}`;
  return y ?? '';
}

/** "3/2019" → "2019-03"; '' → null; something unreadable → undefined. */
export function parseDateInput(text: string): string | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const p2 = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})$/.exec(s);
  if (m) return m[1]!;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${p2(m[1]!)}` : undefined;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDay(`${m[3]}-${p2(m[2]!)}-${p2(m[1]!)}`);
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (m) return m[3] ? validDay(s) : Number(m[2]) >= 1 && Number(m[2]) <= 12 ? s : undefined;
  return undefined;
}

function validDay(iso: string): string | undefined {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** Not in the future: compared at the precision given ("2026-12" in December 2026 is fine). */
export function isFuture(iso: string, today: Date): boolean {
  const p = (n: number) => String(n).padStart(2, '0');
  const now = `${today.getFullYear()}-${p(today.getMonth() + 1)}-${p(today.getDate())}`;
  return iso > now.slice(0, iso.length);
}

export function fromProfile(p: MedicalProfile | undefined): MedicalForm {
  return {
    items: (p?.items ?? []).map((i) =>
      newItem(i.category, {
        ...(i.id ? { id: i.id } : {}),
        label: i.label,
        detail: i.detail ?? '',
        date: dateInput(i.date),
        ...(i.added_by ? { added_by: i.added_by } : {}),
      }),
    ),
    height: p?.height_cm ? String(p.height_cm) : '',
    weight: p?.weight_kg ?? '',
    pregnant: p?.pregnant ?? false,
    weeks:
      p?.pregnancy_weeks === null || p?.pregnancy_weeks === undefined
        ? ''
        : String(p.pregnancy_weeks),
  };
}

const blank = (i: ItemDraft) => !i.label.trim() && !i.detail.trim() && !i.date.trim();

export type MedicalProblem =
  | 'label_missing'
  | 'label_long'
  | 'detail_long'
  | 'date_invalid'
  | 'date_future'
  | 'height'
  | 'weight'
  | 'weeks';

/** The form's problems by field key: `items.<key>.label`, `height`, `weight`, `weeks`. */
export function checkMedical(
  f: MedicalForm,
  today: Date = new Date(),
): Record<string, MedicalProblem> {
  const out: Record<string, MedicalProblem> = {};
  for (const i of f.items) {
    if (blank(i)) continue;
    const k = `items.${i.key}`;
    if (!i.label.trim()) out[`${k}.label`] = 'label_missing';
    else if (i.label.trim().length > LABEL_MAX) out[`${k}.label`] = 'label_long';
    if (i.detail.length > DETAIL_MAX) out[`${k}.detail`] = 'detail_long';
    const date = parseDateInput(i.date);
    if (date === undefined) out[`${k}.date`] = 'date_invalid';
    else if (date && isFuture(date, today)) out[`${k}.date`] = 'date_future';
  }
  if (f.height.trim()) {
    const h = Number(f.height.trim());
    if (!Number.isInteger(h) || h < 20 || h > 250) out.height = 'height';
  }
  if (f.weight.trim()) {
    const w = Number(f.weight.trim().replace(',', '.'));
    if (!Number.isFinite(w) || w < 0.5 || w > 400) out.weight = 'weight';
  }
  if (f.pregnant && f.weeks.trim()) {
    const w = Number(f.weeks.trim());
    if (!Number.isInteger(w) || w < 0 || w > 45) out.weeks = 'weeks';
  }
  return out;
}

/** The PUT body, and which line each sent item came from (to place the server's errors). */
export function toBody(profile: string, f: MedicalForm): { body: MedicalProfile; keys: number[] } {
  const kept = f.items.filter((i) => !blank(i));
  return {
    keys: kept.map((i) => i.key),
    body: {
      profile_id: profile,
      items: kept.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        category: i.category,
        label: i.label.trim(),
        detail: i.detail.trim(),
        date: parseDateInput(i.date) ?? null,
      })),
      height_cm: f.height.trim() ? Number(f.height.trim()) : null,
      weight_kg: f.weight.trim() || null,
      pregnant: f.pregnant,
      pregnancy_weeks: f.pregnant && f.weeks.trim() ? Number(f.weeks.trim()) : null,
    },
  };
}

/** The server's field ("items[3].label", "height_cm") as the form's key, or null. */
export function formField(field: string | undefined, keys: readonly number[]): string | null {
  if (!field) return null;
  const m = /^items\[(\d+)\]\.(label|detail|date|category)$/.exec(field);
  if (m) {
    const key = keys[Number(m[1])];
    return key === undefined ? null : `items.${key}.${m[2] === 'category' ? 'label' : m[2]}`;
  }
  return (
    { height_cm: 'height', weight_kg: 'weight', pregnancy_weeks: 'weeks', pregnant: 'weeks' }[
      field
    ] ?? null
  );
}

/** The profile's allergies, as declared: what the prescription is compared with. */
export function allergyLabels(p: MedicalProfile | undefined | null): string[] {
  return (p?.items ?? []).filter((i) => i.category === 'allergy').map((i) => i.label);
}

/** For the practitioner: allergies first, then the rest in the page's order. */
export function practitionerOrder(cats: readonly MedicalCategory[]): MedicalCategory[] {
  return ['allergy', ...cats.filter((c) => c !== 'allergy')];
}

const MONTHS: Record<'fr' | 'en', string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "2019" → "2019", "2019-03" → "mars 2019", "2019-03-12" → "12 mars 2019". */
export function itemDate(iso: string | null | undefined, lang: 'fr' | 'en'): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  const month = m ? MONTHS[lang][Number(m) - 1] : undefined;
  if (!month) return y ?? '';
  if (!d) return `${month} ${y}`;
  return lang === 'fr' ? `${Number(d)} ${month} ${y}` : `${month} ${Number(d)}, ${y}`;
}
