// Test data shared by the booking tests (booking.test.ts, newAppointment.test.ts); the app does
// not import it.
import type { Appointment } from './booking';

export function appointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: 'a1',
    status: 'confirmed',
    start: '2026-11-24T09:30:00+01:00',
    end: '2026-11-24T09:50:00+01:00',
    mode: 'video',
    hold_expires_at: null,
    practitioner: {
      id: 'p1',
      name: 'Dr Camille Durand',
      specialty: 'general_medicine',
      specialty_label: 'Médecine générale',
    },
    motif: { id: 'm1', label: 'Consultation', duration_min: 20 },
    profile: { id: 'pr1', first_name: 'Léa', last_name: 'Martin' },
    price_cents: 2500,
    payment: { state: 'held', amount_cents: 2500, captured_cents: 0, brand: 'visa', last4: '4242' },
    cancelled_by: null,
    cancellable: true,
    ...over,
  };
}
