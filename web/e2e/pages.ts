// The pages under test and the heading each must show, read from the app's own routes and
// messages so that a wording change does not break the suite, but a missing page does.
import { en } from '../src/i18n/en';
import { fr, type Messages } from '../src/i18n/fr';
import type { Lang } from '../src/lib/lang';
import { ROUTES } from '../src/lib/routes';

export const MESSAGES: Record<Lang, Messages> = { fr, en };

export interface PageCase {
  name: string;
  path: string;
  heading: (t: Messages) => string;
}

export const PAGES: PageCase[] = [
  { name: 'home', path: ROUTES.home, heading: (t) => t.home.title },
  { name: 'patient', path: ROUTES.patient, heading: (t) => t.patient.title },
  { name: 'practitioner', path: ROUTES.practitioner, heading: (t) => t.practitioner.title },
  { name: 'operator', path: ROUTES.operator, heading: (t) => t.operator.title },
  { name: 'legal', path: ROUTES.legal, heading: (t) => t.legal.title },
  { name: 'privacy', path: ROUTES.privacy, heading: (t) => t.privacy.title },
  { name: 'accessibility', path: ROUTES.accessibility, heading: (t) => t.a11y.title },
  { name: 'not-found', path: '/cette-page-n-existe-pas', heading: (t) => t.notFound.title },
  // Accounts, signed out. Pages opened without their emailed token show their "link no longer
  // works" state, which is what a visitor with a broken link sees.
  { name: 'signup', path: ROUTES.signup, heading: (t) => t.signup.title },
  {
    name: 'signup-practitioner',
    path: ROUTES.signupPractitioner,
    heading: (t) => t.signupPractitioner.title,
  },
  {
    name: 'signup-assistant',
    path: ROUTES.signupAssistant,
    heading: (t) => t.signupAssistant.invalidTitle,
  },
  { name: 'confirm-email', path: ROUTES.confirmEmail, heading: (t) => t.confirmEmail.invalidTitle },
  { name: 'login', path: ROUTES.login, heading: (t) => t.login.title },
  { name: 'forgot-password', path: ROUTES.forgotPassword, heading: (t) => t.forgot.title },
  { name: 'reset-password', path: ROUTES.resetPassword, heading: (t) => t.reset.invalidTitle },
  { name: 'account-deleted', path: ROUTES.accountDeleted, heading: (t) => t.myData.deletedTitle },
  { name: 'dev-mailbox', path: ROUTES.devMailbox, heading: (t) => t.mailbox.title },
  // The pharmacist's check of a prescription, without an account: an unknown number.
  {
    name: 'verify-prescription',
    path: ROUTES.verifyPrescription.replace(':number', '00000000000'),
    heading: (t) => t.verify.title,
  },
];
