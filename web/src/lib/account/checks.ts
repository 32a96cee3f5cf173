// Client checks shared by the sign-up and account forms. They return the message to show per
// field (undefined when fine); the server repeats every check and has the last word.
import type { Messages } from '../../i18n/fr';
import { checkPassword } from './password';
import { isEmail, isPhone } from '../validate';

type Checks = Messages['checks'];

export function checkNames(v: { first_name: string; last_name: string }, m: Checks) {
  return {
    first_name: v.first_name.trim() ? undefined : m.firstNameRequired,
    last_name: v.last_name.trim() ? undefined : m.lastNameRequired,
  };
}

export function checkEmail(email: string, m: Checks): string | undefined {
  if (!email.trim()) return m.emailRequired;
  return isEmail(email) ? undefined : m.emailInvalid;
}

export function checkPhone(phone: string, m: Checks): string | undefined {
  if (!phone.trim()) return m.phoneRequired;
  return isPhone(phone) ? undefined : m.phoneInvalid;
}

export function checkContact(v: { email: string; phone: string }, m: Checks) {
  return { email: checkEmail(v.email, m), phone: checkPhone(v.phone, m) };
}

/** Names the first rule a new password fails, the way the server's message would. */
export function checkNewPassword(
  password: string,
  email: string,
  t: Pick<Messages, 'checks'>,
  names: string[] = [],
): string | undefined {
  if (!password) return t.checks.passwordRequired;
  const failed = checkPassword(password, email, names).find((r) => r.ok === false);
  return failed ? t.checks.passwordErrors[failed.rule] : undefined;
}
