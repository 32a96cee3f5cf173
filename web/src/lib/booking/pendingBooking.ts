// A booking started before signing up: kept in localStorage while the visitor creates an
// account, then offered back if it is recent and its slot still ahead.

/** localStorage key of the booking a visitor left to create an account. */
export const PENDING_BOOKING_KEY = 'cabinet.pendingBooking';
/** A booking left longer than this is not offered back (its slot is likely gone). */
const PENDING_MAX_AGE_MS = 2 * 24 * 3600 * 1000;

export interface PendingBooking {
  path: string;
  practitionerName: string;
  start: string;
  savedAt: number;
}

export function encodePendingBooking(p: PendingBooking): string {
  return JSON.stringify(p);
}

/** The saved booking if it is well-formed, recent and its slot still ahead; else null. */
export function decodePendingBooking(
  text: string | null,
  now: number = Date.now(),
): PendingBooking | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<PendingBooking>;
    if (typeof v.path !== 'string' || !v.path.startsWith('/rendez-vous/nouveau?')) return null;
    if (
      typeof v.practitionerName !== 'string' ||
      typeof v.start !== 'string' ||
      typeof v.savedAt !== 'number'
    )
      return null;
    if (now - v.savedAt > PENDING_MAX_AGE_MS) return null;
    const start = Date.parse(v.start);
    if (Number.isNaN(start) || start <= now) return null;
    return {
      path: v.path,
      practitionerName: v.practitionerName,
      start: v.start,
      savedAt: v.savedAt,
    };
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function savePendingBooking(p: PendingBooking): void {
  try {
    storage()?.setItem(PENDING_BOOKING_KEY, encodePendingBooking(p));
  } catch {
    /* storage full or refused: the patient can still find the slot again */
  }
}

export function loadPendingBooking(): PendingBooking | null {
  try {
    return decodePendingBooking(storage()?.getItem(PENDING_BOOKING_KEY) ?? null);
  } catch {
    return null;
  }
}

export function clearPendingBooking(): void {
  try {
    storage()?.removeItem(PENDING_BOOKING_KEY);
  } catch {
    /* nothing to do */
  }
}
