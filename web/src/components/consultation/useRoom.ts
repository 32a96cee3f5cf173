// The room as the WebSocket tells it (docs/realtime.md, "Consultations"): joins on mount and
// leaves on unmount, and keeps who we are, who is there, the status, the practitioner's
// presence and delay, the chat and its files, the switch to the telephone, and the end. A
// patient who comes too early (`not_open`) is joined again by itself when the waiting room
// opens. A guest (invitation link) is in the room but not in the call until the practitioner
// lets them in: `admitted` naming them, or `presence` listing them admitted.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  readParticipants,
  type ConsultationStatus,
  type Participant,
  type PhoneFallback,
} from '../../lib/consultation/consultation';
import {
  mergeChat,
  readChat,
  toChat,
  type ChatMessage,
  fileToChat,
} from '../../lib/consultation/chat';
import { readFile, readFiles, type SharedFile } from '../../lib/consultation/files';
import {
  realtime,
  type ConnectionState,
  type RealtimeMessage,
} from '../../lib/consultation/realtime';

/** `full`: a guest turned away, four people are in the call already. */
export type RoomPhase = 'connecting' | 'joined' | 'not_open' | 'not_found' | 'full';

export interface RoomState {
  phase: RoomPhase;
  you: string | null;
  participants: Participant[];
  status: ConsultationStatus | null;
  practitionerConnected: boolean | null;
  delayMinutes: number | null;
  chat: ChatMessage[];
  /** `admitted` came: "Vous allez être admis…" until the call is up. */
  admitted: boolean;
  /** A guest: the practitioner let us in (an `admitted` naming us). */
  selfAdmitted: boolean;
  /** The practitioner switched to the telephone (a `phone` message, or `joined` saying so). */
  phone: PhoneFallback | null;
  closed: boolean;
  connection: ConnectionState;
  /** The code of the last refused message once joined (forbidden, rate_limited…). */
  error: { code: string; at: number } | null;
}

export const INITIAL: RoomState = {
  phase: 'connecting',
  you: null,
  participants: [],
  status: null,
  practitionerConnected: null,
  delayMinutes: null,
  chat: [],
  admitted: false,
  selfAdmitted: false,
  phone: null,
  closed: false,
  connection: 'idle',
  error: null,
};

const STATUSES: ReadonlySet<string> = new Set(['scheduled', 'waiting', 'in_call', 'completed']);
const statusOf = (v: unknown): ConsultationStatus | null =>
  typeof v === 'string' && STATUSES.has(v) ? (v as ConsultationStatus) : null;

export interface Room {
  state: RoomState;
  send: (msg: { type: string; [key: string]: unknown }) => boolean;
  /** A file we uploaded: shown at once, whatever the socket does (the live copy is merged). */
  addFile: (f: SharedFile) => void;
}

/** Whether this browser takes part in the call: everyone but a guest still waiting. */
export function selfInCall(
  s: Pick<RoomState, 'you' | 'participants' | 'selfAdmitted'>,
  role: string,
): boolean {
  if (role !== 'guest') return true;
  return s.selfAdmitted || s.participants.some((p) => p.id === s.you && p.admitted === true);
}

/** The room's messages, each a change of the state (pure, for the tests). */
const ROOM_MESSAGES = [
  'joined',
  'presence',
  'status',
  'admitted',
  'file',
  'phone',
  'closed',
  'chat',
] as const;

export function roomMessage(s: RoomState, m: RealtimeMessage): Partial<RoomState> {
  switch (m.type) {
    case 'joined': {
      const participants = readParticipants(m.participants);
      return {
        phase: 'joined',
        you: typeof m.you === 'string' ? m.you : s.you,
        participants,
        status: statusOf(m.status) ?? s.status,
        practitionerConnected: participants.some((p) => p.role === 'practitioner'),
        chat: mergeChat(s.chat, [...readChat(m.chat), ...readFiles(m.files).map(fileToChat)]),
        phone: readPhone(m.phone_fallback) ?? s.phone,
      };
    }
    case 'presence': {
      const participants = readParticipants(m.participants);
      return {
        participants,
        status: statusOf(m.status) ?? s.status,
        practitionerConnected: participants.some((p) => p.role === 'practitioner'),
      };
    }
    case 'status':
      return {
        status: statusOf(m.status) ?? s.status,
        practitionerConnected:
          typeof m.practitioner_connected === 'boolean'
            ? m.practitioner_connected
            : s.practitionerConnected,
        delayMinutes: typeof m.delay_minutes === 'number' ? m.delay_minutes : s.delayMinutes,
      };
    case 'admitted':
      // Naming a participant: a guest let in (the call itself goes on); naming none: the patient.
      if (typeof m.participant === 'string')
        return m.participant === s.you ? { selfAdmitted: true } : {};
      return { admitted: true, status: 'in_call' };
    case 'file': {
      const f = readFile(m.file);
      return f ? { chat: mergeChat(s.chat, [fileToChat(f)]) } : {};
    }
    case 'phone':
      return { phone: readPhone(m) ?? { cause: 'other' } };
    case 'closed':
      return { closed: true, status: 'completed' };
    case 'chat':
      if (typeof m.text !== 'string') return {};
      return {
        chat: mergeChat(s.chat, [
          toChat({ ...(m as Partial<ChatMessage>), id: m.id, text: m.text }),
        ]),
      };
    default:
      return {};
  }
}

/** `opensAt` (ms): when to join again after `not_open`. `enabled`: false once closed. */
export function useRoom(id: string, opensAt: number | null, enabled: boolean): Room {
  const rt = realtime();
  const [state, setState] = useState<RoomState>({ ...INITIAL, connection: rt.connectionState });
  const phase = useRef<RoomPhase>('connecting');
  phase.current = state.phase;

  const patch = (p: Partial<RoomState> | ((s: RoomState) => Partial<RoomState>)) =>
    setState((s) => ({ ...s, ...(typeof p === 'function' ? p(s) : p) }));

  useEffect(() => {
    if (!enabled) return undefined;
    const on = (type: string, fn: (m: RealtimeMessage) => void) => rt.on(type, fn, id);
    const offs = [
      ...ROOM_MESSAGES.map((type) => on(type, (m) => patch((s) => roomMessage(s, m)))),
      // Errors name no consultation: before `joined` they answer our join; after, another
      // message of this page (a signal to a participant who just left answers not_found too).
      on('error', (m) => {
        const code = typeof m.code === 'string' ? m.code : 'error';
        if (phase.current === 'connecting' && code === 'room_full') {
          patch({ phase: 'full' });
        } else if (
          phase.current === 'connecting' &&
          (code === 'not_open' || code === 'not_found' || code === 'forbidden')
        ) {
          patch({ phase: code === 'not_open' ? 'not_open' : 'not_found' });
        } else if (phase.current === 'joined' && code !== 'not_found') {
          patch({ error: { code, at: Date.now() } });
        }
      }),
      // A lost socket takes our participant id with it. Until the next `joined` names the new
      // one, `presence` would list us under an id we do not know yet: the call must not take
      // ourselves for another participant.
      rt.onState((connection) =>
        patch((s) => ({ connection, you: connection === 'open' ? s.you : null })),
      ),
    ];
    const leave = rt.join(id);
    return () => {
      offs.forEach((off) => off());
      leave();
    };
  }, [id, enabled, rt]);

  // Too early: join again when the room opens (a minute later at most, whatever the clocks say).
  useEffect(() => {
    if (state.phase !== 'not_open') return undefined;
    const wait =
      opensAt === null ? 30_000 : Math.min(60_000, Math.max(2_000, opensAt - Date.now() + 1_000));
    const timer = setTimeout(() => {
      patch({ phase: 'connecting' });
      rt.send({ type: 'join', consultation: id });
    }, wait);
    return () => clearTimeout(timer);
  }, [state.phase, opensAt, id, rt]);

  return {
    state,
    send: (msg) => rt.send({ ...msg, consultation: id }),
    addFile: (f) => patch((s) => ({ chat: mergeChat(s.chat, [fileToChat(f)]) })),
  };
}

function readPhone(v: unknown): PhoneFallback | null {
  if (typeof v !== 'object' || v === null) return null;
  const p = v as Record<string, unknown>;
  if (typeof p.cause !== 'string') return null;
  return {
    cause: p.cause,
    ...(typeof p.at === 'string' || typeof p.at === 'number' ? { at: p.at } : {}),
  };
}
