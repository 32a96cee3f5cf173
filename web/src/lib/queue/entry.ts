// A queue entry as the waiting screen holds it, and what changes it: the server's `queue` and
// `called` messages (docs/queue.md, "WebSocket") applied one by one, or a fresh GET after the
// page comes back. Each change is also said as events (the place moved, the patient is called,
// a missed call, the end), which the page announces, and acts on. Pure: entry.test.ts.
import type { RealtimeMessage } from '../consultation/realtime';
import { isEntryState, readCount, readPosition, readRange } from './normalize';
import type { EntryState, QueueEntry } from './types';

export type QueueEvent =
  | { kind: 'moved'; position: number }
  | { kind: 'called'; consultation_id: string | null }
  /** Called, did not answer in time: back at their place (docs/queue.md). */
  | { kind: 'skipped' }
  | { kind: 'ended'; state: Exclude<EntryState, 'waiting' | 'called'> };

/** The entry no longer holds a place: nothing brings it back. */
export function isEnded(state: EntryState): boolean {
  return state === 'done' || state === 'left' || state === 'removed';
}

/** Waiting or called: the entry holds a place (and a card hold). */
export function isLive(state: EntryState): boolean {
  return state === 'waiting' || state === 'called';
}

/**
 * The entry after one WebSocket message; the same object when the message is not about it. An
 * ended entry stays as it is: a late message cannot bring back a place that was given up.
 */
export function applyMessage(entry: QueueEntry, msg: RealtimeMessage): QueueEntry {
  if (msg.entry !== entry.id || isEnded(entry.state)) return entry;
  if (msg.type === 'called') {
    const id = typeof msg.consultation_id === 'string' ? msg.consultation_id : null;
    return { ...entry, state: 'called', consultation_id: id ?? entry.consultation_id };
  }
  if (msg.type !== 'queue') return entry;
  const next: QueueEntry = { ...entry };
  if (isEntryState(msg.state)) next.state = msg.state;
  if ('position' in msg) next.position = readPosition(msg.position);
  if ('estimate_minutes' in msg) next.estimate_minutes = readRange(msg.estimate_minutes);
  if ('on_duty' in msg) next.on_duty = readCount(msg.on_duty);
  if (typeof msg.end_reason === 'string') next.end_reason = msg.end_reason;
  if (typeof msg.consultation_id === 'string') next.consultation_id = msg.consultation_id;
  // Back to waiting from a call: the call was missed (the server keeps the place once).
  if (entry.state === 'called' && next.state === 'waiting') next.skipped = true;
  return next;
}

/**
 * What happened between two readings of the entry (`prev` null: the first one). A first
 * reading that finds the patient called is a call too: the page goes to the room.
 */
export function changesBetween(prev: QueueEntry | null, next: QueueEntry): QueueEvent[] {
  if (!prev) return next.state === 'called' ? [called(next)] : [];
  if (prev.state !== next.state) {
    if (next.state === 'called') return [called(next)];
    if (next.state === 'waiting')
      return prev.state === 'called'
        ? [{ kind: 'skipped' }, ...moved(null, next)]
        : moved(prev.position, next);
    return [{ kind: 'ended', state: next.state }];
  }
  if (next.state === 'waiting') return moved(prev.position, next);
  if (next.state === 'called' && !prev.consultation_id && next.consultation_id)
    return [called(next)];
  return [];
}

function called(e: QueueEntry): QueueEvent {
  return { kind: 'called', consultation_id: e.consultation_id };
}

function moved(before: number | null, e: QueueEntry): QueueEvent[] {
  return e.position !== null && e.position !== before
    ? [{ kind: 'moved', position: e.position }]
    : [];
}
