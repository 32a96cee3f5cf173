// The objects of the health space's API (docs/health-space.md, issue 15): the patient's own
// files beside the practitioners' documents, the medical profile, and what the practitioner of
// a consultation reads of them. No Preact here; the requests are api.ts.
import type { CabinetDocument } from '../documents/types';

export type OwnKind =
  'prescription' | 'lab_result' | 'imaging' | 'letter' | 'vaccination' | 'other';
export const OWN_KINDS: readonly OwnKind[] = [
  'prescription',
  'lab_result',
  'imaging',
  'letter',
  'vaccination',
  'other',
];

/** A file the patient added ("Ajouté par vous"). */
export interface OwnFile {
  id: string;
  source: 'patient';
  kind: OwnKind;
  title: string;
  name: string;
  mime: string;
  size: number;
  /** Unix seconds (an ISO string is read too). */
  added_at: number | string;
  profile_id: string;
  hidden: boolean;
  url: string;
}

/** A practitioner's document as GET /me/documents lists it in the health space. */
export type IssuedDocument = CabinetDocument & {
  source?: 'practitioner';
  hidden?: boolean;
  url?: string;
};

export type HealthDocument = OwnFile | IssuedDocument;

/** The types the server accepts for own files (health.file_types), as the browser names them. */
export const OWN_FILE_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'application/rtf',
  'text/rtf',
  'image/tiff',
  'text/plain',
];

export type MedicalCategory =
  | 'medical_history'
  | 'surgical_history'
  | 'family_history'
  | 'allergy'
  | 'treatment'
  | 'vaccination'
  | 'note';

/** The page's order: allergies first for the practitioner, history first for the patient. */
export const MEDICAL_CATEGORIES: readonly MedicalCategory[] = [
  'medical_history',
  'surgical_history',
  'family_history',
  'allergy',
  'treatment',
  'vaccination',
  'note',
];

export interface MedicalItem {
  id?: string;
  category: MedicalCategory;
  label: string;
  detail: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null. */
  date: string | null;
  added_by?: { role: 'patient' | 'practitioner'; name: string };
  created_at?: number;
  updated_at?: number;
}

export interface MedicalProfile {
  profile_id: string;
  items: MedicalItem[];
  height_cm: number | null;
  weight_kg: string | null;
  pregnant: boolean;
  pregnancy_weeks: number | null;
  updated_at?: number | null;
}

/** One document in the practitioner's "Dossier du patient". */
export interface PatientDocItem {
  id: string;
  source: 'practitioner' | 'patient';
  kind: string;
  title: string;
  mime: string;
  added_at: number | string;
  practitioner: { name: string } | null;
  url: string;
}

export interface PatientDocuments {
  attached: PatientDocItem[];
  others: PatientDocItem[];
}
