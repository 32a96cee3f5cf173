// "Mes documents" with the patient's own files (issue 15): one list of the practitioners'
// documents and the patient's files, newest first, filtered by kind and by who added them; the
// file each one opens; what the upload form checks before sending and what a refusal means. No
// Preact here (health-documents.test.ts).
import { ApiError } from '../api';
import { checkFile } from '../consultation/files';
import { documentPdfUrl } from '../documents/api';
import type { HealthDocument, OwnFile, OwnKind } from './types';
import { OWN_FILE_TYPES, OWN_KINDS } from './types';

/** "Ajouté par vous": the practitioner filter's value for the patient's own files. */
export const SELF = 'self';

export function isOwn(d: HealthDocument): d is OwnFile {
  return d.source === 'patient';
}

/** When it was issued or added, in milliseconds (0 when unreadable). */
export function addedMs(d: HealthDocument): number {
  const v = isOwn(d) ? d.added_at : d.issued_at;
  const ms = typeof v === 'number' ? (v < 1e12 ? v * 1000 : v) : Date.parse(v);
  return Number.isNaN(ms) ? 0 : ms;
}

export function newestFirst(list: readonly HealthDocument[]): HealthDocument[] {
  return [...list].sort((a, b) => addedMs(b) - addedMs(a) || a.id.localeCompare(b.id));
}

export interface HealthFilter {
  /** A kind of either source, '' for all. */
  kind: string;
  /** A practitioner's id, SELF for the patient's own files, '' for all. */
  practitioner: string;
  profile: string | null;
}

export function filterHealth(list: readonly HealthDocument[], f: HealthFilter): HealthDocument[] {
  return newestFirst(
    list.filter((d) => {
      const who = isOwn(d) ? SELF : d.practitioner.id;
      return (
        (!f.kind || d.kind === f.kind) &&
        (!f.practitioner || who === f.practitioner) &&
        (f.profile === null || d.profile_id === f.profile)
      );
    }),
  );
}

/** The kinds present in a list, once each, in a stable order (own kinds after issued ones). */
export function kindsOf(list: readonly HealthDocument[]): string[] {
  const seen = new Set<string>(list.map((d) => d.kind));
  const order = ['report', 'prescription', 'sick_leave', 'certificate', 'care_sheet', ...OWN_KINDS];
  return [...new Set(order)].filter((k) => seen.has(k));
}

/** The file a document opens: the own file's bytes, or an issued document's PDF. */
export function fileUrl(d: HealthDocument): string {
  if (isOwn(d)) return d.url;
  return d.url ?? documentPdfUrl(d.id);
}

export function mimeOf(d: HealthDocument): string {
  return isOwn(d) ? d.mime : 'application/pdf';
}

export type Preview = 'image' | 'pdf' | null;

/** What the page can show in its preview dialog: images and PDFs; the rest is downloaded. */
export function previewOf(mime: string): Preview {
  if (mime === 'image/jpeg' || mime === 'image/png') return 'image';
  if (mime === 'application/pdf') return 'pdf';
  return null;
}

export interface UploadDraft {
  file: { size: number; type: string; name: string } | null;
  title: string;
  kind: OwnKind | '';
}

export type UploadProblem =
  | 'no_file'
  | 'empty'
  | 'too_big'
  | 'type'
  | 'unsafe'
  | 'too_many'
  | 'no_title'
  | 'title_long'
  | 'no_kind'
  | 'other';

export const TITLE_MAX = 120;

/** The form's own checks, by field, before anything is sent. */
export function checkUpload(
  d: UploadDraft,
): Partial<Record<'file' | 'title' | 'kind', UploadProblem>> {
  const out: Partial<Record<'file' | 'title' | 'kind', UploadProblem>> = {};
  if (!d.file) out.file = 'no_file';
  else {
    const p = checkFile(d.file, OWN_FILE_TYPES);
    if (p) out.file = p;
  }
  if (!d.title.trim()) out.title = 'no_title';
  else if (d.title.trim().length > TITLE_MAX) out.title = 'title_long';
  if (!d.kind) out.kind = 'no_kind';
  return out;
}

/** A refused upload: which field it is about, and why (413, 415, 422 unsafe_file, 409, 400). */
export function uploadRefusal(err: unknown): {
  field: 'file' | 'title' | 'kind' | null;
  problem: UploadProblem;
} {
  if (!(err instanceof ApiError)) return { field: null, problem: 'other' };
  if (err.status === 413) return { field: 'file', problem: 'too_big' };
  if (err.status === 415) return { field: 'file', problem: 'type' };
  if (err.status === 422 || err.code === 'unsafe_file') return { field: 'file', problem: 'unsafe' };
  if (err.status === 409) return { field: 'file', problem: 'too_many' };
  if (err.status === 400) {
    if (err.field === 'title') return { field: 'title', problem: 'no_title' };
    if (err.field === 'kind') return { field: 'kind', problem: 'no_kind' };
    return { field: 'file', problem: 'empty' };
  }
  return { field: null, problem: 'other' };
}

/** A document merged in after a change (hidden, renamed) or an upload. */
export function upsert(list: readonly HealthDocument[], doc: HealthDocument): HealthDocument[] {
  return [...list.filter((d) => d.id !== doc.id), doc];
}
