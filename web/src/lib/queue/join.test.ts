// Joining a queue: the details checked before sending, the Idempotency-Key of an attempt, the
// server's refusals, the live entry of a profile, and the commune remembered per profile.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { KeyValueStore } from '../lang';
import { anEntry } from './fixtures';
import {
  checkDetails,
  COMMUNE_STORAGE_KEY,
  createJoinKeys,
  fieldOf,
  joinFailure,
  liveEntryOf,
  NO_EMERGENCY,
  oneLine,
  REASON_MAX,
  recallCommune,
  rememberCommune,
} from './join';
import type { NewEntry } from './types';

const body: NewEntry = {
  profile_id: 'p1',
  reason: 'Fièvre depuis hier',
  commune_code: '69123',
  emergency_answers: NO_EMERGENCY,
  card_token: 'tok_visa',
};

describe('details', () => {
  it('wants a reason of one line, at most 200 characters, and a commune', () => {
    expect(checkDetails('Fièvre', '69123')).toEqual({});
    expect(checkDetails('  \n ', '')).toEqual({ reason: 'required', commune: 'required' });
    expect(checkDetails('é'.repeat(REASON_MAX), '69123')).toEqual({});
    expect(checkDetails('é'.repeat(REASON_MAX + 1), '69123')).toEqual({ reason: 'tooLong' });
    expect(oneLine('  Fièvre\n  depuis   hier ')).toBe('Fièvre depuis hier');
  });

  it('sends every emergency answer, all false', () => {
    expect(Object.values(NO_EMERGENCY)).toEqual([false, false, false, false, false]);
    expect(Object.keys(NO_EMERGENCY).sort()).toEqual(
      ['breathing', 'chest_pain', 'fainting', 'intense_pain', 'stroke'].sort(),
    );
  });
});

describe('createJoinKeys', () => {
  it('keeps the key for the same request and makes a new one when it changes', () => {
    let n = 0;
    const keys = createJoinKeys(() => `k${++n}`);
    expect(keys.keyFor('general_practice', body)).toBe('k1');
    expect(keys.keyFor('general_practice', { ...body })).toBe('k1');
    expect(keys.keyFor('general_practice', { ...body, card_token: 'tok_mc' })).toBe('k2');
    keys.reset();
    expect(keys.keyFor('general_practice', { ...body, card_token: 'tok_mc' })).toBe('k3');
  });
});

describe('joinFailure', () => {
  it('reads the refusals of the contract', () => {
    expect(joinFailure(new ApiError(409, 'already_queued', 'x'))).toEqual({
      kind: 'already_queued',
    });
    expect(joinFailure(new ApiError(422, 'emergency', 'x'))).toEqual({ kind: 'emergency' });
    expect(joinFailure(new ApiError(423, 'queue_closed', 'x'))).toEqual({ kind: 'closed' });
    expect(joinFailure(new ApiError(402, 'card_declined', 'Refusée'))).toEqual({
      kind: 'declined',
      message: 'Refusée',
    });
    expect(joinFailure(new ApiError(400, 'invalid_request', 'Trop long', 'reason'))).toEqual({
      kind: 'field',
      field: 'reason',
      message: 'Trop long',
    });
    expect(joinFailure(new ApiError(400, 'invalid_request', 'x', 'commune_code'))).toMatchObject({
      field: 'commune',
    });
  });

  it('leaves anything else to be said next to the card', () => {
    expect(joinFailure(new ApiError(400, 'invalid_request', 'x', 'other'))).toEqual({
      kind: 'other',
    });
    expect(joinFailure(new ApiError(0, 'network_error', 'x'))).toEqual({ kind: 'other' });
    expect(joinFailure(new Error('bug'))).toEqual({ kind: 'other' });
  });

  it('maps the server fields to the page', () => {
    expect(fieldOf('profile_id')).toBe('profile');
    expect(fieldOf('emergency_answers.stroke')).toBe('emergency');
    expect(fieldOf('card_token')).toBe('card');
    expect(fieldOf(undefined)).toBeNull();
  });
});

describe('liveEntryOf', () => {
  it("finds the profile's waiting or called entry only", () => {
    const list = [
      anEntry({ id: 'old', state: 'left' }),
      anEntry({ id: 'q2', profile: { id: 'p2', first_name: 'Tom', last_name: 'Martin' } }),
      anEntry({ id: 'q1', state: 'called' }),
    ];
    expect(liveEntryOf(list, 'p1')?.id).toBe('q1');
    expect(liveEntryOf(list, 'p3')).toBeUndefined();
  });
});

describe('communes', () => {
  function memory(): KeyValueStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    };
  }

  it('remembers the commune of each profile', () => {
    const store = memory();
    expect(recallCommune(store, 'p1')).toBeNull();
    rememberCommune(store, 'p1', { code: '69123', label: 'Lyon' });
    rememberCommune(store, 'p2', { code: '75056', label: 'Paris' });
    expect(recallCommune(store, 'p1')).toEqual({ code: '69123', label: 'Lyon' });
    expect(recallCommune(store, 'p2')?.label).toBe('Paris');
  });

  it('keeps a dozen profiles at most, and survives bad storage', () => {
    const store = memory();
    for (let i = 0; i < 20; i++) rememberCommune(store, `p${i}`, { code: String(i), label: 'X' });
    expect(Object.keys(JSON.parse(store.data.get(COMMUNE_STORAGE_KEY) ?? '{}'))).toHaveLength(12);
    expect(recallCommune(store, 'p19')?.code).toBe('19');
    expect(recallCommune(store, 'p0')).toBeNull();
    store.data.set(COMMUNE_STORAGE_KEY, 'not json');
    expect(recallCommune(store, 'p1')).toBeNull();
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => rememberCommune(broken, 'p1', { code: '1', label: 'X' })).not.toThrow();
    expect(recallCommune(null, 'p1')).toBeNull();
  });
});
