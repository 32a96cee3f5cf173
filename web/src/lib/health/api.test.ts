// The health space's requests, against a mocked fetch: the paths and bodies of
// docs/health-space.md, an old answer without `source` read as a practitioner's document, and
// the server's refusals as ApiError (not_deletable, a hidden document's ids[n]).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import {
  addMedicalItem,
  deleteOwnFile,
  fetchHealthDocuments,
  fetchPatientDocuments,
  putAttached,
  saveMedical,
  setHidden,
} from './api';

type Call = { url: string; method: string; body: unknown };

function mockFetch(answers: Array<{ status: number; body?: unknown }>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body,
    });
    const a = answers.shift() ?? { status: 200, body: {} };
    const text = a.body === undefined ? '' : JSON.stringify(a.body);
    return Promise.resolve(new Response(text, { status: a.status }));
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('health space API', () => {
  it('lists one profile’s documents, an item without source being a practitioner’s', async () => {
    const calls = mockFetch([
      {
        status: 200,
        body: {
          items: [
            { id: 'd1', kind: 'report' },
            { id: 'f1', source: 'patient' },
          ],
        },
      },
    ]);
    const items = await fetchHealthDocuments('p 1');
    expect(calls[0]!.url).toBe('/api/v1/me/documents?profile=p%201');
    expect(items.map((d) => [d.id, d.source, d.hidden])).toEqual([
      ['d1', 'practitioner', false],
      ['f1', 'patient', undefined],
    ]);
  });

  it('hides, deletes and attaches with the documented requests', async () => {
    const calls = mockFetch([
      { status: 200, body: { id: 'f1', source: 'patient', hidden: true } },
      { status: 403, body: { error: { code: 'not_deletable', message: 'Document du praticien' } } },
      {
        status: 400,
        body: { error: { code: 'invalid_request', message: 'Masqué', field: 'ids[1]' } },
      },
    ]);
    expect((await setHidden('f1', true)).hidden).toBe(true);
    expect(calls[0]).toMatchObject({
      url: '/api/v1/me/documents/f1',
      method: 'PATCH',
      body: { hidden: true },
    });
    const refused = await deleteOwnFile('d1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('not_deletable');
    expect(calls[1]).toMatchObject({ url: '/api/v1/me/documents/d1', method: 'DELETE' });
    const hidden = (await putAttached('a1', ['f1', 'f2']).catch((e: unknown) => e)) as ApiError;
    expect(hidden.field).toBe('ids[1]');
    expect(calls[2]).toMatchObject({
      url: '/api/v1/me/appointments/a1/documents',
      method: 'PUT',
      body: { ids: ['f1', 'f2'] },
    });
  });

  it('saves the medical profile and adds a practitioner’s line', async () => {
    const calls = mockFetch([
      { status: 200, body: { profile_id: 'p1', items: [] } },
      { status: 201, body: { id: 'm1' } },
    ]);
    await saveMedical('p1', {
      profile_id: 'p1',
      items: [],
      height_cm: null,
      weight_kg: null,
      pregnant: false,
      pregnancy_weeks: null,
    });
    expect(calls[0]).toMatchObject({ url: '/api/v1/profiles/p1/medical', method: 'PUT' });
    await addMedicalItem('c1', {
      category: 'allergy',
      label: 'Pénicilline',
      detail: '',
      date: null,
    });
    expect(calls[1]).toMatchObject({
      url: '/api/v1/consultations/c1/medical/items',
      method: 'POST',
      body: { category: 'allergy', label: 'Pénicilline' },
    });
  });

  it('reads the practitioner’s view of the documents, lists defaulted', async () => {
    mockFetch([{ status: 200, body: { attached: [{ id: 'f1' }] } }]);
    expect(await fetchPatientDocuments('c1')).toEqual({ attached: [{ id: 'f1' }], others: [] });
  });
});
