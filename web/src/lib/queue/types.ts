// The objects of the immediate queue's API (docs/queue.md), as the server sends them. The
// answers are read through normalize.ts, which tolerates what the contract leaves open.
import type { Estimate } from '../booking/booking';

/** Where the practitioners on duty are, from the patient's commune (territoriality). */
export type Near = 'near' | 'distant' | 'none';

export type EntryState = 'waiting' | 'called' | 'in_consultation' | 'done' | 'left' | 'removed';

/** An estimated wait in minutes, [low, high], already rounded to 5 by the server. */
export type WaitRange = [number, number];

/** One queue of GET /queues (public). */
export interface QueueSummary {
  specialty: string;
  label: string;
  open: boolean;
  /** ISO-8601 instants of the current or next window. */
  opens_at: string | null;
  closes_at: string | null;
  waiting: number;
  /** How many practitioners are on duty. */
  on_duty: number;
  estimate_minutes: WaitRange | null;
  fee_cents: number;
  price_cents: number;
}

/** POST /queues/{specialty}/quote: the figures the entry will use. */
export interface Quote {
  price_cents: number;
  fee_cents: number;
  fee_waived: boolean;
  fee_waived_reason?: string | null;
  /** The consultation's maximum plus the fee. */
  hold_cents: number;
  near: Near;
  /** Null only if the server could not estimate (the page then says nothing of it). */
  estimate: Estimate | null;
}

/** The emergency questions' answers: any true is refused (422 emergency). */
export interface EmergencyAnswers {
  chest_pain: boolean;
  breathing: boolean;
  intense_pain: boolean;
  fainting: boolean;
  stroke: boolean;
}

export interface NewEntry {
  profile_id: string;
  reason: string;
  commune_code: string;
  emergency_answers: EmergencyAnswers;
  card_token: string;
}

/** 201 of POST /queues/{specialty}/entries. */
export interface JoinedEntry {
  id: string;
  position: number | null;
  estimate_minutes: WaitRange | null;
}

/** GET /queue-entries/{id}. */
export interface QueueEntry {
  id: string;
  specialty: string;
  label: string;
  profile: { id: string; first_name: string; last_name: string };
  state: EntryState;
  position: number | null;
  estimate_minutes: WaitRange | null;
  on_duty: number;
  near: Near;
  consultation_id: string | null;
  /** Called once without answering: back at their place, removed at the next miss. */
  skipped: boolean;
  price_cents: number;
  fee_cents: number;
  hold_cents: number;
  card: { brand: string; last4: string } | null;
  joined_at: string;
  called_at: string | null;
  /** A called patient must be in the room by then. */
  answer_by: string | null;
  end_reason: string | null;
}

/** One waiting patient of GET /practitioner/queue: nothing more is shown before taking. */
export interface StaffItem {
  id: string;
  age_years: number | null;
  reason: string;
  waited_minutes: number;
  joined_at: string;
  /** True: near the practitioner (reimbursable); false: distant. */
  near: boolean;
  skipped: boolean;
  /** Kept a few minutes for a practitioner near them (territoriality): not this one's to take yet. */
  reserved: boolean;
}

/** A patient this practitioner took, whose consultation is not closed yet. */
export interface StaffCurrent {
  entry: string;
  consultation_id: string;
  state: string;
}

/** GET /practitioner/queue, and the answer of PUT /practitioner/duty. */
export interface StaffQueue {
  on_duty: boolean;
  eligible: boolean;
  ineligible_reason?: string | null;
  specialty: string;
  label: string;
  open: boolean;
  motif: { id: string; label: string; price_cents: number } | null;
  waiting: number;
  on_duty_count: number;
  items: StaffItem[];
  current: StaffCurrent[];
}

/** 200 of POST /practitioner/queue/take. */
export interface Taken {
  entry: string;
  consultation_id: string;
}
