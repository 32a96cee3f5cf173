// "Contacter mon praticien"'s calls (docs/messaging.md). Pages import these, never a path.
import { api } from '../api';
import { postFileWithProgress } from '../health/upload';
import type {
  Conversation,
  Message,
  MessagingPractitioner,
  MessagingSetting,
  Reason,
} from './types';

const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchConversations(signal?: AbortSignal): Promise<Conversation[]> {
  return api
    .get<{ items: Conversation[] }>('/conversations', withSignal(signal))
    .then((r) => r.items ?? []);
}

/** GET /conversations/{id}: with its messages, oldest first; marks them read. */
export function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  return api.get<Conversation>(`/conversations/${enc(id)}`, withSignal(signal));
}

export function fetchMessagingPractitioners(signal?: AbortSignal) {
  return api
    .get<{ items: MessagingPractitioner[] }>('/messaging/practitioners', withSignal(signal))
    .then((r) => r.items ?? []);
}

export function startConversation(body: {
  practitioner_id: string;
  profile_id: string;
  reason: Reason;
  message: string;
}): Promise<Conversation> {
  return api.post<Conversation>('/conversations', body);
}

export function sendMessage(id: string, message: string): Promise<Message> {
  return api.post<Message>(`/conversations/${enc(id)}/messages`, { message });
}

/** POST /conversations/{id}/files?message=: one file, with an optional text. */
export function sendAttachment(
  id: string,
  file: File,
  message: string,
  opts: { lang: string; onProgress?: (f: number) => void },
): Promise<Message> {
  const qs = message.trim() ? `?message=${enc(message.trim())}` : '';
  return postFileWithProgress<Message>(`/conversations/${enc(id)}/files${qs}`, file, opts);
}

export function closeConversation(id: string): Promise<Conversation> {
  return api.post<Conversation>(`/conversations/${enc(id)}/close`);
}

export function fetchMessagingSetting(signal?: AbortSignal): Promise<MessagingSetting> {
  return api.get<MessagingSetting>('/me/messaging', withSignal(signal));
}

export function saveMessagingSetting(s: MessagingSetting): Promise<MessagingSetting> {
  return api.put<MessagingSetting>('/me/messaging', s);
}
