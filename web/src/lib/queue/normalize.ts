// Readers for the queue API's answers and WebSocket messages: what the contract leaves open is
// read one way here, once (a count sent as a list of practitioners, a range in the wrong order,
// a missing optional field), so that the screens only see the shapes of types.ts.
import type { Estimate } from '../booking/booking';
import type {
  EntryState,
  Near,
  QueueEntry,
  QueueSummary,
  Quote,
  StaffItem,
  StaffQueue,
  WaitRange,
} from './types';

const STATES: readonly EntryState[] = [
  'waiting',
  'called',
  'in_consultation',
  'done',
  'left',
  'removed',
];

type Raw = Record<string, unknown>;

function obj(v: unknown): Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function strOrNull(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function isEntryState(v: unknown): v is EntryState {
  return typeof v === 'string' && (STATES as readonly string[]).includes(v);
}

/** [low, high] in whole minutes, low first, never negative; null when absent or malformed. */
export function readRange(v: unknown): WaitRange | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [a, b] = v as unknown[];
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const low = Math.max(0, Math.round(Math.min(a, b)));
  const high = Math.max(0, Math.round(Math.max(a, b)));
  return [low, high];
}

/** A position in the queue: 1 is next; anything else than a positive whole number is none. */
export function readPosition(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
}

/**
 * How many practitioners are on duty. The contract gives a number for GET /queues; the entry's
 * `on_duty` is read the same way, and a list (of practitioners) counts its members.
 */
export function readCount(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  return Math.max(0, Math.floor(num(v)));
}

export function readNear(v: unknown): Near {
  return v === 'near' || v === 'distant' ? v : 'none';
}

export function readSummary(raw: unknown): QueueSummary {
  const r = obj(raw);
  return {
    specialty: str(r.specialty),
    label: str(r.label, str(r.specialty)),
    open: r.open === true,
    opens_at: strOrNull(r.opens_at),
    closes_at: strOrNull(r.closes_at),
    waiting: readCount(r.waiting),
    on_duty: readCount(r.on_duty),
    estimate_minutes: readRange(r.estimate_minutes),
    fee_cents: num(r.fee_cents),
    price_cents: num(r.price_cents),
  };
}

export function readEntry(raw: unknown): QueueEntry {
  const r = obj(raw);
  const profile = obj(r.profile);
  const card = obj(r.card);
  return {
    id: str(r.id),
    specialty: str(r.specialty),
    label: str(r.label, str(r.specialty)),
    profile: {
      id: str(profile.id),
      first_name: str(profile.first_name),
      last_name: str(profile.last_name),
    },
    state: isEntryState(r.state) ? r.state : 'waiting',
    position: readPosition(r.position),
    estimate_minutes: readRange(r.estimate_minutes),
    on_duty: readCount(r.on_duty),
    near: readNear(r.near),
    consultation_id: strOrNull(r.consultation_id),
    skipped: r.skipped === true,
    price_cents: num(r.price_cents),
    fee_cents: num(r.fee_cents),
    hold_cents: num(r.hold_cents),
    card:
      typeof card.brand === 'string' && typeof card.last4 === 'string'
        ? { brand: card.brand, last4: card.last4 }
        : null,
    joined_at: str(r.joined_at),
    called_at: strOrNull(r.called_at),
    answer_by: strOrNull(r.answer_by),
    end_reason: strOrNull(r.end_reason),
  };
}

function readStaffItem(raw: unknown): StaffItem {
  const r = obj(raw);
  return {
    id: str(r.id),
    age_years: typeof r.age_years === 'number' ? r.age_years : null,
    reason: str(r.reason),
    waited_minutes: Math.max(0, Math.floor(num(r.waited_minutes))),
    joined_at: str(r.joined_at),
    // The staff list says near as a boolean; a patient-side word is read too.
    near: r.near === true || r.near === 'near',
    skipped: r.skipped === true,
    reserved: r.reserved === true,
  };
}

export function readStaffQueue(raw: unknown): StaffQueue {
  const r = obj(raw);
  const motif = obj(r.motif);
  return {
    on_duty: r.on_duty === true,
    eligible: r.eligible === true,
    ineligible_reason: strOrNull(r.ineligible_reason),
    specialty: str(r.specialty),
    label: str(r.label, str(r.specialty)),
    open: r.open === true,
    motif:
      typeof motif.id === 'string'
        ? { id: motif.id, label: str(motif.label), price_cents: num(motif.price_cents) }
        : null,
    waiting: readCount(r.waiting),
    on_duty_count: readCount(r.on_duty_count),
    items: Array.isArray(r.items) ? r.items.map(readStaffItem) : [],
    current: Array.isArray(r.current)
      ? r.current
          .map(obj)
          .filter((c) => typeof c.consultation_id === 'string')
          .map((c) => ({
            entry: str(c.entry),
            consultation_id: str(c.consultation_id),
            state: str(c.state),
          }))
      : [],
  };
}

/** The reimbursement estimate of a quote, as POST /reimbursement/estimate gives it; null if absent. */
function readEstimate(raw: unknown): Estimate | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = obj(raw);
  return {
    price_cents: num(r.price_cents),
    amo_cents: num(r.amo_cents),
    patient_cents: num(r.patient_cents),
    reimbursable: r.reimbursable === true,
    reason: str(r.reason),
    advance_cents: num(r.advance_cents),
    rate_percent: num(r.rate_percent),
    participation_cents: num(r.participation_cents),
    tiers_payant: r.tiers_payant === true,
    rule: str(r.rule),
  };
}

export function readQuote(raw: unknown): Quote {
  const r = obj(raw);
  const price = num(r.price_cents);
  const fee = num(r.fee_cents);
  const waived = r.fee_waived === true;
  return {
    price_cents: price,
    fee_cents: fee,
    fee_waived: waived,
    fee_waived_reason: strOrNull(r.fee_waived_reason),
    // The hold covers the maximum and the fee (docs/queue.md), if the server left it out.
    hold_cents: num(r.hold_cents, price + (waived ? 0 : fee)),
    near: readNear(r.near),
    estimate: readEstimate(r.estimate),
  };
}
