// The password rules of docs/accounts.md, checked as the user types so that the checklist
// next to the field turns green rule by rule. The server stays the judge: it also refuses
// dictionary words and common passwords, which the client cannot know, and its message names
// the rule that failed.

export type PasswordRule =
  'length' | 'upper' | 'lower' | 'digitOrSpecial' | 'notEmailName' | 'notCommon';

export interface RuleCheck {
  rule: PasswordRule;
  /** true: met; false: not met; null: only the server can tell (shown as information). */
  ok: boolean | null;
}

export const MIN_PASSWORD_LENGTH = 12;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The pieces of an email's local part a password must not contain ("zoe.martin" → zoe, martin). */
export function emailNameParts(email: string): string[] {
  const local = fold(email.split('@')[0] ?? '');
  const parts = local.split(/[^a-z0-9]+/).filter((p) => p.length >= 3);
  if (local.length >= 3 && !parts.includes(local)) parts.unshift(local);
  return parts;
}

/** `names`: the person's first and last names, which the server also refuses in a password. */
export function checkPassword(password: string, email = '', names: string[] = []): RuleCheck[] {
  const chars = Array.from(password);
  const folded = fold(password);
  const personal = [...emailNameParts(email), ...names.map(fold).filter((n) => n.length >= 3)];
  return [
    { rule: 'length', ok: chars.length >= MIN_PASSWORD_LENGTH },
    { rule: 'upper', ok: chars.some((c) => c !== c.toLowerCase()) },
    { rule: 'lower', ok: chars.some((c) => c !== c.toUpperCase()) },
    { rule: 'digitOrSpecial', ok: chars.some((c) => /[0-9]/.test(c) || !/[\p{L}]/u.test(c)) },
    { rule: 'notEmailName', ok: password !== '' && !personal.some((p) => folded.includes(p)) },
    { rule: 'notCommon', ok: null },
  ];
}

/** True when every rule the client can check is met. */
export function passwordLooksValid(password: string, email = '', names: string[] = []): boolean {
  return checkPassword(password, email, names).every((r) => r.ok !== false);
}
