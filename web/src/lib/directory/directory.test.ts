import { describe, expect, it } from 'vitest';
import {
  formatDistance,
  formatPrice,
  initials,
  matchSpecialty,
  motifsFor,
  motifText,
  parsePrice,
  type Specialty,
} from './directory';

const SPECIALTIES: Specialty[] = [
  {
    id: 'general_medicine',
    label: 'Médecine générale',
    direct_access: false,
    teleconsultation_reimbursed: true,
  },
  { id: 'pediatrics', label: 'Pédiatrie', direct_access: true, teleconsultation_reimbursed: true },
  {
    id: 'child_psychiatry',
    label: 'Pédopsychiatrie',
    direct_access: true,
    teleconsultation_reimbursed: true,
  },
  { id: 'ent', label: 'ORL', direct_access: false, teleconsultation_reimbursed: true },
  {
    id: 'dermatology',
    label: 'Dermatologie',
    direct_access: false,
    teleconsultation_reimbursed: true,
  },
];

describe('matchSpecialty', () => {
  it('understands the words patients use', () => {
    expect(matchSpecialty('Médecin généraliste', SPECIALTIES)?.id).toBe('general_medicine');
    expect(matchSpecialty('medecine generale', SPECIALTIES)?.id).toBe('general_medicine');
    expect(matchSpecialty('pédiatre', SPECIALTIES)?.id).toBe('pediatrics');
    expect(matchSpecialty('orl', SPECIALTIES)?.id).toBe('ent');
    expect(matchSpecialty('Dermatologue', SPECIALTIES)?.id).toBe('dermatology');
  });
  it('leaves names alone', () => {
    expect(matchSpecialty('Durand', SPECIALTIES)).toBeNull();
    expect(matchSpecialty('Dr Martin', SPECIALTIES)).toBeNull();
    expect(matchSpecialty('', SPECIALTIES)).toBeNull();
  });
});

describe('display helpers', () => {
  it('makes initials', () => {
    expect(initials('Dr Camille Durand')).toBe('CD');
    expect(initials('Dr Jean-Pierre Martin')).toBe('JM');
    expect(initials('Zoé')).toBe('Z');
  });
  it('formats and parses prices', () => {
    expect(formatPrice(3000, 'fr')).toBe('30\u00a0€');
    expect(formatPrice(2550, 'fr')).toBe('25,50\u00a0€');
    expect(formatPrice(2550, 'en')).toBe('€25.50');
    expect(parsePrice('25,50 €')).toBe(2550);
    expect(parsePrice('30')).toBe(3000);
    expect(parsePrice('trente')).toBeNull();
  });
  it('formats distances', () => {
    expect(formatDistance(0.42, 'fr')).toBe('400\u00a0m');
    expect(formatDistance(2.44, 'fr')).toBe('2,4\u00a0km');
    expect(formatDistance(12.6, 'en')).toBe('13\u00a0km');
  });
  it('finds the motifs of a mode', () => {
    const m = (id: string, mode: 'video' | 'in_person' | 'both') => ({
      id,
      label: id,
      duration_min: 15,
      mode,
      price_cents: 0,
    });
    expect(
      motifsFor([m('a', 'video'), m('b', 'both'), m('c', 'in_person')], 'video').map((x) => x.id),
    ).toEqual(['a', 'b']);
  });
});

describe('motifText', () => {
  const both = { label: 'Consultation de suivi', label_en: 'Follow-up consultation' };
  const frOnly = { label: 'Consultation de suivi', label_en: null };

  it('shows the French label in French, never marked', () => {
    expect(motifText(both, 'fr')).toEqual({ text: 'Consultation de suivi', french: false });
    expect(motifText(frOnly, 'fr')).toEqual({ text: 'Consultation de suivi', french: false });
  });

  it('shows the English label in English when the practitioner gave one', () => {
    expect(motifText(both, 'en')).toEqual({ text: 'Follow-up consultation', french: false });
  });

  it('falls back to the French label in English, marked as French', () => {
    expect(motifText(frOnly, 'en')).toEqual({ text: 'Consultation de suivi', french: true });
    expect(motifText({ label: 'Bilan' }, 'en')).toEqual({ text: 'Bilan', french: true }); // older server: no field
    expect(motifText({ label: 'Bilan', label_en: '  ' }, 'en')).toEqual({
      text: 'Bilan',
      french: true,
    });
  });
});
