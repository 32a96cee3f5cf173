// The consultation's chat (docs/consultation.md "Chat"): its messages as the room shows them,
// read from the server's history and live messages, a shared file as one of its lines, and
// the order they are shown in. No Preact here.
import type { RoomRole } from './consultation';
import type { SharedFile } from './files';

export interface ChatMessage {
  id: string;
  /** The sender's participant id (live messages; the history has none). */
  from: string;
  /** Set by the server for each recipient: whether the sender is this account. */
  mine?: boolean;
  name: string;
  role: RoomRole;
  text: string;
  at: string | number;
  /** A file shared in the chat (the text is empty then). */
  file?: SharedFile;
}

/** A chat time: ISO text, or Unix seconds or milliseconds. */
export function chatTime(at: string | number): Date | null {
  const d = typeof at === 'number' ? new Date(at < 1e12 ? at * 1000 : at) : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Adds chat messages once each (history and live messages can overlap on a rejoin), in the
 * server's time order: the text history and the files' history come in two lists.
 */
export function mergeChat(list: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const seen = new Set(list.map((m) => m.id));
  const out = [...list];
  for (const m of more) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  const time = (m: ChatMessage) => chatTime(m.at)?.getTime() ?? Number.POSITIVE_INFINITY;
  // Stable: messages of the same second keep their arrival order.
  return out
    .map((m, i) => ({ m, i, t: time(m) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.m);
}

export function readChat(v: unknown): ChatMessage[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (m): m is ChatMessage =>
        typeof m === 'object' && m !== null && typeof (m as ChatMessage).text === 'string',
    )
    .map(toChat);
}

export function toChat(
  m: Omit<Partial<ChatMessage>, 'id'> & { id?: unknown; text: string },
): ChatMessage {
  return {
    // Ids may come as numbers; without one, a key that is stable for the same message.
    id:
      typeof m.id === 'string' || typeof m.id === 'number'
        ? String(m.id)
        : `${String(m.from)}-${String(m.at)}-${m.text.length}`,
    from: typeof m.from === 'string' ? m.from : '',
    name: typeof m.name === 'string' ? m.name : '',
    role:
      m.role === 'practitioner' || m.role === 'assistant' || m.role === 'guest'
        ? m.role
        : 'patient',
    ...(typeof m.mine === 'boolean' ? { mine: m.mine } : {}),
    text: m.text,
    at: typeof m.at === 'string' || typeof m.at === 'number' ? m.at : Date.now(),
    ...(m.file ? { file: m.file } : {}),
  };
}

/** A file as a line of the chat: its own id space, so that it never hides a text line. */
export function fileToChat(f: SharedFile): ChatMessage {
  return {
    id: `file:${f.id}`,
    from: '',
    name: f.from.name,
    role: f.from.role,
    ...(f.mine !== undefined ? { mine: f.mine } : {}),
    text: '',
    at: f.created_at,
    file: f,
  };
}
