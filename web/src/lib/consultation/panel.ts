// The practitioner's side panel (ROOM9): its answer read (the patient's file, the shared files,
// private notes; the request is api.ts), and the patient's coverage as label/value lines. The
// server sends an object of strings and booleans whose keys may grow; known keys get their
// French (or English) label, unknown ones a readable form of the key, so nothing is hidden.
import type { PhoneFallback } from './consultation';
import { readFiles, type SharedFile } from './files';
import { ageOn } from '../validate';

/** The practitioner's side panel (ROOM9): the patient's file, the shared files, private notes. */
export interface PanelPatient {
  first_name: string;
  last_name: string;
  birth_date?: string | null;
  age?: number | null;
  sex?: string | null;
  phone?: string | null;
  email?: string | null;
  coverage?: Record<string, unknown> | null;
}

export interface Panel {
  patient: PanelPatient;
  files: SharedFile[];
  notes: { text: string; updated_at: string | number | null };
  phone_fallback: PhoneFallback | null;
}

/** What GET /consultations/{id}/panel answers, before readPanel. */
export type PanelAnswer = Partial<Panel> & { patient: PanelPatient };

/** The panel from its answer: files read, notes and the phone switch defaulted. */
export function readPanel(p: PanelAnswer): Panel {
  return {
    patient: p.patient,
    files: readFiles(p.files),
    notes: {
      text: typeof p.notes?.text === 'string' ? p.notes.text : '',
      updated_at: p.notes?.updated_at ?? null,
    },
    phone_fallback: p.phone_fallback ?? null,
  };
}

export interface CoverageRow {
  key: string;
  label: string;
  value: string;
}

export interface CoverageWords {
  labels: Record<string, string>;
  yes: string;
  no: string;
}

/** "tiers_payant" → "Tiers payant": the fallback label of a key we do not know. */
export function keyLabel(key: string): string {
  const words = key.replace(/[_.-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function valueText(v: unknown, w: CoverageWords): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueText(x, w)).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof v === 'object') {
    const parts = Object.values(v as Record<string, unknown>)
      .map((x) => valueText(x, w))
      .filter((x): x is string => !!x);
    return parts.length ? parts.join(' · ') : null;
  }
  return null;
}

/** The coverage's lines, known keys first in the order of `labels`, empty values left out. */
export function coverageRows(
  coverage: Record<string, unknown> | null | undefined,
  w: CoverageWords,
): CoverageRow[] {
  if (!coverage || typeof coverage !== 'object') return [];
  const known = Object.keys(w.labels);
  const keys = Object.keys(coverage).sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
  });
  const rows: CoverageRow[] = [];
  for (const key of keys) {
    const value = valueText(coverage[key], w);
    if (value !== null) rows.push({ key, label: w.labels[key] ?? keyLabel(key), value });
  }
  return rows;
}

/** The patient's age in whole years: the server's `age`, else from the birth date. */
export function panelAge(
  p: Pick<PanelPatient, 'age' | 'birth_date'>,
  today: Date = new Date(),
): number | null {
  if (typeof p.age === 'number') return p.age;
  return p.birth_date ? ageOn(p.birth_date, today) : null;
}
