// The patient's documents as lists (issue 14): newest first, filtered by kind and practitioner,
// one consultation's, a live message merged in, the practitioners to filter by, and what a
// version says ("remplace la version du …"). No Preact here (documents.test.ts).
import {
  DOCUMENT_KINDS,
  type CabinetDocument,
  type DocumentKind,
  type Verification,
} from './types';

/** The API's Unix seconds (or an ISO string) as milliseconds; 0 when unreadable. */
export function issuedMs(d: Pick<CabinetDocument, 'issued_at'>): number {
  const v = d.issued_at;
  const ms = typeof v === 'number' ? (v < 1e12 ? v * 1000 : v) : Date.parse(v);
  return Number.isNaN(ms) ? 0 : ms;
}

const kindRank = (k: DocumentKind) => {
  const i = DOCUMENT_KINDS.indexOf(k);
  return i < 0 ? DOCUMENT_KINDS.length : i;
};

/**
 * Newest first. Documents of the same moment (one close issues them all) in the order of the
 * closing form: compte-rendu, ordonnance, arrêt, certificat, feuille de soins; then the later
 * version first, then by id (stable).
 */
export function newestFirst(list: readonly CabinetDocument[]): CabinetDocument[] {
  return [...list].sort(
    (a, b) =>
      issuedMs(b) - issuedMs(a) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      b.version - a.version ||
      a.id.localeCompare(b.id),
  );
}

export interface DocumentFilter {
  kind: DocumentKind | '';
  practitioner: string;
  profile: string | null;
}

export function filterDocuments(
  list: readonly CabinetDocument[],
  f: DocumentFilter,
): CabinetDocument[] {
  return newestFirst(
    list.filter(
      (d) =>
        (!f.kind || d.kind === f.kind) &&
        (!f.practitioner || d.practitioner.id === f.practitioner) &&
        (f.profile === null || d.profile_id === f.profile),
    ),
  );
}

/** The practitioners of a list, once each, by name: the filter's choices. */
export function practitionersOf(
  list: readonly CabinetDocument[],
): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const d of list)
    if (!seen.has(d.practitioner.id)) seen.set(d.practitioner.id, d.practitioner.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** One consultation's documents (under a past appointment), in the order they were issued. */
export function ofConsultation(
  list: readonly CabinetDocument[],
  consultation: string,
): CabinetDocument[] {
  return newestFirst(list.filter((d) => d.consultation_id === consultation)).reverse();
}

/**
 * A document_issued or document_updated message merged in: the same id replaced, a new one
 * added; the version it replaces marked replaced_by (the server says so on the next read).
 */
export function upsertDocument<T extends { id: string }>(
  list: readonly T[],
  doc: T & Pick<CabinetDocument, 'replaces'>,
): T[] {
  const out = list.filter((d) => d.id !== doc.id);
  out.push(doc);
  return out.map((d) =>
    doc.replaces && d.id === doc.replaces ? ({ ...d, replaced_by: doc.id } as T) : d,
  );
}

/** A live message's document, if the message carries one that looks like a document. */
export function messageDocument(msg: { [key: string]: unknown }): CabinetDocument | null {
  const d = msg.document;
  if (typeof d !== 'object' || d === null) return null;
  const o = d as Partial<CabinetDocument>;
  if (typeof o.id !== 'string' || typeof o.kind !== 'string' || !o.practitioner) return null;
  return {
    version: 1,
    replaces: null,
    replaced_by: null,
    standin: false,
    consultation_id: '',
    profile_id: '',
    title: '',
    issued_at: 0,
    ...o,
  } as CabinetDocument;
}

/** The version a document replaces, if the list has it (for its date). */
export function replacedVersion(
  list: readonly CabinetDocument[],
  doc: CabinetDocument,
): CabinetDocument | null {
  return doc.replaces ? (list.find((d) => d.id === doc.replaces) ?? null) : null;
}

/** "2026-12-07" in the browser's zone: the day a document was issued. */
export function issuedDay(d: Pick<CabinetDocument, 'issued_at'>): string {
  const t = new Date(issuedMs(d));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
}

export type Verdict = 'authentic' | 'invalid' | 'valid' | 'replaced' | 'unknown';

/**
 * What the pharmacist's page says first: an unknown number; with the right key, whether the
 * signature holds; without it (or with a wrong one: the server then says only valid and
 * dispensed), that the number exists.
 */
export function verdictOf(v: Verification, withKey: boolean): Verdict {
  if (v.replaced) return 'replaced';
  if (!v.valid) return 'unknown';
  if (!withKey || v.authentic === undefined) return 'valid';
  return v.authentic ? 'authentic' : 'invalid';
}
