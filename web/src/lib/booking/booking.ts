// The objects of the booking API (docs/booking.md) and what "mes rendez-vous" does with them:
// which can be cancelled or need a card, the status badge's tone, filtering and sorting; and the
// emergency numbers the booking flow shows. No Preact here, so everything is unit-tested in Node
// (booking.test.ts). Amounts and the payment window: payment.ts; POST /appointments:
// newAppointment.ts; the booking page's address: bookingQuery.ts; a booking kept across
// sign-up: pendingBooking.ts.
import type { AgendaDay, Mode } from '../directory/directory';
import { instantMs } from './slots';

export type AppointmentStatus =
  'pending_payment' | 'confirmed' | 'cancelled' | 'expired' | 'no_show' | 'done';
export type PaymentState =
  'none' | 'card_saved' | 'card_required' | 'held' | 'captured' | 'voided' | 'direct';

export interface Payment {
  state: PaymentState;
  amount_cents: number;
  captured_cents: number;
  brand: string | null;
  last4: string | null;
  /** While a card is asked for: by when, and what happens without one (docs/booking.md). */
  card_due_at?: string | null;
  without_card?: 'cancelled' | 'direct' | null;
}

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  mode: Mode;
  hold_expires_at: string | null;
  practitioner: { id: string; name: string; specialty: string; specialty_label: string };
  motif: { id: string; label: string; label_en?: string | null; duration_min: number };
  profile: { id: string; first_name: string; last_name: string };
  price_cents: number;
  payment: Payment;
  cancelled_by: 'patient' | 'practitioner' | 'system' | 'operator' | null;
  cancellable: boolean;
}

export interface AppointmentList {
  upcoming: Appointment[];
  past: Appointment[];
}

export interface NewAppointment {
  practitioner_id: string;
  motif_id: string;
  start: string;
  profile_id: string;
  mode: Mode;
  /** Book at the usual fee although an insurer's quota is used up (the estimate said so). */
  without_insurer?: boolean;
}

export interface Estimate {
  price_cents: number;
  amo_cents: number;
  patient_cents: number;
  reimbursable: boolean;
  reason: string;
  advance_cents: number;
  rate_percent: number;
  participation_cents: number;
  tiers_payant: boolean;
  rule: string;
  /** An insurer's cover (docs/operator.md "Insurers' activation codes"). */
  insurer?: {
    partner: string;
    covered_cents: number;
    patient_pays_cents: number;
    remaining: number;
    exhausted: boolean;
    label: string;
  } | null;
}

export interface TestCard {
  token: string;
  label: string;
}

export interface PaymentsConfig {
  provider: 'sandbox' | 'stripe';
  test_cards: TestCard[];
}

/** GET /cancel-links/{token}: what the link's page shows. */
export interface CancelLinkAppointment {
  start: string;
  end: string;
  mode: Mode;
  status: AppointmentStatus;
  practitioner: { name: string; specialty: string };
  /** A label in the contract; an object { label } is accepted too. */
  motif: string | { label: string } | null;
  /** The motif's English label, if the practitioner gave one. */
  motif_en?: string | null;
  profile_name: string;
}

/** One appointment of GET /practitioner/agenda. */
export interface AgendaAppointment {
  id: string;
  start: string;
  end: string;
  mode: Mode;
  status: AppointmentStatus;
  patient: { name: string; birth_date: string | null };
  motif: { id: string; label: string };
  payment: { state: PaymentState; amount_cents?: number };
}

/** The agenda's day once booking fills `appointments` (docs/booking.md). */
export type BookedAgendaDay = Omit<AgendaDay, 'appointments'> & {
  appointments: AgendaAppointment[];
};

export interface BookedAgendaView {
  timezone: string;
  delay_minutes: number;
  days: BookedAgendaDay[];
}
// --- Mes rendez-vous ------------------------------------------------------------------------------

/** Appointments that can still be cancelled by the patient. */
export function canCancel(a: Pick<Appointment, 'status' | 'cancellable'>): boolean {
  return a.cancellable && (a.status === 'pending_payment' || a.status === 'confirmed');
}

/** Whether the patient must (again) give a card: a pending booking, or a later hold that failed. */
export function needsCard(a: Pick<Appointment, 'status' | 'payment'>): boolean {
  return (
    a.status === 'pending_payment' ||
    (a.status === 'confirmed' && a.payment.state === 'card_required')
  );
}

export type BadgeTone = 'success' | 'warning' | 'neutral' | 'danger';

export function statusTone(status: AppointmentStatus): BadgeTone {
  switch (status) {
    case 'confirmed':
      return 'success';
    case 'pending_payment':
      return 'warning';
    case 'no_show':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** The appointments of one profile, or all of them (`null`). */
export function ofProfile<T extends { profile: { id: string } }>(
  list: T[],
  profileId: string | null,
): T[] {
  return profileId === null ? list : list.filter((a) => a.profile.id === profileId);
}

/** Soonest first (upcoming), or latest first (past). */
export function sortByStart<T extends { start: string }>(list: T[], order: 'asc' | 'desc'): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return list.slice().sort((x, y) => sign * (instantMs(x.start) - instantMs(y.start)));
}

/** The motif label of a cancel link (a string in the contract, tolerated as an object). */
export function motifLabel(m: CancelLinkAppointment['motif']): string {
  if (!m) return '';
  return typeof m === 'string' ? m : m.label;
}
// --- Emergency numbers ------------------------------------------------------------------------------

export const EMERGENCY = { samu: '15', europe: '112', sms: '114' } as const;
