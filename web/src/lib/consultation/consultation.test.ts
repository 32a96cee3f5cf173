// The room's rules: when the waiting room opens, the late notice, politeness in a pair, chat.
import { describe, expect, it } from 'vitest';
import {
  isLate,
  isPolite,
  joinWindow,
  minutesSince,
  readParticipants,
  refreshAt,
} from './consultation';
import { chatTime, mergeChat, readChat, type ChatMessage } from './chat';

const start = '2026-11-24T18:30:00+01:00';
const end = '2026-11-24T18:50:00+01:00';
const at = (iso: string) => Date.parse(iso);

describe('consultation rules', () => {
  it('opens the room 10 minutes before the start, until the end', () => {
    expect(joinWindow(start, end, at('2026-11-24T18:19:59+01:00'))).toBe('before');
    expect(joinWindow(start, end, at('2026-11-24T18:20:00+01:00'))).toBe('open');
    expect(joinWindow(start, end, at('2026-11-24T18:49:59+01:00'))).toBe('open');
    expect(joinWindow(start, end, at('2026-11-24T18:50:00+01:00'))).toBe('over');
  });

  it('tells a patient still waiting 20 minutes after the start to stay reachable', () => {
    const view = { start, late_notice: false };
    expect(isLate(view, 'waiting', at('2026-11-24T18:49:00+01:00'))).toBe(false);
    expect(isLate(view, 'waiting', at('2026-11-24T18:50:00+01:00'))).toBe(true);
    expect(isLate(view, 'in_call', at('2026-11-24T19:00:00+01:00'))).toBe(false);
    expect(isLate({ start, late_notice: true }, 'waiting', at('2026-11-24T18:00:00+01:00'))).toBe(
      true,
    );
  });

  it('makes the peer whose id sorts first impolite, in byte order', () => {
    expect(isPolite('c1', 'c2')).toBe(false);
    expect(isPolite('c2', 'c1')).toBe(true);
    // Byte order, not numeric: "c10" < "c9".
    expect(isPolite('c10', 'c9')).toBe(false);
    expect(isPolite('c9', 'c10')).toBe(true);
  });

  it('refreshes TURN credentials a minute before they expire, never in less than 10 s', () => {
    const now = at('2026-11-24T18:00:00Z');
    expect(refreshAt('2026-11-24T19:00:00Z', now)).toBe(at('2026-11-24T18:59:00Z'));
    expect(refreshAt('2026-11-24T18:00:30Z', now)).toBe(now + 10_000);
    expect(refreshAt('nonsense', now)).toBe(now + 300_000);
  });

  it('counts whole minutes of waiting', () => {
    expect(minutesSince(null, 0)).toBeNull();
    expect(minutesSince('2026-11-24T18:00:00Z', at('2026-11-24T18:06:59Z'))).toBe(6);
    expect(minutesSince('2026-11-24T18:00:00Z', at('2026-11-24T17:00:00Z'))).toBe(0);
  });
});

describe('chat and participants', () => {
  const m = (id: string, text = 'x'): ChatMessage => ({
    id,
    from: 'c1',
    name: 'Hugo',
    role: 'patient',
    text,
    at: '2026-11-24T18:31:00+01:00',
  });

  it('merges history and live messages once each, in order', () => {
    expect(mergeChat([m('1'), m('2')], [m('2'), m('3')]).map((x) => x.id)).toEqual(['1', '2', '3']);
  });

  it('reads times as ISO, Unix seconds or milliseconds', () => {
    const ms = at('2026-11-24T17:31:00Z');
    expect(chatTime('2026-11-24T18:31:00+01:00')?.getTime()).toBe(ms);
    expect(chatTime(ms / 1000)?.getTime()).toBe(ms);
    expect(chatTime(ms)?.getTime()).toBe(ms);
    expect(chatTime('nope')).toBeNull();
  });

  it('drops malformed entries', () => {
    expect(
      readParticipants([
        { id: 'c1', role: 'patient', name: 'Hugo' },
        { id: 2 },
        null,
        { id: 'c3', role: 'practitioner' },
      ]),
    ).toEqual([
      { id: 'c1', role: 'patient', name: 'Hugo' },
      { id: 'c3', role: 'practitioner', name: '' },
    ]);
    expect(readParticipants('x')).toEqual([]);
    expect(
      readChat([
        { id: 7, from: 'c1', name: 'Hugo', role: 'patient', text: 'Bonjour', at: 1 },
        { text: 3 },
      ]),
    ).toEqual([{ id: '7', from: 'c1', name: 'Hugo', role: 'patient', text: 'Bonjour', at: 1 }]);
  });
});
