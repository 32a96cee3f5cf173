// The queue's words: durations and ranges, places, counts, hours, the fee and the end, in
// French and English with the app's own messages.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { formatAmount } from '../booking/payment';
import {
  clockText,
  countText,
  daysUntil,
  durationText,
  endReasonText,
  feeText,
  hoursText,
  ordinal,
  positionNews,
  positionText,
  waitedMinutes,
  waitText,
} from './format';

const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('durationText', () => {
  it('says minutes, then hours and minutes', () => {
    expect(nb(durationText(45, 'fr'))).toBe('45 min');
    expect(nb(durationText(60, 'fr'))).toBe('1 h');
    expect(nb(durationText(70, 'fr'))).toBe('1 h 10');
    expect(nb(durationText(125, 'fr'))).toBe('2 h 05');
    expect(nb(durationText(70, 'en'))).toBe('1 h 10 min');
    expect(nb(durationText(-3, 'fr'))).toBe('0 min');
  });
});

describe('waitText', () => {
  const w = fr.queue.estimate;
  it('says a range with the unit once when under an hour', () => {
    expect(waitText([10, 20], w, 'fr')).toBe('environ 10 à 20 min');
    expect(waitText([10, 20], en.queue.estimate, 'en')).toBe('about 10 to 20 min');
  });
  it('orders the ends and says one value when they meet', () => {
    expect(waitText([20, 10], w, 'fr')).toBe('environ 10 à 20 min');
    expect(nb(waitText([15, 15], w, 'fr'))).toBe('environ 15 min');
  });
  it('says "moins de" from zero, and a moment when both are zero', () => {
    expect(nb(waitText([0, 5], w, 'fr'))).toBe('moins de 5 min');
    expect(waitText([0, 0], w, 'fr')).toBe('quelques instants');
  });
  it('puts the units on each end past an hour', () => {
    expect(nb(waitText([45, 70], w, 'fr'))).toBe('environ 45 min à 1 h 10');
    expect(nb(waitText([60, 90], w, 'fr'))).toBe('environ 1 h à 1 h 30');
  });
});

describe('places in the queue', () => {
  it('has French and English ordinals', () => {
    expect([1, 2, 3, 10].map((n) => ordinal(n, 'fr'))).toEqual(['1er', '2e', '3e', '10e']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => ordinal(n, 'en'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
  it('says "le prochain" for the first place, the ordinal after', () => {
    expect(positionText(1, fr.queue.position, 'fr')).toBe('Vous êtes le prochain');
    expect(positionText(3, fr.queue.position, 'fr')).toBe('Vous êtes 3e');
    expect(positionText(2, en.queue.position, 'en')).toBe('You are 2nd');
    expect(positionNews(2, fr.queue.position, 'fr')).toBe('Vous êtes maintenant 2e dans la file.');
    expect(positionNews(1, en.queue.position, 'en')).toBe('You are now next.');
  });
  it('counts practitioners and people', () => {
    expect(countText(0, fr.queue.onDuty)).toBe('Aucun praticien disponible pour le moment');
    expect(countText(1, fr.queue.onDuty)).toBe('1 praticien disponible');
    expect(countText(3, fr.queue.onDuty)).toBe('3 praticiens disponibles');
    expect(countText(2, fr.queue.ahead)).toBe('2 personnes avant vous');
  });
});

describe('hours', () => {
  const w = fr.queue.hours;
  // 2026-11-24 is a Tuesday; Paris is at +01:00 in November.
  const now = Date.parse('2026-11-24T15:00:00+01:00');

  it('says a clock as it is spoken', () => {
    expect(nb(clockText('2026-11-24T07:00:00+01:00', w, 'fr'))).toBe('7 h');
    expect(nb(clockText('2026-11-24T07:30:00+01:00', w, 'fr'))).toBe('7 h 30');
    expect(clockText('2026-11-25T00:00:00+01:00', w, 'fr')).toBe('minuit');
    expect(clockText('2026-11-24T12:00:00+01:00', w, 'fr')).toBe('midi');
    expect(clockText('2026-11-24T07:30:00+01:00', en.queue.hours, 'en')).toBe('07:30');
    expect(clockText('nonsense', w, 'fr')).toBe('');
  });

  it('says the hours of an open queue', () => {
    const q = {
      open: true,
      opens_at: '2026-11-24T07:00:00+01:00',
      closes_at: '2026-11-25T00:00:00+01:00',
    };
    expect(nb(hoursText(q, now, w, 'fr'))).toBe('Ouvert de 7 h à minuit');
    expect(nb(hoursText({ ...q, opens_at: null }, now, w, 'fr'))).toBe('Ouvert jusqu’à minuit');
    expect(hoursText({ ...q, opens_at: '2026-11-24T00:00:00+01:00' }, now, w, 'fr')).toBe(
      'Ouvert jour et nuit',
    );
  });

  it('says when a closed queue opens: today, tomorrow, or the day', () => {
    const at = (iso: string) =>
      nb(hoursText({ open: false, opens_at: iso, closes_at: null }, now, w, 'fr'));
    expect(at('2026-11-24T19:00:00+01:00')).toBe('Ouvre à 19 h');
    expect(at('2026-11-25T07:00:00+01:00')).toBe('Ouvre demain à 7 h');
    expect(at('2026-11-28T08:30:00+01:00')).toBe('Ouvre samedi 28 novembre à 8 h 30');
    expect(hoursText({ open: false, opens_at: null, closes_at: null }, now, w, 'fr')).toBe('Fermé');
  });

  it('reads "today" in the instant\'s own offset, not the browser\'s', () => {
    // At 23:30 in Paris (22:30 UTC), 7 h is tomorrow; at 00:30 (still the 24th in UTC), today.
    const late = Date.parse('2026-11-24T23:30:00+01:00');
    expect(daysUntil('2026-11-25T07:00:00+01:00', late)).toBe(1);
    expect(daysUntil('2026-11-25T07:00:00+01:00', Date.parse('2026-11-25T00:30:00+01:00'))).toBe(0);
  });
});

describe('fee and end', () => {
  const amount = (c: number) => nb(formatAmount(c, 'fr'));
  const w = fr.queue.fee;
  it('says the fee apart, or why it is waived', () => {
    expect(feeText({ fee_cents: 500, fee_waived: false }, amount, w)).toBe(
      '5,00 €, non remboursables',
    );
    expect(feeText({ fee_cents: 500, fee_waived: true, fee_waived_reason: 'css' }, amount, w)).toBe(
      'offerts (CSS)',
    );
    expect(
      feeText({ fee_cents: 500, fee_waived: true, fee_waived_reason: 'css_ald' }, amount, w),
    ).toBe('offerts (CSS/ALD)');
    expect(
      feeText(
        { fee_cents: 500, fee_waived: true, fee_waived_reason: 'Affection longue durée' },
        amount,
        w,
      ),
    ).toBe('offerts (Affection longue durée)');
    expect(feeText({ fee_cents: 500, fee_waived: true }, amount, w)).toBe('offerts');
  });

  it('says why an entry was removed', () => {
    const e = fr.queue.end;
    expect(endReasonText('grace', e)).toBe(e.gone);
    expect(endReasonText('no_answer', e)).toBe(e.noAnswer);
    expect(endReasonText('queue_closed', e)).toBe(e.closed);
    expect(endReasonText('Retiré par le praticien.', e)).toBe('Retiré par le praticien.');
    expect(endReasonText('zzz', e)).toBe(e.generic);
    expect(endReasonText(null, e)).toBe(e.generic);
  });
});

describe('waitedMinutes', () => {
  it('counts from the arrival with the clock, or falls back on the server', () => {
    const now = Date.parse('2026-11-24T15:00:00Z');
    expect(waitedMinutes({ joined_at: '2026-11-24T14:47:30Z', waited_minutes: 3 }, now)).toBe(12);
    expect(waitedMinutes({ joined_at: '', waited_minutes: 3 }, now)).toBe(3);
    expect(waitedMinutes({ joined_at: '2026-11-24T15:01:00Z', waited_minutes: 0 }, now)).toBe(0);
  });
});
