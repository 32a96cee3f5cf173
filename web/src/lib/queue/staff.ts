// The practitioner's side of the queue (docs/queue.md): the live hold on the staff queue
// (`watch_queue_staff`, then GET /practitioner/queue again at every `queue_staff` and after a
// reconnection), and what a refused "Prendre le patient suivant" means. Pure: staff.test.ts.
import { ApiError } from '../api';
import type { RealtimeClient } from '../consultation/realtime';

/**
 * Keeps `watch_queue_staff` on the socket (sent again after every reconnection) and calls
 * `reload` whenever the queue may have changed; `onLive` hears whether updates flow. Returns
 * the function that lets go.
 */
export function watchStaffQueue(
  rt: Pick<RealtimeClient, 'keep' | 'on' | 'onState'>,
  reload: () => void,
  onLive: (live: boolean) => void = () => {},
): () => void {
  const offs = [
    rt.keep({ type: 'watch_queue_staff' }),
    rt.on('queue_staff', () => reload()),
    rt.onState((state, reconnected) => {
      onLive(state === 'open' || state === 'connecting');
      if (reconnected) reload();
    }),
  ];
  return () => offs.forEach((off) => off());
}

export type TakeFailure = 'queue_empty' | 'agenda_busy' | 'not_on_duty' | 'other';

export function takeFailure(err: unknown): TakeFailure {
  if (!(err instanceof ApiError)) return 'other';
  if (err.code === 'queue_empty') return 'queue_empty';
  if (err.code === 'agenda_busy') return 'agenda_busy';
  if (err.code === 'not_on_duty' || err.status === 403) return 'not_on_duty';
  return 'other';
}

export interface IneligibleWords {
  notVerified: string;
  noMotif: string;
  generic: string;
}

/**
 * Why the duty switch is off limits. The contract names the field, not its values: a sentence
 * from the server is shown as is; the codes the page expects get its own words.
 */
export function ineligibleText(reason: string | null | undefined, w: IneligibleWords): string {
  const r = (reason ?? '').trim();
  if (!r) return w.generic;
  if (/\s/.test(r)) return r;
  if (/verif/i.test(r)) return w.notVerified;
  if (/motif/i.test(r)) return w.noMotif;
  return w.generic;
}
