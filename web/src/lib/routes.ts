// Every route of the web app in one place: the router, the navigation, the accessibility
// statement's list of assessed pages and the e2e tests all read from here.
export const ROUTES = {
  home: '/',
  patient: '/patient',
  practitioner: '/praticien',
  operator: '/operateur',
  legal: '/mentions-legales',
  privacy: '/confidentialite',
  accessibility: '/accessibilite',
} as const;

export type RouteName = keyof typeof ROUTES;
