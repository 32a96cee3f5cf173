// The wire of the tab's WebSocket (docs/realtime.md): what a message and a socket are, the
// reconnection backoff, the socket's address and the reading of a frame. Pure, unit-tested in
// Node (realtime.test.ts); the client that uses them is realtime.ts.

/** Any message of the protocol: a JSON object with a string `type`. */
export interface RealtimeMessage {
  type: string;
  consultation?: string;
  [key: string]: unknown;
}

/** The part of the browser's WebSocket this client uses. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/**
 * Delay before reconnection attempt `attempt` (0-based): 1 s, 2 s, 4 s… capped at 30 s, with
 * ±20 % jitter so that thousands of browsers dropped by one server restart do not come back in
 * the same second.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt, 16));
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(MAX_DELAY_MS, jittered));
}

/** ws:// or wss:// to /api/v1/ws on the page's own host (the server checks the Origin). */
export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/v1/ws`;
}

/** A frame as a message: a JSON object with a string `type`, or null (ignored, as the server would). */
export function parse(data: unknown): RealtimeMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const v: unknown = JSON.parse(data);
    if (
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      typeof (v as { type?: unknown }).type === 'string'
    )
      return v as RealtimeMessage;
  } catch {
    // Not JSON: ignored, as the server would.
  }
  return null;
}
