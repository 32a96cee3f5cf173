// A document after the close: the correction's form prefilled from the close's draft (one
// kind only), its checks, the request it becomes (with `replaces`), and where the server's
// errors go (this route names a part by its kind).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { drugLine, emptyForm } from './closeForm';
import {
  alreadyReplaced,
  canCorrect,
  checkPart,
  correctionBody,
  correctionError,
  correctionFieldId,
  partForm,
  replacedBy,
  sectionOf,
} from './correction';
import type { CabinetDocument, CloseBody } from './types';

const words = {
  amountInvalid: 'amountInvalid',
  amountTooHigh: 'amountTooHigh',
  reportEmpty: 'reportEmpty',
  prescriptionEmpty: 'prescriptionEmpty',
  posologyMissing: 'posologyMissing',
  durationMissing: 'durationMissing',
  drugNameMissing: 'drugNameMissing',
  weightInvalid: 'weightInvalid',
  weightMissing: 'weightMissing',
  fromMissing: 'fromMissing',
  toMissing: 'toMissing',
  toBeforeFrom: 'toBeforeFrom',
  reasonMissing: 'reasonMissing',
  certificateNone: 'certificateNone',
  certificateOne: 'certificateOne',
};

const base = () => emptyForm('25,00', '2026-12-07');

const draft: CloseBody = {
  amount_cents: 2500,
  report: { history: 'Toux', findings: '', conclusion: 'Bronchite', advice: 'Repos' },
  prescription: {
    drugs: [
      {
        name: 'Paracétamol',
        strength: '1 g',
        form: 'comprimé',
        posology: '1 le soir',
        duration: '5 jours',
        renewals: 0,
        drug_id: 'p1',
      },
    ],
    tests: ['NFS'],
    other: [],
    weight_kg: null,
  },
  certificates: [{ type: 'absence_school', text: 'Absent lundi' }],
};

function doc(over: Partial<CabinetDocument> = {}): CabinetDocument {
  return {
    id: 'd1',
    kind: 'report',
    title: 'Compte-rendu de téléconsultation',
    issued_at: 1796630400,
    practitioner: { id: 'p', name: 'Dr Martin' },
    consultation_id: 'a1',
    profile_id: 'pr1',
    version: 1,
    replaces: null,
    replaced_by: null,
    standin: true,
    ...over,
  };
}

describe('canCorrect', () => {
  it('offers the current version of every kind but the care sheet', () => {
    expect(canCorrect(doc())).toBe(true);
    expect(canCorrect(doc({ kind: 'certificate' }))).toBe(true);
    expect(canCorrect(doc({ replaced_by: 'd2' }))).toBe(false);
    expect(canCorrect(doc({ kind: 'care_sheet' }))).toBe(false);
  });

  it('names the closing form section of a kind', () => {
    expect(sectionOf('sick_leave')).toBe('sickLeave');
    expect(sectionOf('certificate')).toBe('certificates');
    expect(sectionOf('report')).toBe('report');
  });
});

describe('partForm', () => {
  it('prefills a correction from the draft, that section only ticked', () => {
    const f = partForm('report', base(), draft, true);
    expect(f.report).toEqual({
      on: true,
      history: 'Toux',
      findings: '',
      conclusion: 'Bronchite',
      advice: 'Repos',
    });
    expect(f.prescription.on).toBe(false);
    expect(f.certificates.on).toBe(false);
    const p = partForm('prescription', base(), draft, true);
    expect(p.prescription.drugs[0]).toMatchObject({ name: 'Paracétamol', drugId: 'p1' });
    expect(p.prescription.tests).toBe('NFS');
    expect(p.report.on).toBe(false);
  });

  it('starts a new document, or a kind the draft lacks, empty', () => {
    expect(partForm('report', base(), draft, false).report).toMatchObject({
      on: true,
      conclusion: '',
    });
    const s = partForm('sick_leave', base(), draft, true).sickLeave;
    expect(s).toMatchObject({ on: true, from: '2026-12-07', to: '', reason: '' });
    expect(partForm('report', base(), null, true).report.history).toBe('');
  });

  it('ticks the draft certificate when there is one, and keeps the texts when several', () => {
    const one = partForm('certificate', base(), draft, true).certificates;
    expect(one).toEqual({
      on: true,
      chosen: { absence_school: { on: true, text: 'Absent lundi' } },
    });
    const two = partForm(
      'certificate',
      base(),
      {
        certificates: [
          { type: 'absence_school', text: 'A' },
          { type: 'sport_school', text: 'B' },
        ],
      },
      true,
    ).certificates;
    expect(two.chosen).toEqual({
      absence_school: { on: false, text: 'A' },
      sport_school: { on: false, text: 'B' },
    });
    expect(partForm('certificate', base(), {}, true).certificates).toEqual({
      on: true,
      chosen: {},
    });
  });
});

describe('checkPart', () => {
  it('checks only that part, never the amount', () => {
    const f = partForm('report', base(), null, false);
    f.amount = 'abc';
    f.prescription = { ...f.prescription, drugs: [drugLine({ name: 'X' })] };
    expect(checkPart('report', f, words)).toEqual({ 'report.conclusion': 'reportEmpty' });
    f.report.conclusion = 'Angine';
    expect(checkPart('report', f, words)).toEqual({});
  });

  it('wants one certificate, and only one', () => {
    const f = partForm('certificate', base(), null, false);
    expect(checkPart('certificate', f, words)).toEqual({ certificates: 'certificateNone' });
    f.certificates.chosen = { a: { on: true, text: '' }, b: { on: true, text: '' } };
    expect(checkPart('certificate', f, words)).toEqual({ certificates: 'certificateOne' });
    f.certificates.chosen.b = { on: false, text: '' };
    expect(checkPart('certificate', f, words)).toEqual({});
  });

  it('checks a prescription line and the child weight as the close does', () => {
    const f = partForm('prescription', base(), null, false);
    f.prescription.drugs = [drugLine({ name: 'Amoxicilline', duration: '6 jours' })];
    expect(checkPart('prescription', f, words, 5)).toEqual({
      'prescription.drugs.0.posology': 'posologyMissing',
      'prescription.weight_kg': 'weightMissing',
    });
  });
});

describe('correctionBody', () => {
  it('sends the part flat, with its kind and the version it replaces', () => {
    const f = partForm('report', base(), draft, true);
    f.report.conclusion = ' Bronchite aiguë ';
    expect(correctionBody('report', f, 'd1')).toEqual({
      kind: 'report',
      history: 'Toux',
      findings: '',
      conclusion: 'Bronchite aiguë',
      advice: 'Repos',
      replaces: 'd1',
    });
  });

  it('drops blank drug lines and reads tests one per line', () => {
    const f = partForm('prescription', base(), draft, true);
    f.prescription.drugs.push(drugLine());
    f.prescription.tests = 'NFS\n\n CRP ';
    const b = correctionBody('prescription', f, 'd3');
    expect(b).toMatchObject({ kind: 'prescription', tests: ['NFS', 'CRP'], other: [] });
    expect(b.drugs).toHaveLength(1);
    expect(b.weight_kg).toBeNull();
  });

  it('sends a new sick leave without replaces', () => {
    const f = partForm('sick_leave', base(), null, false);
    f.sickLeave = { ...f.sickLeave, to: '2026-12-08', reason: ' Grippe ' };
    expect(correctionBody('sick_leave', f, null)).toEqual({
      kind: 'sick_leave',
      from: '2026-12-07',
      to: '2026-12-08',
      prolongation: false,
      in_person_impossible: false,
      outings: 'free',
      reason: 'Grippe',
    });
  });

  it('sends the ticked certificate type and text', () => {
    const f = partForm('certificate', base(), null, false);
    f.certificates.chosen = {
      a: { on: false, text: 'no' },
      sport_school: { on: true, text: ' Apte ' },
    };
    expect(correctionBody('certificate', f, 'd9')).toEqual({
      kind: 'certificate',
      type: 'sport_school',
      text: 'Apte',
      replaces: 'd9',
    });
  });
});

describe('errors', () => {
  it('maps the kind-prefixed fields to the inputs', () => {
    expect(correctionFieldId('report.history')).toBe('report.history');
    expect(correctionFieldId('prescription.drugs[0].posology')).toBe(
      'prescription.drugs.0.posology',
    );
    expect(correctionFieldId('certificate.type')).toBe('certificates');
    expect(correctionFieldId('certificate')).toBe('certificates');
    expect(correctionFieldId('sick_leave')).toBe('sick_leave.from');
  });

  it('puts a 400 and the rules at their field, keeps the message', () => {
    const e = correctionError(
      new ApiError(400, 'invalid', 'Posologie manquante.', 'prescription.drugs[1].posology'),
    ) as ApiError;
    expect(e).toMatchObject({
      code: 'invalid_request',
      field: 'prescription.drugs.1.posology',
      message: 'Posologie manquante.',
    });
    const cap = correctionError(new ApiError(422, 'sick_leave_cap', 'Trois jours.')) as ApiError;
    expect(cap.field).toBe('sick_leave.to');
    const exam = correctionError(new ApiError(422, 'requires_examination', 'Examen.'));
    expect((exam as ApiError).field).toBe('certificates');
  });

  it('tells a version already replaced', () => {
    const gone = new ApiError(409, 'conflict', 'Déjà remplacé.');
    expect(alreadyReplaced(gone)).toBe(true);
    expect(correctionError(gone)).toBe(gone);
    expect(alreadyReplaced(new ApiError(400, 'invalid', 'x'))).toBe(false);
  });

  it('finds the version that replaced a document', () => {
    const old = doc({ replaced_by: 'd2' });
    const next = doc({ id: 'd2', version: 2, replaces: 'd1' });
    expect(replacedBy([old, next], old)).toBe(next);
    expect(replacedBy([old, next], next)).toBeNull();
  });
});
