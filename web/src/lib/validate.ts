// Client-side checks that help before sending: the server is authoritative for all of them.

/** Removes spaces, dots and dashes people type in numbers. */
export function compact(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/**
 * A French phone number in E.164 (+33…) when we can tell, else what was typed without spaces:
 * "06 12 34 56 78" → "+33612345678"; "+44 20…" stays international.
 */
export function normalizePhone(value: string): string {
  const v = compact(value).replace(/[()]/g, '');
  if (/^0[1-9]\d{8}$/.test(v)) return `+33${v.slice(1)}`;
  if (/^0033[1-9]\d{8}$/.test(v)) return `+${v.slice(2)}`;
  return v;
}

/** "+33612345678" → "06 12 34 56 78", the way French numbers are read; others unchanged. */
export function formatPhone(value: string): string {
  const m = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  return m ? `0${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]}` : value;
}

/** A mobile number (codes are sent by text message one day): in France, 06 or 07. */
export function isPhone(value: string): boolean {
  const v = normalizePhone(value);
  if (v.startsWith('+33')) return /^\+33[67]\d{8}$/.test(v);
  return /^\+[1-9]\d{7,14}$/.test(v);
}

/** Luhn checksum, used by RPPS numbers (11 digits). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `body` Luhn-valid when appended. */
export function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return String(d);
  throw new Error('unreachable');
}

export function isRpps(value: string): boolean {
  const v = compact(value);
  return /^\d{11}$/.test(v) && luhnValid(v);
}

export type NirCheck = 'empty' | 'format' | 'key' | 'ok';

/**
 * French social security number (NIR): 13 characters + a 2-digit key, where the key is
 * 97 − (number mod 97); Corsica's departments 2A and 2B count as 19 and 18.
 */
export function checkNir(value: string): NirCheck {
  const v = compact(value).toUpperCase();
  if (v === '') return 'empty';
  if (!/^[1-478]\d{4}(\d{2}|2A|2B)\d{6}\d{2}$/.test(v)) return 'format';
  const body = v.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = 97n - (BigInt(body) % 97n);
  return key === BigInt(v.slice(13)) ? 'ok' : 'key';
}

/** "285057800608436" → "2 85 05 78 006 084 36", the way it is printed on a carte Vitale. */
export function formatNir(value: string): string {
  const v = compact(value).toUpperCase();
  if (v.length !== 15) return value;
  return [
    v.slice(0, 1),
    v.slice(1, 3),
    v.slice(3, 5),
    v.slice(5, 7),
    v.slice(7, 10),
    v.slice(10, 13),
    v.slice(13),
  ].join(' ');
}

/** Whole years between an ISO birth date and `today`; null when the date is not valid. */
export function ageOn(birthDate: string, today: Date = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--;
  return age;
}

/** A login or TOTP code: exactly 6 digits once spaces are removed. */
export function cleanCode(value: string): string {
  return value.replace(/\D/g, '').slice(0, 6);
}
