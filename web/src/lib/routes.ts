// Every route of the web app in one place: the router, the navigation, the accessibility
// statement's list of assessed pages and the e2e tests all read from here. The addresses in
// emails (confirmer-email, reinitialiser-mot-de-passe, inscription/assistant) are part of the
// API contract (docs/accounts.md): do not rename them.
export const ROUTES = {
  home: '/',
  patient: '/patient',
  practitioner: '/praticien',
  operator: '/operateur',
  legal: '/mentions-legales',
  privacy: '/confidentialite',
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
  accountDeleted: '/compte-supprime',
  devMailbox: '/dev/mailbox',
} as const;

export type RouteName = keyof typeof ROUTES;

/** The address of one relative's page. */
export function relativePath(id: string): string {
  return ROUTES.relative.replace(':id', encodeURIComponent(id));
}
