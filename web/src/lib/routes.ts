// Every route of the web app in one place: the router, the navigation, the accessibility
// statement's list of assessed pages and the e2e tests all read from here. The addresses in
// emails (confirmer-email, reinitialiser-mot-de-passe, inscription/assistant) are part of the
// API contract (docs/accounts.md): do not rename them.
export const ROUTES = {
  home: '/',
  patient: '/patient',
  myAppointments: '/patient/rendez-vous',
  // The patient's documents after a consultation (docs/documents.md), per profile.
  myDocuments: '/patient/documents',
  // The health space (docs/health-space.md): one profile's medical profile, and the documents
  // joined to an upcoming appointment (from Mes rendez-vous and the booking's confirmation).
  medicalProfile: '/patient/profil-medical/:profile',
  appointmentDocuments: '/patient/rendez-vous/:id/documents',
  // "Contacter mon praticien" (docs/messaging.md): the patient's conversations and one thread.
  messages: '/messages',
  messageThread: '/messages/:id',
  practitioner: '/praticien',
  operator: '/operateur',
  // The operator's account tools and log (docs/operator.md "Accounts").
  operatorAccounts: '/operateur/comptes',
  operatorLog: '/operateur/journal',
  // The operator's statistics (docs/operator.md "Statistics"); a partner administrator's home.
  operatorStats: '/operateur/statistiques',
  // White-label partners and insurers' codes (docs/operator.md "Partners").
  operatorPartners: '/operateur/partenaires',
  // The operator's platform settings (docs/operator.md "Settings").
  operatorSettings: '/operateur/parametres',
  legal: '/mentions-legales',
  privacy: '/confidentialite',
  // The conditions of use: a partner's own on its host (docs/operator.md "Partners").
  terms: '/cgu',
  accessibility: '/accessibilite',
  signup: '/inscription',
  signupPractitioner: '/inscription/praticien',
  signupAssistant: '/inscription/assistant',
  confirmEmail: '/confirmer-email',
  login: '/connexion',
  forgotPassword: '/mot-de-passe-oublie',
  resetPassword: '/reinitialiser-mot-de-passe',
  account: '/compte',
  relatives: '/compte/proches',
  relative: '/compte/proches/:id',
  security: '/compte/securite',
  accessLog: '/compte/acces',
  myData: '/compte/donnees',
  // "Mes avantages": an insurer's activation code and what is left of it this year.
  benefits: '/compte/avantages',
  accountDeleted: '/compte-supprime',
  devMailbox: '/dev/mailbox',
  search: '/recherche',
  // Booking (docs/booking.md). /annuler?token= is the cancel link of the confirmation email:
  // part of the API contract, do not rename it.
  booking: '/rendez-vous/nouveau',
  cancelLink: '/annuler',
  // The immediate queue (docs/queue.md): the queues and their hours (public), joining one, and
  // the waiting screen of an entry, which the patient keeps open until called.
  queues: '/maintenant',
  queueEntry: '/maintenant/file/:entry',
  queueJoin: '/maintenant/:specialty',
  // The practitioner area's pages come before the public page: the router takes the first
  // route that matches, and "/praticien/:id" would match "/praticien/profil".
  practitionerProfile: '/praticien/profil',
  agenda: '/praticien/agenda',
  agendaHours: '/praticien/agenda/horaires',
  consultations: '/praticien/consultations',
  // The practitioner's (and an allowed assistant's) side of the messaging, and one thread.
  staffMessages: '/praticien/messages',
  staffThread: '/praticien/messages/:id',
  // The practitioner's side of the immediate queue: on duty or not, the queue, "take the next".
  practitionerQueue: '/praticien/maintenant',
  // The closing form of one consultation, from the day's list (and its documents once closed).
  consultationClose: '/praticien/consultations/:id/cloture',
  practitionerPublic: '/praticien/:id',
  // The teleconsultation room (docs/consultation.md): the pre-call test, then the room itself
  // (waiting room, call, chat) at the same address for the patient and the practitioner.
  consultationTest: '/consultation/:id/test',
  consultation: '/consultation/:id',
  // A guest's way in (a relative or an interpreter, ROOM8): the link of an invitation, opened
  // without an account. Part of the API contract (the server builds these links).
  invitation: '/invitation/:token',
  // The pharmacist's check of a prescription, without an account: the address the QR code of
  // every ordonnance encodes (<base>/verifier/<number>?cle=<key>). Part of the API contract.
  verifyPrescription: '/verifier/:number',
} as const;

export type RouteName = keyof typeof ROUTES;

/** The address of one relative's page. */
export function relativePath(id: string): string {
  return ROUTES.relative.replace(':id', encodeURIComponent(id));
}

/** A practitioner's public page; with a slot (from a search result) to highlight. */
export function practitionerPath(id: string, opts: { slot?: string; mode?: string } = {}): string {
  const qs = new URLSearchParams();
  if (opts.slot) qs.set('creneau', opts.slot);
  if (opts.mode) qs.set('mode', opts.mode);
  const base = ROUTES.practitionerPublic.replace(':id', encodeURIComponent(id));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** The closing form of one consultation ("Clôturer", from the day's list). */
export function closePath(id: string): string {
  return ROUTES.consultationClose.replace(':id', encodeURIComponent(id));
}

/** Joining the immediate queue of a specialty. */
export function queueJoinPath(specialty: string): string {
  return ROUTES.queueJoin.replace(':specialty', encodeURIComponent(specialty));
}

/** The waiting screen of one queue entry. */
export function queueEntryPath(id: string): string {
  return ROUTES.queueEntry.replace(':entry', encodeURIComponent(id));
}

/** One profile's medical profile. */
export function medicalPath(profile: string): string {
  return ROUTES.medicalProfile.replace(':profile', encodeURIComponent(profile));
}

/** The documents joined to an upcoming appointment ("Joindre des documents"). */
export function appointmentDocumentsPath(id: string): string {
  return ROUTES.appointmentDocuments.replace(':id', encodeURIComponent(id));
}

/** One conversation: the patient's side, or the practitioner's. */
export function threadPath(id: string, staff = false): string {
  return (staff ? ROUTES.staffThread : ROUTES.messageThread).replace(':id', encodeURIComponent(id));
}
