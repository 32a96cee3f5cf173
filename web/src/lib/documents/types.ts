// The objects of the documents API (docs/documents.md, issue 14): what the patient, the
// practitioner and the pharmacist read, and the closing form the practitioner sends. No
// Preact here; the requests are api.ts, the rules documents.ts and closeForm.ts.

export type DocumentKind = 'report' | 'prescription' | 'sick_leave' | 'certificate' | 'care_sheet';
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'report',
  'prescription',
  'sick_leave',
  'certificate',
  'care_sheet',
];

export type PharmacyStatus = 'sent' | 'prepared' | 'ready' | 'dispensed';

export interface DocumentPharmacy {
  id: string;
  name: string;
  city: string;
  status: PharmacyStatus;
  /** Unix seconds (or ISO, as elsewhere in the API). */
  updated_at: number | string;
}

/** An issued document: immutable; a correction is a new version that replaces it. */
export interface CabinetDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Unix seconds (an ISO string is read too). */
  issued_at: number | string;
  practitioner: { id: string; name: string };
  consultation_id: string;
  profile_id: string;
  version: number;
  replaces: string | null;
  replaced_by: string | null;
  /** Numbers from the built-in stand-ins: "Document de démonstration". */
  standin: boolean;
  /** Prescriptions only. */
  number?: string | null;
  pharmacy?: DocumentPharmacy | null;
  dispensed?: boolean;
}

/** One entry of GET /certificates. */
export interface CertificateType {
  type: string;
  label: string;
  requires_examination: boolean;
  reason: string | null;
}

/** One answer of GET /drugs?q=. */
export interface Drug {
  id: string;
  name: string;
  form: string;
  strength: string;
  substances: string[];
  source: 'builtin' | 'bdpm' | string;
}

/** One answer of GET /pharmacies. */
export interface Pharmacy {
  id: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  phone: string | null;
}

// --- The closing form (POST /consultations/{id}/close; the draft has the same shape) -----------

export interface DrugLineBody {
  name: string;
  strength: string;
  form: string;
  posology: string;
  duration: string;
  renewals: number;
  drug_id: string | null;
}

export interface CloseBody {
  amount_cents?: number;
  css_ame?: boolean;
  report?: { history: string; findings: string; conclusion: string; advice: string } | null;
  prescription?: {
    drugs: DrugLineBody[];
    tests: string[];
    other: string[];
    /** As typed ("12,5"): the server reads a text (src/documents/parts.cpp). */
    weight_kg: string | null;
  } | null;
  sick_leave?: {
    from: string;
    to: string;
    prolongation: boolean;
    in_person_impossible: boolean;
    outings: 'free' | 'restricted';
    reason: string;
  } | null;
  certificates?: Array<{ type: string; text: string }> | null;
  care_sheet?: boolean;
}

export interface CloseAnswer {
  appointment: unknown;
  documents: CabinetDocument[];
}

// --- The pharmacist's page (GET /prescriptions/{number}?key=) ----------------------------------

export interface PrescriptionItem {
  name?: string;
  strength?: string;
  form?: string;
  posology?: string;
  duration?: string;
  renewals?: number;
  /** A test or another line. */
  text?: string;
  kind?: string;
}

export interface Verification {
  valid: boolean;
  dispensed: boolean;
  issued_at?: number | string;
  practitioner?: { name: string; rpps: string };
  patient?: { name: string; birth_date: string | null };
  items?: Array<PrescriptionItem | string>;
  authentic?: boolean;
  standin?: boolean;
  dispensed_at?: number | string | null;
  /** A correction replaced it: the old paper is no longer valid (then `valid` is false). */
  replaced?: boolean;
}
