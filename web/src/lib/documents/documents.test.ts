// The patient's documents as lists: newest first, the filters, one consultation's documents, a
// live message merged in (a correction marks the version it replaces), the practitioners.
import { describe, expect, it } from 'vitest';
import {
  filterDocuments,
  messageDocument,
  newestFirst,
  ofConsultation,
  practitionersOf,
  replacedVersion,
  upsertDocument,
  verdictOf,
} from './documents';
import type { CabinetDocument } from './types';

function doc(id: string, over: Partial<CabinetDocument> = {}): CabinetDocument {
  return {
    id,
    kind: 'report',
    title: 'Compte-rendu',
    issued_at: 1_796_630_400,
    practitioner: { id: 'pr1', name: 'Dr Claire Martin' },
    consultation_id: 'a1',
    profile_id: 'p1',
    version: 1,
    replaces: null,
    replaced_by: null,
    standin: true,
    ...over,
  };
}

const list = [
  doc('d1', { issued_at: 1_796_630_400 }),
  doc('d2', { kind: 'prescription', issued_at: 1_796_716_800, consultation_id: 'a2' }),
  doc('d3', {
    kind: 'sick_leave',
    issued_at: 1_796_716_800,
    practitioner: { id: 'pr2', name: 'Dr Amine Benali' },
    profile_id: 'p2',
    consultation_id: 'a2',
  }),
];

describe('documents', () => {
  it('lists the newest first, stable for documents of the same moment', () => {
    expect(newestFirst(list).map((d) => d.id)).toEqual(['d2', 'd3', 'd1']);
    // Issued together: in the closing form's order.
    const together = [
      doc('c', { kind: 'care_sheet' }),
      doc('p', { kind: 'prescription' }),
      doc('r'),
    ];
    expect(newestFirst(together).map((d) => d.id)).toEqual(['r', 'p', 'c']);
    expect(newestFirst([doc('x', { issued_at: '2026-12-07T10:00:00Z' }), doc('y')])[0]!.id).toBe(
      'x',
    );
  });

  it('filters by kind, practitioner and profile', () => {
    const all = { kind: '', practitioner: '', profile: null } as const;
    expect(filterDocuments(list, all)).toHaveLength(3);
    expect(filterDocuments(list, { ...all, kind: 'prescription' }).map((d) => d.id)).toEqual([
      'd2',
    ]);
    expect(filterDocuments(list, { ...all, practitioner: 'pr2' }).map((d) => d.id)).toEqual(['d3']);
    expect(filterDocuments(list, { ...all, profile: 'p1' }).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(filterDocuments(list, { kind: 'report', practitioner: 'pr2', profile: null })).toEqual(
      [],
    );
  });

  it('gives the practitioners once each, by name', () => {
    expect(practitionersOf(list)).toEqual([
      { id: 'pr2', name: 'Dr Amine Benali' },
      { id: 'pr1', name: 'Dr Claire Martin' },
    ]);
  });

  it('gives one consultation’s documents in the order they were issued', () => {
    expect(ofConsultation(list, 'a2').map((d) => d.id)).toEqual(['d3', 'd2']);
    expect(ofConsultation(list, 'nope')).toEqual([]);
  });

  it('merges a live document: new ones added, known ones replaced', () => {
    const added = upsertDocument(list, doc('d4'));
    expect(added.map((d) => d.id)).toContain('d4');
    const updated = upsertDocument(added, doc('d2', { kind: 'prescription', dispensed: true }));
    expect(updated).toHaveLength(4);
    expect(updated.find((d) => d.id === 'd2')!.dispensed).toBe(true);
  });

  it('marks the version a correction replaces, and finds it for its date', () => {
    const v2 = doc('d5', { version: 2, replaces: 'd1' });
    const merged = upsertDocument(list, v2);
    expect(merged.find((d) => d.id === 'd1')!.replaced_by).toBe('d5');
    expect(replacedVersion(merged, v2)!.id).toBe('d1');
    expect(replacedVersion(merged, doc('d6'))).toBeNull();
  });

  it('reads a live message’s document, and ignores what is not one', () => {
    expect(messageDocument({ document: doc('d9') })!.id).toBe('d9');
    expect(messageDocument({ document: { id: 'x' } })).toBeNull();
    expect(messageDocument({})).toBeNull();
    expect(messageDocument({ document: 'd9' })).toBeNull();
  });
});

describe('the pharmacist’s verdict', () => {
  it('says unknown, authentic, invalid, or only that the number exists', () => {
    expect(verdictOf({ valid: false, dispensed: false }, true)).toBe('unknown');
    expect(verdictOf({ valid: false, dispensed: false, replaced: true }, true)).toBe('replaced');
    expect(verdictOf({ valid: true, dispensed: false, authentic: true }, true)).toBe('authentic');
    expect(verdictOf({ valid: true, dispensed: true, authentic: false }, true)).toBe('invalid');
    expect(verdictOf({ valid: true, dispensed: false }, true)).toBe('valid');
    expect(verdictOf({ valid: true, dispensed: false, authentic: true }, false)).toBe('valid');
  });
});
