// "Contacter mon praticien" without Preact (messaging.test.ts): the live messages merged into a
// thread and the list, the unread count, the new conversation's checks and what a refusal
// means (no consultation yet, messaging closed, conversation closed, too many messages).
import { ApiError } from '../api';
import type { Conversation, Message, MessagingPractitioner, Reason } from './types';

export const MESSAGE_MAX = 5000;

/** A realtime message's payload, if it looks like one (`{"type":"message",...}`). */
export function liveMessage(msg: {
  [key: string]: unknown;
}): { conversation: string; message: Message } | null {
  const c = msg.conversation;
  const m = msg.message as Partial<Message> | undefined;
  if (typeof c !== 'string' || typeof m !== 'object' || m === null || typeof m.id !== 'string')
    return null;
  return {
    conversation: c,
    message: {
      from: { role: 'patient', name: '' },
      mine: false,
      text: '',
      attachments: [],
      created_at: Math.floor(Date.now() / 1000),
      read_at: null,
      ...m,
    } as Message,
  };
}

/** A message added to a thread once (the answer of a POST and its live echo are one). */
export function addMessage(list: readonly Message[], m: Message): Message[] {
  if (list.some((x) => x.id === m.id)) return list.map((x) => (x.id === m.id ? m : x));
  return [...list, m].sort((a, b) => a.created_at - b.created_at);
}

/** The list after a live message: that conversation first, its unread count grown when not open. */
export function bumpConversation(
  list: readonly Conversation[],
  conversation: string,
  m: Message,
  reading: string | null,
): Conversation[] {
  const c = list.find((x) => x.id === conversation);
  if (!c) return [...list];
  const unread = m.mine || reading === conversation ? c.unread : c.unread + 1;
  const updated: Conversation = {
    ...c,
    unread,
    last_message_at: m.created_at,
    last_message: { from: m.from.role, at: m.created_at },
  };
  return [updated, ...list.filter((x) => x.id !== conversation)];
}

/** The sum of the list's unread messages (before the socket's first `unread`). */
export function unreadTotal(list: readonly Conversation[]): number {
  return list.reduce((n, c) => n + Math.max(0, c.unread), 0);
}

/** The socket's `{"type":"unread","count":n}`, or null. */
export function unreadCount(msg: { [key: string]: unknown }): number | null {
  const n = msg.count;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/** "9+" past nine: the badge stays small. */
export function badgeText(n: number): string {
  return n > 9 ? '9+' : String(n);
}

export function newestActivityFirst(list: readonly Conversation[]): Conversation[] {
  return [...list].sort((a, b) => b.last_message_at - a.last_message_at);
}

export interface NewConversationDraft {
  practitioner: string;
  profile: string;
  reason: Reason | '';
  message: string;
}

export type DraftProblem = 'required' | 'closed' | 'too_long';

export function checkNewConversation(
  d: NewConversationDraft,
  practitioners: readonly MessagingPractitioner[],
): Partial<Record<keyof NewConversationDraft, DraftProblem>> {
  const out: Partial<Record<keyof NewConversationDraft, DraftProblem>> = {};
  const p = practitioners.find((x) => x.id === d.practitioner);
  if (!p) out.practitioner = 'required';
  else if (!p.open) out.practitioner = 'closed';
  if (!d.profile) out.profile = 'required';
  if (!d.reason) out.reason = 'required';
  if (!d.message.trim()) out.message = 'required';
  else if (d.message.length > MESSAGE_MAX) out.message = 'too_long';
  return out;
}

export type Refusal =
  'no_prior_consultation' | 'messaging_closed' | 'conversation_closed' | 'rate_limited' | null;

/** The refusals the messaging screens explain in their own words (null: the usual error text). */
export function messagingRefusal(err: unknown): Refusal {
  if (!(err instanceof ApiError)) return null;
  switch (err.code) {
    case 'no_prior_consultation':
    case 'messaging_closed':
    case 'conversation_closed':
    case 'rate_limited':
      return err.code;
  }
  return null;
}
