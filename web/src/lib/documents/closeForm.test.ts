// The closing form as data: the request a form becomes (ticked sections only, lines trimmed,
// blank drug lines dropped but kept in the draft), the draft read back, the checks before
// sending, the arrêt's 3-day rule said in advance, and where the server's errors go.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  checkForm,
  closeError,
  closeFieldId,
  drugLine,
  emptyForm,
  fromDraft,
  leaveDays,
  overCap,
  parseWeight,
  toBody,
  type CloseForm,
} from './closeForm';

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
};

function filled(): CloseForm {
  const f = emptyForm('25,00', '2026-12-07');
  f.report = { on: true, history: ' Toux ', findings: '', conclusion: 'Bronchite', advice: '' };
  f.prescription = {
    on: true,
    drugs: [
      drugLine({
        name: 'Doliprane',
        strength: '1000 mg',
        form: 'comprimé',
        posology: '1 x3/j',
        duration: '3 jours',
      }),
      drugLine(),
      drugLine({ name: 'Toplexil', posology: '1 c. à soupe le soir', duration: '5 jours' }),
    ],
    tests: 'NFS\n\n CRP ',
    other: '',
    weight: '',
  };
  f.sickLeave = {
    on: true,
    from: '2026-12-07',
    to: '2026-12-08',
    prolongation: false,
    inPersonImpossible: false,
    outings: 'free',
    reason: 'Bronchite aiguë',
  };
  return f;
}

describe('closing form → request', () => {
  it('sends the ticked sections only, trimmed, without blank drug lines', () => {
    const body = toBody(filled());
    expect(body).toEqual({
      amount_cents: 2500,
      css_ame: false,
      care_sheet: true,
      report: { history: 'Toux', findings: '', conclusion: 'Bronchite', advice: '' },
      prescription: {
        drugs: [
          {
            name: 'Doliprane',
            strength: '1000 mg',
            form: 'comprimé',
            posology: '1 x3/j',
            duration: '3 jours',
            renewals: 0,
            drug_id: null,
          },
          {
            name: 'Toplexil',
            strength: '',
            form: '',
            posology: '1 c. à soupe le soir',
            duration: '5 jours',
            renewals: 0,
            drug_id: null,
          },
        ],
        tests: ['NFS', 'CRP'],
        other: [],
        weight_kg: null,
      },
      sick_leave: {
        from: '2026-12-07',
        to: '2026-12-08',
        prolongation: false,
        in_person_impossible: false,
        outings: 'free',
        reason: 'Bronchite aiguë',
      },
    });
  });

  it('sends nothing of an unticked section, and the certificates ticked', () => {
    const f = emptyForm('25', '2026-12-07');
    f.certificates = {
      on: true,
      chosen: { absence_school: { on: true, text: ' 3 jours ' }, sport: { on: false, text: '' } },
    };
    f.careSheet = false;
    f.cssAme = true;
    expect(toBody(f)).toEqual({
      amount_cents: 2500,
      css_ame: true,
      care_sheet: false,
      certificates: [{ type: 'absence_school', text: '3 jours' }],
    });
  });

  it('leaves out an amount that is not one', () => {
    const f = emptyForm('vingt', '2026-12-07');
    expect(toBody(f).amount_cents).toBeUndefined();
  });

  it('reads a child’s weight', () => {
    expect(parseWeight('12,5')).toBe(12.5);
    expect(parseWeight(' 8 ')).toBe(8);
    expect(parseWeight('')).toBeNull();
    expect(parseWeight('0')).toBeNull();
    expect(parseWeight('douze')).toBeNull();
  });
});

describe('the draft', () => {
  it('comes back as the form it was, blank drug lines included', () => {
    const f = filled();
    f.prescription.drugs[0]!.drugId = 'bdpm:6020'; // the drug picked from the list
    f.prescription.weight = '12.5';
    const draft = toBody(f, { draft: true });
    expect(draft.prescription!.drugs).toHaveLength(3);
    const back = fromDraft(JSON.parse(JSON.stringify(draft)), emptyForm('0', '2026-12-07'), (c) =>
      (c / 100).toFixed(2).replace('.', ','),
    );
    const strip = (x: CloseForm) => ({
      ...x,
      prescription: {
        ...x.prescription,
        drugs: x.prescription.drugs.map((d) => ({ ...d, key: '' })),
      },
    });
    const expected = filled();
    expected.prescription.drugs[0]!.drugId = 'bdpm:6020';
    expected.prescription.weight = '12.5';
    expected.prescription.tests = 'NFS\nCRP';
    expected.report.history = 'Toux';
    expect(strip(back)).toEqual(strip(expected));
  });

  it('is the base form when there is none ({}), and ignores what it cannot read', () => {
    const base = emptyForm('25,00', '2026-12-07');
    expect(fromDraft({}, base, String)).toEqual(base);
    expect(fromDraft(null, base, String)).toEqual(base);
    const odd = fromDraft(
      { prescription: { drugs: 'x', tests: null, other: [], weight_kg: null } } as never,
      base,
      String,
    );
    expect(odd.prescription.on).toBe(true);
    expect(odd.prescription.drugs).toHaveLength(1);
    expect(odd.prescription.tests).toBe('');
  });
});

describe('checks before sending', () => {
  it('accepts a complete form', () => {
    expect(Object.values(checkForm(filled(), 2500, words)).filter(Boolean)).toEqual([]);
  });

  it('names each field to fix', () => {
    const f = filled();
    f.amount = '30';
    f.report = { on: true, history: ' ', findings: '', conclusion: '', advice: '' };
    f.prescription.drugs[2]!.posology = '';
    f.prescription.drugs.push(drugLine({ posology: '2/j', duration: '5 j' }));
    f.prescription.drugs.push(drugLine({ name: 'Toplexil', posology: '1/j' }));
    f.prescription.weight = 'lourd';
    f.sickLeave.to = '2026-12-06';
    f.sickLeave.reason = '';
    f.certificates = { on: true, chosen: {} };
    expect(checkForm(f, 2500, words)).toEqual({
      amount_cents: 'amountTooHigh',
      'report.conclusion': 'reportEmpty',
      'prescription.drugs.2.posology': 'posologyMissing',
      'prescription.drugs.3.name': 'drugNameMissing',
      'prescription.drugs.4.duration': 'durationMissing',
      'prescription.weight_kg': 'weightInvalid',
      'sick_leave.to': 'toBeforeFrom',
      'sick_leave.reason': 'reasonMissing',
      certificates: 'certificateNone',
    });
  });

  it('wants at least one line on a prescription', () => {
    const f = emptyForm('25', '2026-12-07');
    f.prescription.on = true;
    expect(checkForm(f, 2500, words)['prescription.drugs.0.name']).toBe('prescriptionEmpty');
    f.prescription.tests = 'NFS';
    expect(checkForm(f, 2500, words)['prescription.drugs.0.name']).toBeUndefined();
  });

  it('wants a young child’s weight with medicines', () => {
    const f = filled();
    expect(checkForm(f, 2500, words, 7)['prescription.weight_kg']).toBe('weightMissing');
    expect(checkForm(f, 2500, words, 14)['prescription.weight_kg']).toBeUndefined();
    f.prescription.weight = '22';
    expect(checkForm(f, 2500, words, 7)['prescription.weight_kg']).toBeUndefined();
  });

  it('wants an amount and both dates', () => {
    const f = emptyForm('', '');
    f.sickLeave.on = true;
    f.sickLeave.reason = 'x';
    expect(checkForm(f, 2500, words)).toMatchObject({
      amount_cents: 'amountInvalid',
      'sick_leave.from': 'fromMissing',
      'sick_leave.to': 'toMissing',
    });
  });
});

describe('the arrêt de travail rule', () => {
  it('counts the first and the last day', () => {
    expect(leaveDays('2026-12-07', '2026-12-07')).toBe(1);
    expect(leaveDays('2026-12-07', '2026-12-09')).toBe(3);
    expect(leaveDays('2026-12-30', '2027-01-02')).toBe(4);
    expect(leaveDays('2026-12-07', '2026-12-06')).toBeNull();
    expect(leaveDays('2026-12-07', '')).toBeNull();
  });

  it('warns beyond 3 days, unless prolonging while in-person care is impossible', () => {
    const s = filled().sickLeave;
    expect(overCap({ ...s, to: '2026-12-09' })).toBe(false);
    expect(overCap({ ...s, to: '2026-12-11' })).toBe(true);
    expect(overCap({ ...s, to: '2026-12-11', prolongation: true })).toBe(true);
    expect(overCap({ ...s, to: '2026-12-11', prolongation: true, inPersonImpossible: true })).toBe(
      false,
    );
  });
});

describe('server errors', () => {
  it('puts a field error at its input', () => {
    expect(closeFieldId('prescription.drugs[0].posology')).toBe('prescription.drugs.0.posology');
    const e = closeError(
      new ApiError(400, 'invalid', 'Posologie manquante', 'prescription.drugs[1].posology'),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      code: 'invalid_request',
      field: 'prescription.drugs.1.posology',
      message: 'Posologie manquante',
    });
  });

  it('puts an error about a list at an input that exists', () => {
    expect(closeFieldId('prescription.drugs')).toBe('prescription.drugs.0.name');
    expect(closeFieldId('prescription.drugs[2]')).toBe('prescription.drugs.2.name');
    expect(closeFieldId('prescription.tests[3]')).toBe('prescription.tests');
    expect(closeFieldId('certificates[1].type')).toBe('certificates');
    expect(closeFieldId('certificates.type')).toBe('certificates');
    expect(closeFieldId('amount_cents')).toBe('amount_cents');
  });

  it('puts the 3-day rule at the arrêt’s last day, and a certificate at the certificates', () => {
    expect(closeError(new ApiError(422, 'sick_leave_cap', 'Au plus 3 jours'))).toMatchObject({
      field: 'sick_leave.to',
      message: 'Au plus 3 jours',
    });
    expect(
      closeError(new ApiError(422, 'requires_examination', 'Examen', 'certificates[0].type')),
    ).toMatchObject({ field: 'certificates' });
  });

  it('leaves the others to the summary', () => {
    const net = new ApiError(0, 'network_error', 'offline');
    expect(closeError(net)).toBe(net);
    const other = new Error('x');
    expect(closeError(other)).toBe(other);
  });
});
