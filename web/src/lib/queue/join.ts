// Joining a queue (POST /queues/{specialty}/entries, docs/queue.md): the reason and commune
// checked before sending, one Idempotency-Key per attempt, the server's refusals read into what
// the page does with them, and the commune remembered per profile on this device (the API has
// no address for a profile to prefill it from). Pure but for the storage passed in: join.test.ts.
import { ApiError } from '../api';
import { randomUuid } from '../booking/newAppointment';
import type { KeyValueStore } from '../lang';
import { isLive } from './entry';
import type { EmergencyAnswers, NewEntry, QueueEntry } from './types';

/** The reason's length limit, the server's own (400 with field "reason" beyond it). */
export const REASON_MAX = 200;

/** The emergency questions answered "none of these": the only answers ever sent. */
export const NO_EMERGENCY: EmergencyAnswers = {
  chest_pain: false,
  breathing: false,
  intense_pain: false,
  fainting: false,
  stroke: false,
};

/** One line: spaces and line breaks collapsed, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface DetailsProblems {
  reason?: 'required' | 'tooLong';
  commune?: 'required';
}

export function checkDetails(reason: string, communeCode: string): DetailsProblems {
  const out: DetailsProblems = {};
  const r = oneLine(reason);
  if (!r) out.reason = 'required';
  else if ([...r].length > REASON_MAX) out.reason = 'tooLong';
  if (!communeCode) out.commune = 'required';
  return out;
}

/**
 * The Idempotency-Key of a join attempt: the same while the request is the same (a retry after
 * a network failure, a double tap), a new one when anything in it changes (another card after a
 * refusal, another reason), since the server refuses a key reused for another body.
 */
export function createJoinKeys(newKey: () => string = randomUuid) {
  let current: { body: string; key: string } | null = null;
  return {
    keyFor(specialty: string, body: NewEntry): string {
      const text = JSON.stringify([specialty, body]);
      if (!current || current.body !== text) current = { body: text, key: newKey() };
      return current.key;
    },
    reset(): void {
      current = null;
    },
  };
}

/** The fields of the join form, as the page names them. */
export type JoinField = 'profile' | 'emergency' | 'reason' | 'commune' | 'card';

/** The form field a server `field` is about; null for one the page does not show. */
export function fieldOf(name: string | undefined): JoinField | null {
  if (!name) return null;
  if (name === 'profile_id') return 'profile';
  if (name === 'reason') return 'reason';
  if (name === 'commune_code') return 'commune';
  if (name === 'card_token') return 'card';
  if (name.startsWith('emergency_answers')) return 'emergency';
  return null;
}

export type JoinFailure =
  | { kind: 'already_queued' }
  | { kind: 'emergency' }
  | { kind: 'closed' }
  | { kind: 'declined'; message: string }
  | { kind: 'field'; field: JoinField; message: string }
  | { kind: 'other' };

/** What a refused join means for the page (any other failure: said next to the card). */
export function joinFailure(err: unknown): JoinFailure {
  if (!(err instanceof ApiError)) return { kind: 'other' };
  if (err.status === 409 && err.code === 'already_queued') return { kind: 'already_queued' };
  if (err.status === 422 && err.code === 'emergency') return { kind: 'emergency' };
  if (err.status === 423 || err.code === 'queue_closed') return { kind: 'closed' };
  if (err.status === 402) return { kind: 'declined', message: err.message };
  if (err.status === 400) {
    const field = fieldOf(err.field);
    if (field) return { kind: 'field', field, message: err.message };
  }
  return { kind: 'other' };
}

/** The live entry (waiting or called) of one profile, among the account's. */
export function liveEntryOf(entries: QueueEntry[], profileId: string): QueueEntry | undefined {
  return entries.find((e) => e.profile.id === profileId && isLive(e.state));
}

// --- The commune, remembered per profile ----------------------------------------------------------

export const COMMUNE_STORAGE_KEY = 'cabinet.queue.communes';
/** Profiles remembered at most (an account has a handful; the rest is old). */
const COMMUNES_KEPT = 12;

export interface ChosenCommune {
  code: string;
  label: string;
}

function readAll(store: KeyValueStore | null): Record<string, ChosenCommune> {
  try {
    const v: unknown = JSON.parse(store?.getItem(COMMUNE_STORAGE_KEY) ?? '{}');
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, ChosenCommune>)
      : {};
  } catch {
    return {};
  }
}

/** The commune last used for this profile on this device, if any. */
export function recallCommune(
  store: KeyValueStore | null,
  profileId: string,
): ChosenCommune | null {
  const c = readAll(store)[profileId];
  return c && typeof c.code === 'string' && typeof c.label === 'string' && c.code
    ? { code: c.code, label: c.label }
    : null;
}

export function rememberCommune(
  store: KeyValueStore | null,
  profileId: string,
  commune: ChosenCommune,
): void {
  const all = readAll(store);
  delete all[profileId];
  const kept = Object.entries(all).slice(-(COMMUNES_KEPT - 1));
  const next = Object.fromEntries([...kept, [profileId, commune]]);
  try {
    store?.setItem(COMMUNE_STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: the commune is asked again next time.
  }
}
