// The closing form ("Clôturer la consultation", issue 14) as data: what the practitioner types
// (text as typed, sections ticked or not), the request it becomes (POST /close, and the draft
// of the same shape), the draft read back, the checks made before sending, the sick-leave rule
// said in advance, and where a server error goes. No Preact here (closeForm.test.ts).
import { ApiError } from '../api';
import { parseAmount } from '../booking/payment';
import { daysBetween, isDate } from '../booking/slots';
import type { CloseBody, DrugLineBody } from './types';

export interface DrugLine {
  /** Stable across edits (the list's key); not sent. */
  key: string;
  name: string;
  strength: string;
  form: string;
  posology: string;
  duration: string;
  renewals: number;
  drugId: string | null;
  /** The picked drug's substances (GET /drugs), for the allergy warning; not sent. */
  substances?: string[];
}

export interface CloseForm {
  amount: string;
  cssAme: boolean;
  careSheet: boolean;
  report: { on: boolean; history: string; findings: string; conclusion: string; advice: string };
  prescription: {
    on: boolean;
    drugs: DrugLine[];
    /** One line each, as typed in a textarea. */
    tests: string;
    other: string;
    weight: string;
  };
  sickLeave: {
    on: boolean;
    from: string;
    to: string;
    prolongation: boolean;
    inPersonImpossible: boolean;
    outings: 'free' | 'restricted';
    reason: string;
  };
  certificates: { on: boolean; chosen: Record<string, { on: boolean; text: string }> };
}

export type Section = 'report' | 'prescription' | 'sickLeave' | 'certificates';

/** By teleconsultation, an arrêt de travail covers at most this many days (DOC4). */
export const SICK_LEAVE_CAP_DAYS = 3;

let nextKey = 0;
export function drugLine(over: Partial<DrugLine> = {}): DrugLine {
  nextKey += 1;
  return {
    key: `d${nextKey}`,
    name: '',
    strength: '',
    form: '',
    posology: '',
    duration: '',
    renewals: 0,
    drugId: null,
    ...over,
  };
}

/** A fresh form: the price as the amount, the feuille de soins ticked, today's arrêt. */
export function emptyForm(amountText: string, today: string): CloseForm {
  return {
    amount: amountText,
    cssAme: false,
    careSheet: true,
    report: { on: false, history: '', findings: '', conclusion: '', advice: '' },
    prescription: { on: false, drugs: [drugLine()], tests: '', other: '', weight: '' },
    sickLeave: {
      on: false,
      from: today,
      to: '',
      prolongation: false,
      inPersonImpossible: false,
      outings: 'free',
      reason: '',
    },
    certificates: { on: false, chosen: {} },
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "12,5" → 12.5; null when empty or not a positive number. */
export function parseWeight(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

function blankDrug(d: DrugLine): boolean {
  return ![d.name, d.strength, d.form, d.posology, d.duration].some((s) => s.trim());
}

function drugBody(d: DrugLine): DrugLineBody {
  return {
    name: d.name.trim(),
    strength: d.strength.trim(),
    form: d.form.trim(),
    posology: d.posology.trim(),
    duration: d.duration.trim(),
    renewals: d.renewals,
    drug_id: d.drugId,
  };
}

/**
 * The request: a part per ticked section (the others absent: not issued). `draft` keeps what a
 * half-typed form has (empty drug lines too), for the form to come back exactly as it was.
 */
export function toBody(f: CloseForm, { draft = false } = {}): CloseBody {
  const body: CloseBody = { css_ame: f.cssAme, care_sheet: f.careSheet };
  const cents = parseAmount(f.amount);
  if (cents !== null) body.amount_cents = cents;
  if (f.report.on) {
    const { history, findings, conclusion, advice } = f.report;
    body.report = {
      history: history.trim(),
      findings: findings.trim(),
      conclusion: conclusion.trim(),
      advice: advice.trim(),
    };
  }
  if (f.prescription.on) {
    const p = f.prescription;
    body.prescription = {
      drugs: (draft ? p.drugs : p.drugs.filter((d) => !blankDrug(d))).map(drugBody),
      tests: lines(p.tests),
      other: lines(p.other),
      weight_kg: p.weight.trim() || null,
    };
  }
  if (f.sickLeave.on) {
    const s = f.sickLeave;
    body.sick_leave = {
      from: s.from,
      to: s.to,
      prolongation: s.prolongation,
      in_person_impossible: s.inPersonImpossible,
      outings: s.outings,
      reason: s.reason.trim(),
    };
  }
  if (f.certificates.on) {
    body.certificates = Object.entries(f.certificates.chosen)
      .filter(([, c]) => c.on)
      .map(([type, c]) => ({ type, text: c.text.trim() }));
  }
  return body;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The form as the saved draft left it; what the draft lacks comes from `base`. */
export function fromDraft(
  draft: CloseBody | null | undefined,
  base: CloseForm,
  formatCents: (cents: number) => string,
): CloseForm {
  if (!draft || typeof draft !== 'object') return base;
  const f: CloseForm = structuredClone(base);
  if (typeof draft.amount_cents === 'number') f.amount = formatCents(draft.amount_cents);
  if (typeof draft.css_ame === 'boolean') f.cssAme = draft.css_ame;
  if (typeof draft.care_sheet === 'boolean') f.careSheet = draft.care_sheet;
  const r = draft.report;
  if (r) {
    f.report = {
      on: true,
      history: str(r.history),
      findings: str(r.findings),
      conclusion: str(r.conclusion),
      advice: str(r.advice),
    };
  }
  const p = draft.prescription;
  if (p) {
    const drugs = (Array.isArray(p.drugs) ? p.drugs : []).map((d) =>
      drugLine({
        name: str(d.name),
        strength: str(d.strength),
        form: str(d.form),
        posology: str(d.posology),
        duration: str(d.duration),
        renewals: typeof d.renewals === 'number' ? d.renewals : 0,
        drugId: typeof d.drug_id === 'string' ? d.drug_id : null,
      }),
    );
    f.prescription = {
      on: true,
      drugs: drugs.length ? drugs : [drugLine()],
      tests: (Array.isArray(p.tests) ? p.tests : []).join('\n'),
      other: (Array.isArray(p.other) ? p.other : []).join('\n'),
      weight:
        typeof p.weight_kg === 'string'
          ? p.weight_kg
          : typeof p.weight_kg === 'number'
            ? String(p.weight_kg)
            : '',
    };
  }
  const s = draft.sick_leave;
  if (s) {
    f.sickLeave = {
      on: true,
      from: str(s.from) || base.sickLeave.from,
      to: str(s.to),
      prolongation: s.prolongation === true,
      inPersonImpossible: s.in_person_impossible === true,
      outings: s.outings === 'restricted' ? 'restricted' : 'free',
      reason: str(s.reason),
    };
  }
  if (Array.isArray(draft.certificates)) {
    const chosen: CloseForm['certificates']['chosen'] = {};
    for (const c of draft.certificates)
      if (c.type) chosen[c.type] = { on: true, text: str(c.text) };
    f.certificates = { on: true, chosen };
  }
  return f;
}

/** Days of an arrêt, the first and the last included; null when the dates are not a range. */
export function leaveDays(from: string, to: string): number | null {
  if (!isDate(from) || !isDate(to)) return null;
  const n = daysBetween(from, to) + 1;
  return n >= 1 ? n : null;
}

/**
 * Whether the arrêt goes beyond what a teleconsultation allows, unless the practitioner is
 * the médecin traitant (which the server knows): said in advance, decided by the server.
 */
export function overCap(s: CloseForm['sickLeave']): boolean {
  const n = leaveDays(s.from, s.to);
  return n !== null && n > SICK_LEAVE_CAP_DAYS && !(s.prolongation && s.inPersonImpossible);
}

export interface CheckWords {
  amountInvalid: string;
  amountTooHigh: string;
  reportEmpty: string;
  prescriptionEmpty: string;
  posologyMissing: string;
  durationMissing: string;
  drugNameMissing: string;
  weightInvalid: string;
  weightMissing: string;
  fromMissing: string;
  toMissing: string;
  toBeforeFrom: string;
  reasonMissing: string;
  certificateNone: string;
}

/** Under this age, a prescription of medicines gives the child's weight (R.5132-3). */
export const WEIGHT_REQUIRED_UNDER = 12;

/** The checks before sending, by field id (the ids of closeFieldId). */
export function checkForm(
  f: CloseForm,
  maxCents: number,
  w: CheckWords,
  patientAge: number | null = null,
): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = {};
  const cents = parseAmount(f.amount);
  if (cents === null) e.amount_cents = w.amountInvalid;
  else if (cents > maxCents) e.amount_cents = w.amountTooHigh;
  if (f.report.on) {
    const r = f.report;
    if (![r.history, r.findings, r.conclusion, r.advice].some((s) => s.trim()))
      e['report.conclusion'] = w.reportEmpty;
  }
  if (f.prescription.on) {
    const p = f.prescription;
    const drugs = p.drugs.map((d, i) => ({ d, i })).filter(({ d }) => !blankDrug(d));
    if (drugs.length === 0 && !lines(p.tests).length && !lines(p.other).length)
      e['prescription.drugs.0.name'] = w.prescriptionEmpty;
    for (const { d, i } of drugs) {
      if (!d.name.trim()) e[`prescription.drugs.${i}.name`] = w.drugNameMissing;
      if (!d.posology.trim()) e[`prescription.drugs.${i}.posology`] = w.posologyMissing;
      if (!d.duration.trim()) e[`prescription.drugs.${i}.duration`] = w.durationMissing;
    }
    if (p.weight.trim() && parseWeight(p.weight) === null)
      e['prescription.weight_kg'] = w.weightInvalid;
    else if (
      !p.weight.trim() &&
      drugs.length > 0 &&
      patientAge !== null &&
      patientAge < WEIGHT_REQUIRED_UNDER
    )
      e['prescription.weight_kg'] = w.weightMissing;
  }
  if (f.sickLeave.on) {
    const s = f.sickLeave;
    if (!isDate(s.from)) e['sick_leave.from'] = w.fromMissing;
    if (!isDate(s.to)) e['sick_leave.to'] = w.toMissing;
    else if (isDate(s.from) && leaveDays(s.from, s.to) === null)
      e['sick_leave.to'] = w.toBeforeFrom;
    if (!s.reason.trim()) e['sick_leave.reason'] = w.reasonMissing;
  }
  if (f.certificates.on && !Object.values(f.certificates.chosen).some((c) => c.on))
    e.certificates = w.certificateNone;
  return e;
}

/**
 * The server's field ("prescription.drugs[0].posology") as the form's input id: a list or a
 * line of it goes to an input that exists (the first medicine's name, the tests' textarea),
 * and anything about the certificates to their group.
 */
export function closeFieldId(field: string): string {
  const f = field.replace(/\[(\d+)\]/g, '.$1');
  if (f.startsWith('certificates')) return 'certificates';
  if (f === 'prescription' || f === 'prescription.drugs') return 'prescription.drugs.0.name';
  const drug = /^prescription\.drugs\.(\d+)$/.exec(f);
  if (drug) return `prescription.drugs.${drug[1]}.name`;
  const line = /^prescription\.(tests|other)\.\d+$/.exec(f);
  if (line) return `prescription.${line[1]}`;
  if (f === 'sick_leave') return 'sick_leave.from';
  if (f === 'report') return 'report.conclusion';
  return f;
}

/**
 * The error as the form shows it: a field error (400 naming the field) or a rule the server
 * applied (422 sick_leave_cap at the arrêt's last day, requires_examination at the
 * certificates), with the server's own words. Anything else goes to the summary as it is.
 */
export function closeError(
  err: unknown,
  fieldId: (field: string) => string = closeFieldId,
): unknown {
  if (!(err instanceof ApiError)) return err;
  let field = err.field === undefined ? undefined : fieldId(err.field);
  if (err.code === 'sick_leave_cap') field = 'sick_leave.to';
  else if (err.code === 'requires_examination') field = 'certificates';
  if (field === undefined) return err;
  // useForm shows at a field the errors of code invalid_request; the message stays the server's.
  return new ApiError(err.status, 'invalid_request', err.message, field, err.retryAfter);
}
