// What the patient pays and by when: amounts with cents (shown, and typed by the practitioner),
// and the payment window of a booking (its countdown, and whether the hold is placed later).
import type { Lang } from '../lang';

// --- Amounts ------------------------------------------------------------------------------------

/** Always with cents, as on a bill: 2500 → "25,00 €" (French), "€25.00" (English). */
export function formatAmount(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** An amount typed by the practitioner ("25", "25,5", "25.50 €") → cents; null if not one. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** "25,00" for an amount field (no currency sign: the label says euros). */
export function amountInput(cents: number, lang: Lang): string {
  const s = (cents / 100).toFixed(2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

// --- The payment window ---------------------------------------------------------------------------

/** Whole seconds left before `expiresAt` (ISO), never negative; null without a deadline. */
export function secondsLeft(
  expiresAt: string | null | undefined,
  now: number = Date.now(),
): number | null {
  if (!expiresAt) return null;
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** Beyond this, the card is saved and the hold placed later (payments.hold_lead, docs/booking.md). */
export const HOLD_LEAD_MS = 5 * 24 * 3600 * 1000;

/** Whether an appointment at `start` only has its card saved now, the hold being placed later. */
export function holdIsLater(start: string, now: number = Date.now()): boolean {
  return Date.parse(start) - now > HOLD_LEAD_MS;
}

/** 599 → "9:59", 5 → "0:05": a countdown as a clock. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
