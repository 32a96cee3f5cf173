// The waiting screen's reducer: the server's messages applied to the entry, and the events the
// page announces or acts on.
import { describe, expect, it } from 'vitest';
import { applyMessage, changesBetween, isEnded, isLive } from './entry';
import { anEntry } from './fixtures';
import { readEntry } from './normalize';

describe('applyMessage', () => {
  it('updates place, estimate, practitioners on duty and state from a queue message', () => {
    const e = anEntry();
    const next = applyMessage(e, {
      type: 'queue',
      entry: 'q1',
      position: 2,
      estimate_minutes: [5, 15],
      on_duty: 3,
      state: 'waiting',
    });
    expect(next).toMatchObject({ position: 2, estimate_minutes: [5, 15], on_duty: 3 });
    expect(e.position).toBe(3);
  });

  it("ignores another entry's messages and other types", () => {
    const e = anEntry();
    expect(applyMessage(e, { type: 'queue', entry: 'q2', position: 1 })).toBe(e);
    expect(applyMessage(e, { type: 'chat', entry: 'q1' })).toBe(e);
  });

  it('reads an estimate that went away (nobody on duty) and a malformed one as none', () => {
    const e = anEntry();
    expect(
      applyMessage(e, { type: 'queue', entry: 'q1', estimate_minutes: null }).estimate_minutes,
    ).toBeNull();
    expect(
      applyMessage(e, { type: 'queue', entry: 'q1', estimate_minutes: [5] }).estimate_minutes,
    ).toBeNull();
    // Fields the message leaves out stay as they were.
    expect(applyMessage(e, { type: 'queue', entry: 'q1', on_duty: 0 }).estimate_minutes).toEqual([
      10, 20,
    ]);
  });

  it('marks the patient called with the consultation', () => {
    const next = applyMessage(anEntry(), { type: 'called', entry: 'q1', consultation_id: 'c9' });
    expect(next).toMatchObject({ state: 'called', consultation_id: 'c9' });
  });

  it('knows a call was missed when the entry goes back to waiting', () => {
    const called = anEntry({ state: 'called', consultation_id: 'c9', position: null });
    const back = applyMessage(called, {
      type: 'queue',
      entry: 'q1',
      state: 'waiting',
      position: 1,
    });
    expect(back).toMatchObject({ state: 'waiting', skipped: true, position: 1 });
  });

  it('takes the end with its reason, and then nothing more', () => {
    const gone = applyMessage(anEntry(), {
      type: 'queue',
      entry: 'q1',
      state: 'removed',
      end_reason: 'grace',
    });
    expect(gone).toMatchObject({ state: 'removed', end_reason: 'grace' });
    expect(applyMessage(gone, { type: 'queue', entry: 'q1', state: 'waiting', position: 1 })).toBe(
      gone,
    );
    expect(applyMessage(gone, { type: 'called', entry: 'q1', consultation_id: 'c1' })).toBe(gone);
  });
});

describe('changesBetween', () => {
  it('says nothing on a first waiting read, and a call on a first called read', () => {
    expect(changesBetween(null, anEntry())).toEqual([]);
    expect(changesBetween(null, anEntry({ state: 'called', consultation_id: 'c1' }))).toEqual([
      { kind: 'called', consultation_id: 'c1' },
    ]);
  });

  it('says a new place, not the same one', () => {
    expect(changesBetween(anEntry(), anEntry({ position: 2 }))).toEqual([
      { kind: 'moved', position: 2 },
    ]);
    expect(changesBetween(anEntry(), anEntry({ estimate_minutes: [5, 10] }))).toEqual([]);
  });

  it('says the call, the missed call with the place, and the end', () => {
    const waiting = anEntry();
    const called = anEntry({ state: 'called', consultation_id: 'c1' });
    expect(changesBetween(waiting, called)).toEqual([{ kind: 'called', consultation_id: 'c1' }]);
    expect(changesBetween(called, anEntry({ position: 1, skipped: true }))).toEqual([
      { kind: 'skipped' },
      { kind: 'moved', position: 1 },
    ]);
    expect(changesBetween(called, anEntry({ state: 'in_consultation' }))).toEqual([
      { kind: 'ended', state: 'in_consultation' },
    ]);
    expect(changesBetween(waiting, anEntry({ state: 'left' }))).toEqual([
      { kind: 'ended', state: 'left' },
    ]);
  });

  it('says the call again once its consultation is known', () => {
    const called = anEntry({ state: 'called' });
    expect(changesBetween(called, anEntry({ state: 'called', consultation_id: 'c2' }))).toEqual([
      { kind: 'called', consultation_id: 'c2' },
    ]);
  });
});

describe('states and reading', () => {
  it('tells live and ended entries apart', () => {
    expect(['waiting', 'called'].every((s) => isLive(s as 'waiting'))).toBe(true);
    expect(isEnded('in_consultation')).toBe(false);
    expect(['done', 'left', 'removed'].every((s) => isEnded(s as 'done'))).toBe(true);
  });

  it('reads an entry whatever the server leaves out', () => {
    const e = readEntry({
      id: 'q1',
      state: 'strange',
      position: 0,
      on_duty: [{ id: 'd1' }, { id: 'd2' }],
    });
    expect(e).toMatchObject({
      id: 'q1',
      state: 'waiting',
      position: null,
      on_duty: 2,
      near: 'none',
      card: null,
    });
    expect(readEntry({ estimate_minutes: [20, 10] }).estimate_minutes).toEqual([10, 20]);
  });
});
