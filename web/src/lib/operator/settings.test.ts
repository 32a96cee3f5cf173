import { describe, expect, it } from 'vitest';
import { describe as describeValue, fromParts, kindOf, sameValue, toParts } from './settings';

const units = { minutes: 'min', hours: 'h', mo: 'Mo', per: 'par', none: 'aucun' };

describe('platform settings in plain units', () => {
  it('knows how each key is edited', () => {
    expect(kindOf('queue.fee_cents')).toBe('euros');
    expect(kindOf('queue.hours')).toBe('window');
    expect(kindOf('limits.login_per_ip')).toBe('limit');
    expect(kindOf('limits.max_delay')).toBe('minutes');
    expect(kindOf('health.file_max_size')).toBe('mo');
  });

  it('turns cabinet.toml values into fields and back', () => {
    expect(toParts('euros', '750', 'fr')).toEqual(['7,5']);
    expect(fromParts('euros', ['7,50'])).toBe('750');
    expect(fromParts('euros', ['sept'])).toBeNull();
    expect(toParts('minutes', '10m', 'fr')).toEqual(['10']);
    expect(fromParts('minutes', ['15'])).toBe('900s');
    expect(toParts('hours', '24h', 'fr')).toEqual(['24']);
    expect(fromParts('hours', ['1,5'])).toBe('90m');
    expect(toParts('mo', '5MiB', 'fr')).toEqual(['5']);
    expect(fromParts('mo', ['2'])).toBe('2048KiB');
    expect(toParts('window', '07:00-24:00', 'fr')).toEqual(['07:00', '24:00']);
    expect(fromParts('window', ['08:00', '20:00'])).toBe('08:00-20:00');
    expect(toParts('limit', '300/10m', 'fr')).toEqual(['300', '10']);
    expect(fromParts('limit', ['50', '60'])).toBe('50/3600s');
    expect(fromParts('limit', ['beaucoup', '60'])).toBeNull();
    expect(toParts('types', 'image/jpeg,image/png', 'fr')).toEqual(['image/jpeg, image/png']);
    expect(fromParts('types', [' image/jpeg ,, application/pdf'])).toBe(
      'image/jpeg,application/pdf',
    );
  });

  it('sees the same value written two ways as unchanged', () => {
    expect(sameValue('minutes', '600s', '10m')).toBe(true);
    expect(sameValue('mo', '5120KiB', '5MiB')).toBe(true);
    expect(sameValue('limit', '300/600s', '300/10m')).toBe(true);
    expect(sameValue('euros', '500', '700')).toBe(false);
  });

  it('says a value in words', () => {
    expect(describeValue('euros', '500', 'fr', units)).toMatch(/^5,00\s€$/);
    expect(describeValue('limit', '300/10m', 'fr', units)).toBe('300 par 10 min');
    expect(describeValue('roles', '', 'fr', units)).toBe('aucun');
  });
});
