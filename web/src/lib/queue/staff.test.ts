// The practitioner's queue: watch_queue_staff kept across reconnections, the list read again
// at each queue_staff and after a reconnection; a refused take; why the duty switch is off.
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { ApiError } from '../api';
import { RealtimeClient, type RealtimeMessage, type SocketLike } from '../consultation/realtime';
import { readStaffQueue } from './normalize';
import { ineligibleText, takeFailure, watchStaffQueue } from './staff';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: RealtimeMessage[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data) as RealtimeMessage);
  }
  close(): void {
    this.readyState = 3;
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: Array<() => void> = [];
  const rt = new RealtimeClient({
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    url: 'wss://cabinet.test/api/v1/ws',
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => {},
    random: () => 0.5,
    now: () => 0,
  });
  const last = () => sockets[sockets.length - 1]!;
  const open = () => {
    last().readyState = 1;
    last().onopen?.({});
  };
  return { rt, last, open, timers };
}

describe('watchStaffQueue', () => {
  it('watches, reads again on queue_staff and after a reconnection, and lets go', () => {
    const { rt, last, open, timers } = setup();
    let reads = 0;
    const live: boolean[] = [];
    const off = watchStaffQueue(
      rt,
      () => reads++,
      (l) => live.push(l),
    );
    open();
    expect(last().sent).toEqual([{ type: 'watch_queue_staff' }]);
    last().onmessage?.({ data: JSON.stringify({ type: 'queue_staff' }) });
    expect(reads).toBe(1);
    last().onclose?.({ code: 1006 });
    expect(live[live.length - 1]).toBe(false);
    timers.pop()?.(); // the backoff's retry, the last timer set
    open();
    expect(last().sent).toEqual([{ type: 'watch_queue_staff' }]);
    expect(reads).toBe(2);
    off();
    last().onmessage?.({ data: JSON.stringify({ type: 'queue_staff' }) });
    expect(reads).toBe(2);
  });
});

describe('takeFailure', () => {
  it('reads the refusals of take', () => {
    expect(takeFailure(new ApiError(409, 'queue_empty', 'x'))).toBe('queue_empty');
    expect(takeFailure(new ApiError(409, 'agenda_busy', 'x'))).toBe('agenda_busy');
    expect(takeFailure(new ApiError(403, 'not_on_duty', 'x'))).toBe('not_on_duty');
    expect(takeFailure(new ApiError(500, 'internal', 'x'))).toBe('other');
    expect(takeFailure('x')).toBe('other');
  });
});

describe('ineligibleText', () => {
  it('gives a sentence as is, and words for the likely codes', () => {
    const w = fr.queue.staff.ineligible;
    expect(ineligibleText('Votre compte est suspendu.', w)).toBe('Votre compte est suspendu.');
    expect(ineligibleText('not_verified', w)).toBe(w.notVerified);
    expect(ineligibleText('no_immediate_motif', en.queue.staff.ineligible)).toBe(
      en.queue.staff.ineligible.noMotif,
    );
    expect(ineligibleText(null, w)).toBe(w.generic);
  });
});

describe('readStaffQueue', () => {
  it("reads the practitioner's queue, near as a boolean", () => {
    const q = readStaffQueue({
      on_duty: true,
      eligible: true,
      specialty: 'general_practice',
      label: 'Médecine générale',
      open: true,
      motif: { id: 'm1', label: 'Consultation immédiate', price_cents: 3000 },
      waiting: 2,
      on_duty_count: 3,
      items: [
        {
          id: 'q1',
          age_years: 4,
          reason: 'Fièvre',
          waited_minutes: 12,
          joined_at: 'x',
          near: true,
          skipped: false,
        },
        { id: 'q2', reason: 'Toux', near: false, skipped: true },
      ],
      current: [{ entry: 'q0', consultation_id: 'c0', state: 'in_consultation' }, { entry: 'bad' }],
    });
    expect(q.items.map((i) => [i.id, i.near, i.skipped, i.age_years])).toEqual([
      ['q1', true, false, 4],
      ['q2', false, true, null],
    ]);
    expect(q.current).toEqual([{ entry: 'q0', consultation_id: 'c0', state: 'in_consultation' }]);
    expect(readStaffQueue({}).motif).toBeNull();
  });
});
