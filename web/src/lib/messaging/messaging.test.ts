// "Contacter mon praticien": live messages merged once, unread counting, the new conversation's
// checks and the refusals explained in the screen's own words.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import {
  addMessage,
  badgeText,
  bumpConversation,
  checkNewConversation,
  liveMessage,
  messagingRefusal,
  unreadCount,
  unreadTotal,
} from './messaging';
import type { Conversation, Message } from './types';

const msg = (id: string, at: number, mine = false): Message => ({
  id,
  from: { role: mine ? 'patient' : 'practitioner', name: 'Dr Martin' },
  mine,
  text: 'Bonjour',
  attachments: [],
  created_at: at,
  read_at: null,
});

const conv = (id: string, unread: number, at: number): Conversation => ({
  id,
  reason: 'renewal',
  status: 'open',
  practitioner: { id: 'pr1', name: 'Dr Claire Martin' },
  profile: { id: 'p1', name: 'Léa Durand' },
  created_at: at,
  last_message_at: at,
  unread,
});

describe('messaging', () => {
  it('adds a message once, in time order', () => {
    const l = addMessage([msg('a', 1)], msg('c', 3));
    expect(addMessage(l, msg('c', 3)).map((m) => m.id)).toEqual(['a', 'c']);
    expect(addMessage(l, msg('b', 2)).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('counts unread messages and moves the active conversation first', () => {
    const list = [conv('c1', 0, 10), conv('c2', 2, 5)];
    expect(unreadTotal(list)).toBe(2);
    const after = bumpConversation(list, 'c2', msg('m', 20), null);
    expect(after.map((c) => [c.id, c.unread])).toEqual([
      ['c2', 3],
      ['c1', 0],
    ]);
    // Read as it arrives (the thread is open), or one's own: not unread.
    expect(bumpConversation(list, 'c2', msg('m', 20), 'c2')[0]!.unread).toBe(2);
    expect(bumpConversation(list, 'c1', msg('m', 20, true), null)[0]!.unread).toBe(0);
    expect(unreadCount({ type: 'unread', count: 4 })).toBe(4);
    expect(unreadCount({ type: 'unread', count: -1 })).toBeNull();
    expect(badgeText(12)).toBe('9+');
  });

  it('reads a live message', () => {
    expect(
      liveMessage({ type: 'message', conversation: 'c1', message: msg('m', 1) })?.conversation,
    ).toBe('c1');
    expect(liveMessage({ type: 'message', message: msg('m', 1) })).toBeNull();
  });

  it('checks a new conversation, refusing a practitioner who does not receive messages', () => {
    const ps = [
      { id: 'pr1', name: 'Dr A', specialty: 'mg', open: true, last_consultation_at: 1 },
      { id: 'pr2', name: 'Dr B', specialty: 'mg', open: false, last_consultation_at: 1 },
    ];
    expect(
      checkNewConversation({ practitioner: '', profile: '', reason: '', message: ' ' }, ps),
    ).toEqual({
      practitioner: 'required',
      profile: 'required',
      reason: 'required',
      message: 'required',
    });
    expect(
      checkNewConversation(
        { practitioner: 'pr2', profile: 'p', reason: 'other', message: 'x' },
        ps,
      ),
    ).toEqual({ practitioner: 'closed' });
    expect(
      checkNewConversation(
        { practitioner: 'pr1', profile: 'p', reason: 'other', message: 'x'.repeat(5001) },
        ps,
      ),
    ).toEqual({ message: 'too_long' });
  });

  it('names the refusals the screens explain', () => {
    expect(messagingRefusal(new ApiError(403, 'no_prior_consultation', ''))).toBe(
      'no_prior_consultation',
    );
    expect(messagingRefusal(new ApiError(403, 'messaging_closed', ''))).toBe('messaging_closed');
    expect(messagingRefusal(new ApiError(409, 'conversation_closed', ''))).toBe(
      'conversation_closed',
    );
    expect(messagingRefusal(new ApiError(500, 'internal', ''))).toBeNull();
  });
});
