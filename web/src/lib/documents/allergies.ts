// The prescription's allergy warning (issue 15, docs/health-space.md "The allergy warning"):
// each prescribed drug's substances (GET /drugs), or its typed name when it was not picked from
// the list, against the allergies the medical profile declares. Accents, case and punctuation
// are ignored, and a declared family ("pénicillines", "AINS") covers its members. It warns; it
// never blocks: the practitioner decides. No Preact here (allergies.test.ts).

/** "Kétoprofène," → "ketoprofene": lower case, no accents, words separated by one space. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Family {
  /** Words that name the family in a declared allergy (a trailing "s" is allowed). */
  names: string[];
  members: string[];
}

// A declared allergy to a family's name warns on each member. "Pénicilline" and "codéine" name
// their family too: that is how patients declare them, and cross-reactions are the rule there.
const FAMILIES: Family[] = [
  {
    names: ['penicilline', 'penicillin', 'betalactamine'],
    members: [
      'amoxicilline',
      'ampicilline',
      'penicilline',
      'oxacilline',
      'cloxacilline',
      'pivmecillinam',
    ],
  },
  {
    names: ['ains', 'anti inflammatoire', 'antiinflammatoire', 'nsaid'],
    members: [
      'ibuprofene',
      'ketoprofene',
      'naproxene',
      'diclofenac',
      'acide acetylsalicylique',
      'aspirine',
      'celecoxib',
    ],
  },
  { names: ['sulfamide', 'sulfonamide', 'sulfa'], members: ['sulfamethoxazole'] },
  {
    names: ['cephalosporine', 'cephalosporin'],
    members: ['cefalexine', 'cefuroxime', 'cefpodoxime', 'ceftriaxone', 'cefixime'],
  },
  {
    names: ['codeine', 'opiace', 'opioide', 'opiode', 'morphinique'],
    members: ['codeine', 'tramadol', 'morphine'],
  },
];

// Two names of one substance: an aspirin allergy is an acetylsalicylic acid allergy.
const SYNONYMS: string[][] = [['aspirine', 'acide acetylsalicylique']];

/** Whether `words` (normalized) holds `term` as whole words; `plural` allows a trailing "s". */
function hasWords(words: string, term: string, plural = false): boolean {
  // Normalized text holds only [a-z0-9 ]: nothing to escape.
  const re = new RegExp(`(^| )${term}${plural ? 's?' : ''}( |$)`);
  return re.test(words);
}

/** The substances a declared allergy is about: the label itself and its family's members. */
export function allergyTerms(label: string): string[] {
  const text = normalize(label);
  if (!text) return [];
  const terms = new Set<string>([text]);
  for (const f of FAMILIES)
    if (f.names.some((n) => hasWords(text, n, true))) f.members.forEach((m) => terms.add(m));
  for (const group of SYNONYMS)
    if (group.some((s) => hasWords(text, s) || [...terms].includes(s)))
      group.forEach((s) => terms.add(s));
  return [...terms];
}

export interface AllergyWarning {
  /** The allergy as the profile declares it ("Pénicilline"). */
  allergy: string;
  /** The substance (or typed name) it matched ("amoxicilline"). */
  substance: string;
}

/**
 * The declared allergies that one drug's substances touch, once per allergy. A substance
 * matches when it contains one of the allergy's terms as whole words ("amoxicilline
 * trihydratée" and "amoxicilline"), or the reverse (a label "allergie à l'ibuprofène").
 */
export function allergyWarnings(
  substances: readonly string[],
  allergies: readonly string[],
): AllergyWarning[] {
  const out: AllergyWarning[] = [];
  const names = substances.map((s) => ({ raw: s, text: normalize(s) })).filter((s) => s.text);
  for (const allergy of allergies) {
    const terms = allergyTerms(allergy);
    const hit = names.find((s) =>
      terms.some((t) => t.length >= 3 && (hasWords(s.text, t, true) || hasWords(t, s.text))),
    );
    if (hit) out.push({ allergy, substance: hit.raw });
  }
  return out;
}
