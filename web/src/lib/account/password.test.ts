// The live password checklist: each rule of docs/accounts.md that the client can check.
import { describe, expect, it } from 'vitest';
import { checkPassword, emailNameParts, passwordLooksValid, type PasswordRule } from './password';

function state(password: string, email = ''): Record<PasswordRule, boolean | null> {
  return Object.fromEntries(checkPassword(password, email).map((r) => [r.rule, r.ok])) as Record<
    PasswordRule,
    boolean | null
  >;
}

describe('password checklist', () => {
  it('starts with every checkable rule unmet', () => {
    expect(state('')).toEqual({
      length: false,
      upper: false,
      lower: false,
      digitOrSpecial: false,
      notEmailName: false,
      notCommon: null,
    });
  });

  it('turns rules green one by one', () => {
    expect(state('abc')).toMatchObject({ lower: true, upper: false, length: false });
    expect(state('abcD')).toMatchObject({ lower: true, upper: true, digitOrSpecial: false });
    expect(state('abcD!')).toMatchObject({ digitOrSpecial: true });
    expect(state('abcD4')).toMatchObject({ digitOrSpecial: true });
    expect(state('Cabinet-Vert-2026')).toMatchObject({
      length: true,
      upper: true,
      lower: true,
      digitOrSpecial: true,
      notEmailName: true,
    });
  });

  it('counts characters, not UTF-16 units, and knows accented capitals', () => {
    expect(state('Éléphant-été')).toMatchObject({ length: true, upper: true });
    expect(state('😀😀😀😀😀😀😀😀😀😀😀').length).toBe(false);
  });

  it('leaves dictionary and common-password checks to the server', () => {
    expect(checkPassword('Password1234').find((r) => r.rule === 'notCommon')?.ok).toBeNull();
    expect(passwordLooksValid('Password1234')).toBe(true);
  });

  it('refuses the name of the email address, whatever the case or accents', () => {
    expect(emailNameParts('zoe.martin@example.fr')).toEqual(['zoe.martin', 'zoe', 'martin']);
    expect(emailNameParts('Zoé@x.fr')).toEqual(['zoe']);
    expect(emailNameParts('a.b@x.fr')).toEqual(['a.b']);
    expect(state('Martin-Cabinet-2026', 'zoe.martin@example.fr').notEmailName).toBe(false);
    expect(state('ZOÉ-Cabinet-2026', 'zoe@example.fr').notEmailName).toBe(false);
    expect(state('Cabinet-Vert-2026', 'zoe.martin@example.fr').notEmailName).toBe(true);
    expect(passwordLooksValid('Martin-Cabinet-2026', 'zoe.martin@example.fr')).toBe(false);
  });

  it('refuses the person’s own names too, as the server does', () => {
    expect(passwordLooksValid('Robert-Agenda-2026', '', ['Inès', 'Robert'])).toBe(false);
    expect(passwordLooksValid('Ines-Agenda-2026', '', ['Inès', 'Robert'])).toBe(false);
    expect(passwordLooksValid('Agenda-Bleu-2026', '', ['Inès', 'Robert'])).toBe(true);
    expect(passwordLooksValid('Agenda-Bleu-2026', '', ['Al'])).toBe(true);
  });
});
