// The medical profile's form: dates at the precision people remember, the checks before the
// PUT, the body sent, and the server's `items[n].field` brought back to the right line.
import { describe, expect, it } from 'vitest';
import {
  allergyLabels,
  checkMedical,
  dateInput,
  formField,
  fromProfile,
  itemDate,
  newItem,
  parseDateInput,
  toBody,
  type MedicalForm,
} from './medical';
import type { MedicalProfile } from './types';

const today = new Date(2026, 11, 7);

const profile: MedicalProfile = {
  profile_id: 'p1',
  items: [
    {
      id: 'm1',
      category: 'allergy',
      label: 'Pénicilline',
      detail: 'urticaire',
      date: '2019',
      added_by: { role: 'practitioner', name: 'Dr Claire Martin' },
    },
    { id: 'm2', category: 'treatment', label: 'Ventoline', detail: '', date: null },
  ],
  height_cm: 120,
  weight_kg: '22,5',
  pregnant: false,
  pregnancy_weeks: null,
};

describe('medical profile form', () => {
  it('reads dates as a year, a month or a day', () => {
    expect(parseDateInput('2019')).toBe('2019');
    expect(parseDateInput('3/2019')).toBe('2019-03');
    expect(parseDateInput('12/03/2019')).toBe('2019-03-12');
    expect(parseDateInput('2019-03-12')).toBe('2019-03-12');
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('31/02/2019')).toBeUndefined();
    expect(parseDateInput('13/2019')).toBeUndefined();
    expect(parseDateInput('hier')).toBeUndefined();
    expect(dateInput('2019-03')).toBe('03/2019');
    expect(itemDate('2019-03-12', 'fr')).toBe('12 mars 2019');
    expect(itemDate('2019-03', 'en')).toBe('March 2019');
  });

  it('round-trips a profile, keeping ids and dropping blank lines', () => {
    const f = fromProfile(profile);
    f.items.push(newItem('note'));
    const { body, keys } = toBody('p1', f);
    expect(body.items).toEqual([
      { id: 'm1', category: 'allergy', label: 'Pénicilline', detail: 'urticaire', date: '2019' },
      { id: 'm2', category: 'treatment', label: 'Ventoline', detail: '', date: null },
    ]);
    expect(keys).toEqual([f.items[0]!.key, f.items[1]!.key]);
    expect(body).toMatchObject({ height_cm: 120, weight_kg: '22,5', pregnancy_weeks: null });
    expect(allergyLabels(profile)).toEqual(['Pénicilline']);
  });

  it('checks labels, dates, height, weight and weeks', () => {
    const f: MedicalForm = {
      items: [
        newItem('allergy', { detail: 'sans nom' }),
        newItem('vaccination', { label: 'ROR', date: '2030' }),
        newItem('note', { label: 'ok', date: '1/1/20' }),
      ],
      height: '300',
      weight: '0,1',
      pregnant: true,
      weeks: '50',
    };
    const k = f.items.map((i) => i.key);
    expect(checkMedical(f, today)).toEqual({
      [`items.${k[0]}.label`]: 'label_missing',
      [`items.${k[1]}.date`]: 'date_future',
      [`items.${k[2]}.date`]: 'date_invalid',
      height: 'height',
      weight: 'weight',
      weeks: 'weeks',
    });
    expect(checkMedical({ ...fromProfile(profile), weight: '68,5' }, today)).toEqual({});
  });

  it('brings the server’s field back to its line', () => {
    expect(formField('items[1].label', [7, 9])).toBe('items.9.label');
    expect(formField('items[5].date', [7, 9])).toBeNull();
    expect(formField('height_cm', [])).toBe('height');
    expect(formField(undefined, [])).toBeNull();
  });
});
