// A document issued after the close (issue 14): a correction of an issued one (a new version
// that replaces it, both kept) or one forgotten at the close. The practitioner types one part
// of the closing form (the same fields), prefilled from the close's draft for a correction;
// it becomes POST /consultations/{id}/documents {kind, …the part, replaces?}. No Preact here
// (correction.test.ts).
import { ApiError } from '../api';
import {
  checkForm,
  closeError,
  closeFieldId,
  fromDraft,
  toBody,
  type CheckWords,
  type CloseForm,
} from './closeForm';
import type { CabinetDocument, CloseBody, DocumentKind } from './types';

/** What a practitioner may issue or correct after the close (the care sheet is the payment's). */
export type IssuableKind = Exclude<DocumentKind, 'care_sheet'>;
export const ISSUABLE_KINDS: readonly IssuableKind[] = [
  'report',
  'prescription',
  'sick_leave',
  'certificate',
];

export type PartSection = 'report' | 'prescription' | 'sickLeave' | 'certificates';

/** The closing form's section of a kind. */
export function sectionOf(kind: IssuableKind): PartSection {
  if (kind === 'sick_leave') return 'sickLeave';
  if (kind === 'certificate') return 'certificates';
  return kind;
}

export function isIssuable(kind: string): kind is IssuableKind {
  return (ISSUABLE_KINDS as readonly string[]).includes(kind);
}

/** A document the practitioner may correct: the current version, not a care sheet. */
export function canCorrect(doc: CabinetDocument): boolean {
  return isIssuable(doc.kind) && !doc.replaced_by;
}

const SECTIONS: readonly PartSection[] = ['report', 'prescription', 'sickLeave', 'certificates'];

/** The form with only this kind's section ticked. */
function only(f: CloseForm, kind: IssuableKind): CloseForm {
  const s = sectionOf(kind);
  const out = { ...f };
  for (const k of SECTIONS) out[k] = { ...f[k], on: k === s } as never;
  return out;
}

/**
 * The form of one document. A correction starts from what the draft has of that kind (what
 * was typed at the close); a certificate from the draft's certificates, ticked when there is
 * only one (the document does not say its type: with several, the practitioner ticks it and
 * its text comes back). A new document starts empty.
 */
export function partForm(
  kind: IssuableKind,
  base: CloseForm,
  draft: CloseBody | null,
  correction: boolean,
): CloseForm {
  let f = base;
  if (correction && draft) {
    const part: CloseBody = {};
    if (kind === 'report') part.report = draft.report ?? null;
    else if (kind === 'prescription') part.prescription = draft.prescription ?? null;
    else if (kind === 'sick_leave') part.sick_leave = draft.sick_leave ?? null;
    else part.certificates = draft.certificates ?? null;
    f = fromDraft(part, base, () => base.amount);
    if (kind === 'certificate') {
      const entries = Object.entries(f.certificates.chosen);
      const one = entries.length === 1;
      f = {
        ...f,
        certificates: {
          on: true,
          chosen: Object.fromEntries(entries.map(([t, c]) => [t, { ...c, on: one }])),
        },
      };
    }
  }
  return only(f, kind);
}

export interface PartWords extends CheckWords {
  certificateOne: string;
}

/** The checks of the closing form for this part only (no amount); one certificate at a time. */
export function checkPart(
  kind: IssuableKind,
  f: CloseForm,
  w: PartWords,
  patientAge: number | null = null,
): Record<string, string | undefined> {
  const e = checkForm(only(f, kind), Number.MAX_SAFE_INTEGER, w, patientAge);
  delete e.amount_cents;
  if (kind === 'certificate' && !e.certificates) {
    const ticked = Object.values(f.certificates.chosen).filter((c) => c.on).length;
    if (ticked > 1) e.certificates = w.certificateOne;
  }
  return e;
}

export type IssueBody = { kind: IssuableKind; replaces?: string } & Record<string, unknown>;

/**
 * The request: the kind, the fields of that part as the close sends them (a certificate: the
 * ticked one's type and text), and the document it replaces for a correction.
 */
export function correctionBody(
  kind: IssuableKind,
  f: CloseForm,
  replaces: string | null,
): IssueBody {
  const body = toBody(only(f, kind));
  let part: object | null | undefined;
  if (kind === 'report') part = body.report;
  else if (kind === 'prescription') part = body.prescription;
  else if (kind === 'sick_leave') part = body.sick_leave;
  else part = body.certificates?.[0];
  const out: IssueBody = { kind, ...(part ?? {}) };
  if (replaces) out.replaces = replaces;
  return out;
}

/**
 * The server's field as the form's input id: this route names a part by its kind
 * ("report.history", "certificate.type"); the rest as the closing form.
 */
export function correctionFieldId(field: string): string {
  if (field === 'certificate' || field.startsWith('certificate.')) return 'certificates';
  return closeFieldId(field);
}

/** The error at its field, as closeError (a 409: the version was replaced meanwhile). */
export function correctionError(err: unknown): unknown {
  return closeError(err, correctionFieldId);
}

/** Whether the error says the document was already replaced (the list is out of date). */
export function alreadyReplaced(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409;
}

/** The version that replaced a document, if the list has it (for its date). */
export function replacedBy(
  list: readonly CabinetDocument[],
  doc: CabinetDocument,
): CabinetDocument | null {
  return doc.replaced_by ? (list.find((d) => d.id === doc.replaced_by) ?? null) : null;
}
