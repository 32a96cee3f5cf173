// Test data of the queue's unit tests (entry, watch, join): an entry as GET /queue-entries/{id}
// gives it.
import type { QueueEntry } from './types';

export function anEntry(over: Partial<QueueEntry> = {}): QueueEntry {
  return {
    id: 'q1',
    specialty: 'general_practice',
    label: 'Médecine générale',
    profile: { id: 'p1', first_name: 'Léa', last_name: 'Martin' },
    state: 'waiting',
    position: 3,
    estimate_minutes: [10, 20],
    on_duty: 2,
    near: 'near',
    consultation_id: null,
    skipped: false,
    price_cents: 3000,
    fee_cents: 500,
    hold_cents: 3500,
    card: { brand: 'visa', last4: '4242' },
    joined_at: '2026-11-24T21:40:00+01:00',
    called_at: null,
    answer_by: null,
    end_reason: null,
    ...over,
  };
}
