// The objects of "Contacter mon praticien" (docs/messaging.md, issue 15, MSG1).
export type Reason = 'renewal' | 'result' | 'treatment' | 'administrative' | 'other';
export const REASONS: readonly Reason[] = [
  'renewal',
  'result',
  'treatment',
  'administrative',
  'other',
];

export interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
}

export interface Message {
  id: string;
  from: { role: 'patient' | 'practitioner'; name: string };
  mine: boolean;
  text: string;
  attachments: Attachment[];
  /** Unix seconds. */
  created_at: number;
  read_at: number | null;
}

export interface Conversation {
  id: string;
  reason: Reason;
  status: 'open' | 'closed';
  practitioner: { id: string; name: string };
  profile: { id: string; name: string };
  created_at: number;
  last_message_at: number;
  unread: number;
  /** Absent for an assistant (who never sees content). */
  last_message?: { from: 'patient' | 'practitioner'; at: number } | null;
  /** GET /conversations/{id} only. */
  messages?: Message[];
}

export interface MessagingPractitioner {
  id: string;
  name: string;
  specialty: string;
  open: boolean;
  last_consultation_at: number | null;
}

export interface MessagingSetting {
  enabled: boolean;
  assistants_see_conversations: boolean;
}
