// Amounts with cents, and the payment window's countdown.
import { describe, expect, it } from 'vitest';
import {
  amountInput,
  formatAmount,
  formatCountdown,
  holdIsLater,
  parseAmount,
  secondsLeft,
} from './payment';

describe('amounts', () => {
  it('always shows the cents', () => {
    expect(formatAmount(2500, 'fr')).toBe('25,00\u00a0€');
    expect(formatAmount(2550, 'fr')).toBe('25,50\u00a0€');
    expect(formatAmount(0, 'fr')).toBe('0,00\u00a0€');
    expect(formatAmount(2500, 'en')).toBe('€25.00');
  });
  it('reads what a practitioner types', () => {
    expect(parseAmount('25')).toBe(2500);
    expect(parseAmount('25,5')).toBe(2550);
    expect(parseAmount(' 25.50 € ')).toBe(2550);
    expect(parseAmount('25,505')).toBeNull();
    expect(parseAmount('-3')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('vingt')).toBeNull();
  });
  it('prefills an amount field in the user’s notation', () => {
    expect(amountInput(2500, 'fr')).toBe('25,00');
    expect(amountInput(2550, 'en')).toBe('25.50');
    expect(parseAmount(amountInput(1999, 'fr'))).toBe(1999);
  });
});

describe('payment window', () => {
  const now = Date.parse('2026-11-24T09:00:00+01:00');
  it('counts the seconds left, never below zero', () => {
    expect(secondsLeft('2026-11-24T09:10:00+01:00', now)).toBe(600);
    expect(secondsLeft('2026-11-24T08:10:00Z', now)).toBe(600);
    expect(secondsLeft('2026-11-24T09:00:00.400+01:00', now)).toBe(1);
    expect(secondsLeft('2026-11-24T08:59:00+01:00', now)).toBe(0);
    expect(secondsLeft(null, now)).toBeNull();
    expect(secondsLeft('bientôt', now)).toBeNull();
  });
  it('shows minutes and seconds', () => {
    expect(formatCountdown(600)).toBe('10:00');
    expect(formatCountdown(599)).toBe('9:59');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(-3)).toBe('0:00');
  });
  it('places the hold later beyond five days', () => {
    expect(holdIsLater('2026-11-29T09:00:01+01:00', now)).toBe(true);
    expect(holdIsLater('2026-11-29T09:00:00+01:00', now)).toBe(false);
    expect(holdIsLater('2026-11-24T10:00:00+01:00', now)).toBe(false);
  });
});
