// Client-side checks: NIR key, RPPS (Luhn), phone numbers, ages, codes.
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkNir,
  cleanCode,
  formatNir,
  formatPhone,
  isPhone,
  isRpps,
  luhnCheckDigit,
  luhnValid,
  normalizePhone,
} from './validate';

describe('NIR', () => {
  it('checks the key: 97 − (number mod 97)', () => {
    expect(checkNir('2 85 05 78 006 084 41')).toBe('ok');
    expect(checkNir('285057800608441')).toBe('ok');
    expect(checkNir('285057800608436')).toBe('key');
    expect(checkNir('')).toBe('empty');
    expect(checkNir('28505780060')).toBe('format');
    expect(checkNir('985057800608441')).toBe('format');
  });

  it('counts Corsica as 19 (2A) and 18 (2B)', () => {
    const body = '1850520123456';
    const key = (b: string) =>
      String(97n - (BigInt(b.replace('2A', '19').replace('2B', '18')) % 97n)).padStart(2, '0');
    const corsica = '18505' + '2A' + '123456';
    expect(checkNir(corsica + key(corsica))).toBe('ok');
    expect(checkNir(corsica.toLowerCase() + key(corsica))).toBe('ok');
    expect(checkNir(body + key(body))).toBe('ok');
  });

  it('prints it as on the carte Vitale', () => {
    expect(formatNir('285057800608441')).toBe('2 85 05 78 006 084 41');
  });
});

describe('RPPS', () => {
  it('is 11 digits with a Luhn key', () => {
    const rpps = '1000345678' + luhnCheckDigit('1000345678');
    expect(luhnValid(rpps)).toBe(true);
    expect(isRpps(rpps)).toBe(true);
    expect(isRpps(rpps.slice(0, 10) + String((Number(rpps[10]) + 1) % 10))).toBe(false);
    expect(isRpps('1234')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });
});

describe('phone', () => {
  it('writes French numbers in E.164', () => {
    expect(normalizePhone('06 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('06.12.34.56.78')).toBe('+33612345678');
    expect(normalizePhone('0033612345678')).toBe('+33612345678');
    expect(normalizePhone('+44 7700 900123')).toBe('+447700900123');
    expect(isPhone('07 00 00 00 00')).toBe(true);
    expect(isPhone('12')).toBe(false);
    expect(isPhone('01 23 45 67 89')).toBe(false);
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+447700900123')).toBe('+447700900123');
  });
});

describe('ageOn', () => {
  it('counts whole years and rejects impossible dates', () => {
    const today = new Date(2026, 10, 22);
    expect(ageOn('1990-04-02', today)).toBe(36);
    expect(ageOn('2011-11-22', today)).toBe(15);
    expect(ageOn('2011-11-23', today)).toBe(14);
    expect(ageOn('2026-02-30', today)).toBeNull();
    expect(ageOn('02/04/1990', today)).toBeNull();
  });
});

it('keeps the digits of a pasted code', () => {
  expect(cleanCode(' 123 456 ')).toBe('123456');
  expect(cleanCode('12-34-56-78')).toBe('123456');
});
