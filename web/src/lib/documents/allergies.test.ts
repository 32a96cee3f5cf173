// The prescription's allergy warning: accents and case ignored, families covering their members,
// no false alarm on an unrelated drug.
import { describe, expect, it } from 'vitest';
import { allergyTerms, allergyWarnings, normalize } from './allergies';

describe('allergy warnings', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normalize('  Kétoprofène, ')).toBe('ketoprofene');
    expect(allergyWarnings(['KÉTOPROFÈNE'], ['kétoprofene'])).toEqual([
      { allergy: 'kétoprofene', substance: 'KÉTOPROFÈNE' },
    ]);
  });

  it('warns on a penicillin for a declared penicillin allergy', () => {
    for (const s of [
      'Amoxicilline',
      'ampicilline',
      'Pénicilline V',
      'oxacilline',
      'cloxacilline',
      'pivmécillinam',
    ])
      expect(allergyWarnings([s], ['Pénicillines']), s).toHaveLength(1);
    expect(allergyWarnings(['amoxicilline trihydratée'], ['allergie à la pénicilline'])).toEqual([
      { allergy: 'allergie à la pénicilline', substance: 'amoxicilline trihydratée' },
    ]);
  });

  it('covers the NSAIDs, sulfonamides, cephalosporins and opiates', () => {
    expect(allergyWarnings(['ibuprofène'], ['AINS'])).toHaveLength(1);
    expect(allergyWarnings(['Naproxène sodique'], ['anti-inflammatoires'])).toHaveLength(1);
    expect(allergyWarnings(['acide acétylsalicylique'], ['Aspirine'])).toHaveLength(1);
    expect(allergyWarnings(['célécoxib'], ['AINS'])).toHaveLength(1);
    expect(allergyWarnings(['sulfaméthoxazole', 'triméthoprime'], ['Sulfamides'])).toHaveLength(1);
    expect(allergyWarnings(['ceftriaxone'], ['céphalosporines'])).toHaveLength(1);
    expect(allergyWarnings(['tramadol'], ['Codéine'])).toHaveLength(1);
    expect(allergyWarnings(['morphine'], ['opiacés'])).toHaveLength(1);
  });

  it('does not warn on an unrelated substance', () => {
    expect(allergyWarnings(['paracétamol'], ['Pénicilline', 'AINS', 'Arachide'])).toEqual([]);
    expect(allergyWarnings(['amoxicilline'], ['AINS'])).toEqual([]);
    // A member does not stand for its family: an ibuprofen allergy says nothing of aspirin.
    expect(allergyWarnings(['aspirine'], ['ibuprofène'])).toEqual([]);
    expect(allergyWarnings([], ['Pénicilline'])).toEqual([]);
    expect(allergyWarnings(['amoxicilline'], [])).toEqual([]);
  });

  it('matches a typed drug name when no substance is known', () => {
    expect(allergyWarnings(['Amoxicilline 1 g'], ['pénicilline'])).toHaveLength(1);
    expect(allergyWarnings(['Ibuprofène'], ['allergie à l’ibuprofène'])).toHaveLength(1);
  });

  it('names each allergy once, with the substance that matched', () => {
    expect(allergyWarnings(['codéine', 'paracétamol'], ['Codéine', 'opiacés'])).toEqual([
      { allergy: 'Codéine', substance: 'codéine' },
      { allergy: 'opiacés', substance: 'codéine' },
    ]);
    expect(allergyTerms('Pénicilline')).toContain('amoxicilline');
    expect(allergyTerms('')).toEqual([]);
  });
});
