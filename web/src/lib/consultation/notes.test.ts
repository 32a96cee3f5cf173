// The private notes' autosave (ROOM9) with fake timers: nothing is sent while the practitioner
// types, one save 800 ms after the last keystroke, at once on blur; "Enregistré à …" from the
// server's time; a failure keeps the text and says so until "Réessayer" works; text typed during
// a save is saved right after; loading the notes sends nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesAutosave, noteTime, type NotesSnapshot } from './notes';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(
  answer: (text: string) => Promise<{ updated_at: string | number | null }> = async () => ({
    updated_at: '2026-11-24T14:32:00Z',
  }),
) {
  const saves: Array<{ text: string; keepalive: boolean }> = [];
  const states: NotesSnapshot[] = [];
  const notes = new NotesAutosave({
    save: (text, keepalive) => {
      saves.push({ text, keepalive });
      return answer(text);
    },
    onChange: (s) => states.push(s),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => Date.parse('2026-11-24T14:40:00Z'),
  });
  return { notes, saves, states, last: () => states[states.length - 1]! };
}

describe('private notes autosave', () => {
  it('waits for a pause of 800 ms in the typing, then saves once', async () => {
    const { notes, saves, last } = setup();
    notes.load('', null);
    notes.edit('T');
    await vi.advanceTimersByTimeAsync(500);
    notes.edit('Toux');
    await vi.advanceTimersByTimeAsync(799);
    expect(saves).toEqual([]);
    expect(last()).toMatchObject({ state: 'idle', dirty: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ text: 'Toux', keepalive: false }]);
    expect(last()).toEqual({
      state: 'saved',
      savedAt: Date.parse('2026-11-24T14:32:00Z'),
      dirty: false,
    });
  });

  it('goes through saving while the request runs', async () => {
    let release: (v: { updated_at: number }) => void = () => {};
    const { notes, last } = setup(() => new Promise((r) => (release = r)));
    notes.edit('Fièvre');
    await vi.advanceTimersByTimeAsync(800);
    expect(last().state).toBe('saving');
    release({ updated_at: 1795000000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ state: 'saved', savedAt: 1795000000 * 1000 });
  });

  it('saves at once when the field loses focus, and not twice', async () => {
    const { notes, saves } = setup();
    notes.edit('Angine');
    await notes.flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves.map((s) => s.text)).toEqual(['Angine']);
    // Nothing new: a blur sends nothing.
    await notes.flush();
    expect(saves).toHaveLength(1);
  });

  it('keeps the text after a failure, says so, and saves it on retry', async () => {
    let fail = true;
    const { notes, saves, last } = setup(async () => {
      if (fail) throw new Error('offline');
      return { updated_at: null };
    });
    notes.edit('Allergie pénicilline');
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toMatchObject({ state: 'error', dirty: true });
    expect(notes.value).toBe('Allergie pénicilline');
    fail = false;
    await notes.retry();
    expect(saves.map((s) => s.text)).toEqual(['Allergie pénicilline', 'Allergie pénicilline']);
    // No time in the answer: the browser's.
    expect(last()).toEqual({
      state: 'saved',
      savedAt: Date.parse('2026-11-24T14:40:00Z'),
      dirty: false,
    });
  });

  it('saves what was typed during a save right after it', async () => {
    const releases: Array<() => void> = [];
    const { notes, saves, last } = setup(
      () => new Promise((r) => releases.push(() => r({ updated_at: null }))),
    );
    notes.edit('Toux');
    await vi.advanceTimersByTimeAsync(800);
    notes.edit('Toux sèche');
    releases[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(last().dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.map((s) => s.text)).toEqual(['Toux', 'Toux sèche']);
    releases[1]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ state: 'saved', dirty: false });
  });

  it('sends nothing for the notes as loaded, and says when they were last saved', async () => {
    const { notes, saves, last } = setup();
    notes.load('Antécédents : asthme', 1795000000);
    expect(last()).toEqual({ state: 'idle', savedAt: 1795000000 * 1000, dirty: false });
    await notes.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toEqual([]);
  });

  it('saves with a request that outlives the page when the tab closes', async () => {
    const { notes, saves } = setup();
    notes.edit('Revoir dans 8 jours');
    notes.dispose();
    await notes.flush(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([{ text: 'Revoir dans 8 jours', keepalive: true }]);
  });

  it('reads the server time as ISO, Unix seconds or milliseconds', () => {
    expect(noteTime('2026-11-24T14:32:00Z')).toBe(Date.parse('2026-11-24T14:32:00Z'));
    expect(noteTime(1795000000)).toBe(1795000000000);
    expect(noteTime(1795000000000)).toBe(1795000000000);
    expect(noteTime('soon')).toBeNull();
    expect(noteTime(null)).toBeNull();
  });
});
