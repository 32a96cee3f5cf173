// The development mailbox's calls (GET /dev/mailbox, served by a development server only): the
// emails the server "sent". Typed calls through the app's client.
import { api } from '../api';
import type { Mail, MailSummary } from '../account/types';

/** GET /dev/mailbox: the emails, newest first. */
export function fetchMailbox(signal: AbortSignal): Promise<MailSummary[]> {
  return api.get<MailSummary[]>('/dev/mailbox', { signal });
}

/** GET /dev/mailbox/{id}: one email with its text. */
export function fetchMail(id: string, signal: AbortSignal): Promise<Mail> {
  return api.get<Mail>(`/dev/mailbox/${encodeURIComponent(id)}`, { signal });
}
