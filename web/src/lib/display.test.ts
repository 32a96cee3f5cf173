// What the user reads: error sentences, access-log sentences, dates, devices, mail links.
import { describe, expect, it } from 'vitest';
import { fr } from '../i18n/fr';
import { classifyAction, elideDe, fromText, groupByDay, isOwnAction } from './account/accessLog';
import { ApiError, CLIENT_ERROR_CODES } from './api';
import { formatBirthDate, formatDateTime, formatTime } from './dates';
import { errorField, errorText } from './errors';
import { linkify } from './linkify';
import type { Me } from './account/types';
import { parseUserAgent } from './account/userAgent';

describe('errorText', () => {
  const m = fr.errors;
  it('shows the server message for validation and business errors', () => {
    const err = new ApiError(
      400,
      'invalid_request',
      'Le mot de passe doit contenir au moins 12 caractères.',
      'password',
    );
    expect(errorText(err, m)).toBe('Le mot de passe doit contenir au moins 12 caractères.');
    expect(errorField(err)).toBe('password');
    const wrong = new ApiError(400, 'code_incorrect', 'Code incorrect. Il vous reste 4 essais.');
    expect(errorText(wrong, m)).toBe('Code incorrect. Il vous reste 4 essais.');
    expect(errorField(wrong)).toBe('code');
    expect(errorField(new ApiError(401, 'invalid_credentials', 'x'))).toBeUndefined();
  });

  it('words what the server cannot: no answer, a delay, an ended session', () => {
    expect(errorText(new ApiError(0, CLIENT_ERROR_CODES.network, 'TypeError'), m)).toBe(m.network);
    expect(errorText(new ApiError(429, 'rate_limited', 'x', undefined, 600), m)).toBe(
      'Trop de tentatives. Réessayez dans 10 minutes.',
    );
    expect(errorText(new ApiError(429, 'rate_limited', 'x', undefined, 61), m)).toBe(
      'Trop de tentatives. Réessayez dans 2 minutes.',
    );
    expect(errorText(new ApiError(429, 'rate_limited', 'x', undefined, 60), m)).toBe(
      m.rateLimitedOne,
    );
    expect(errorText(new ApiError(429, 'rate_limited', 'x', undefined, 1), m)).toBe(
      m.rateLimitedSeconds,
    );
    expect(errorText(new ApiError(429, 'rate_limited', 'x'), m)).toBe(m.rateLimitedSoon);
    expect(errorText(new ApiError(401, 'session_expired', 'x'), m)).toBe(m.sessionExpired);
    expect(errorText(new ApiError(502, CLIENT_ERROR_CODES.http, 'HTTP 502'), m)).toBe(m.server);
    expect(errorText(new Error('boom'), m)).toBe(m.generic);
  });
});

describe('access log sentences', () => {
  it('reads free-form actions by keywords', () => {
    expect(classifyAction('administrative.read')).toEqual({
      verb: 'read',
      object: 'administrative',
    });
    expect(classifyAction('profile.administrative.write')).toEqual({
      verb: 'write',
      object: 'administrative',
    });
    expect(classifyAction('profile.update')).toEqual({ verb: 'write', object: 'profile' });
    expect(classifyAction('administrative_update')).toEqual({
      verb: 'write',
      object: 'administrative',
    });
    expect(classifyAction('profile.create')).toEqual({ verb: 'create', object: 'profile' });
    expect(classifyAction('export')).toEqual({ verb: 'export', object: 'data' });
    expect(classifyAction('something')).toEqual({ verb: 'other', object: 'data' });
  });

  it('groups entries by the server’s day, keeping the newest first', () => {
    const e = (at: number, day: string) => ({
      at,
      day,
      action: 'x',
      actor: { name: 'Vous', role: 'patient' },
      profile: { id: 'p1', name: 'Zoé' },
    });
    const groups = groupByDay([e(30, '2026-12-03'), e(20, '2026-12-03'), e(10, '2026-12-01')]);
    expect(groups.map((g) => [g.day, g.entries.map((x) => x.at)])).toEqual([
      ['2026-12-03', [30, 20]],
      ['2026-12-01', [10]],
    ]);
  });

  it('shows the patient’s own address, and only the network of anyone else', () => {
    const base = {
      at: 0,
      action: 'consultation.chat.read',
      actor: { name: 'Dr Claire Martin', role: 'practitioner' },
      profile: { id: 'p1', name: 'Zoé' },
    };
    const words = fr.accessLog.from;
    expect(fromText({ ...base, from: { ip: '192.0.2.10' } }, words)).toBe(
      'depuis votre adresse 192.0.2.10',
    );
    expect(fromText({ ...base, from: { network: '192.0.2.0/24' } }, words)).toBe(
      'depuis le réseau 192.0.2.0/24',
    );
    expect(fromText({ ...base, from: null }, words)).toBeNull();
    expect(fromText(base, words)).toBeNull();
  });

  it('elides "de" before a vowel in French', () => {
    expect(elideDe('les données de {name}', 'Emma')).toBe('les données d’{name}');
    expect(elideDe('les données de {name}', 'Léa')).toBe('les données de {name}');
  });

  it('recognises the holder as the actor', () => {
    const me = {
      account: { role: 'patient', email: 'zoe@example.fr' },
      profiles: [{ id: 'p1', is_holder: true, first_name: 'Zoé', last_name: 'Martin' }],
    } as unknown as Me;
    const entry = (name: string, role = 'patient') => ({
      at: 0,
      action: 'administrative.read',
      actor: { name, role },
      profile: { id: 'p1', name: 'Zoé' },
    });
    expect(isOwnAction(entry('Zoé Martin'), me)).toBe(true);
    expect(isOwnAction(entry('zoé  martin'), me)).toBe(true);
    expect(isOwnAction(entry('Vous'), me)).toBe(true);
    expect(isOwnAction(entry('You'), me)).toBe(true);
    expect(isOwnAction(entry('Vous', 'operator'), me)).toBe(false);
    expect(isOwnAction(entry('Dr Camille Durand', 'practitioner'), me)).toBe(false);
  });
});

describe('dates', () => {
  const now = new Date(2026, 10, 22, 20, 0);
  it('says today, yesterday, or the day, with the French "h"', () => {
    expect(formatTime(new Date(2026, 10, 22, 9, 5), 'fr')).toBe('9\u00a0h\u00a005');
    expect(formatDateTime(new Date(2026, 10, 22, 9, 30).getTime() / 1000, 'fr', now)).toBe(
      'aujourd’hui à 9\u00a0h\u00a030',
    );
    expect(formatDateTime(new Date(2026, 10, 21, 18, 15).getTime() / 1000, 'fr', now)).toBe(
      'hier à 18\u00a0h\u00a015',
    );
    expect(formatDateTime(new Date(2026, 11, 7, 18, 15).getTime() / 1000, 'fr', now)).toBe(
      'lundi 7 décembre à 18\u00a0h\u00a015',
    );
    expect(formatDateTime(new Date(2025, 11, 7, 18, 15).getTime() / 1000, 'en', now)).toBe(
      'Sunday, 7 December 2025 at 18:15',
    );
    expect(formatDateTime('2026-11-22T08:00:00', 'en', now)).toBe('today at 08:00');
  });

  it('writes birth dates without time zone drift', () => {
    expect(formatBirthDate('1990-04-02', 'fr')).toBe('2 avril 1990');
    expect(formatBirthDate(null, 'fr')).toBe('');
  });
});

describe('devices', () => {
  it('names browser and system', () => {
    expect(
      parseUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', os: 'Windows' });
    expect(
      parseUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', os: 'iOS' });
    expect(
      parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    ).toEqual({ browser: 'Firefox', os: 'Linux' });
    expect(parseUserAgent('curl/8.0')).toEqual({ browser: null, os: null });
  });
});

describe('linkify', () => {
  it('makes links of URLs and leaves the sentence punctuation out', () => {
    expect(linkify('Ouvrez http://localhost:8080/confirmer-email?token=abc. Merci')).toEqual([
      { text: 'Ouvrez ' },
      { url: 'http://localhost:8080/confirmer-email?token=abc' },
      { text: '. Merci' },
    ]);
    expect(linkify('pas de lien')).toEqual([{ text: 'pas de lien' }]);
  });
});
