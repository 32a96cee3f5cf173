// The booking page's address (/rendez-vous/nouveau?…): reading its query, and making it for a
// slot of a practitioner's page.
import type { Mode } from '../directory/directory';
import { ROUTES } from '../routes';

export interface BookingQuery {
  practitioner: string;
  start: string;
  mode: Mode | null;
  motif: string | null;
  /** The appointment being paid for, once created: a reload resumes at the card step. */
  appointment: string | null;
}

const ISO_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)$/;

/** Reads the booking page's query; null when it cannot name a slot or an appointment. */
export function readBookingQuery(q: Record<string, string | undefined>): BookingQuery | null {
  const appointment = q.appointment && /^[\w-]{1,100}$/.test(q.appointment) ? q.appointment : null;
  const practitioner =
    q.practitioner && /^[\w-]{1,100}$/.test(q.practitioner) ? q.practitioner : '';
  const start = q.start && ISO_START.test(q.start) ? q.start : '';
  const mode = q.mode === 'video' || q.mode === 'in_person' ? q.mode : null;
  const motif = q.motif && /^[\w-]{1,100}$/.test(q.motif) ? q.motif : null;
  if (!appointment && (!practitioner || !start)) return null;
  return { practitioner, start, mode, motif, appointment };
}

/** Where "booking" starts for a slot of a practitioner's page. */
export function bookingPath(b: {
  practitioner: string;
  start: string;
  mode?: Mode | null;
  motif?: string | null;
  appointment?: string | null;
}): string {
  const qs = new URLSearchParams();
  if (b.practitioner) qs.set('practitioner', b.practitioner);
  if (b.start) qs.set('start', b.start);
  if (b.mode) qs.set('mode', b.mode);
  if (b.motif) qs.set('motif', b.motif);
  if (b.appointment) qs.set('appointment', b.appointment);
  return `${ROUTES.booking}?${qs.toString()}`;
}
