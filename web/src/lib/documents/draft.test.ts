// The closing form's draft with fake timers: one PUT 800 ms after the last change, nothing for
// the draft just read or a change undone, a change during a save saved right after, a failure
// said and retried by the next flush, and nothing once the form is sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftAutosave, type DraftState } from './draft';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(answer: () => Promise<void> = () => Promise.resolve()) {
  const saves: Array<{ value: { t: string }; keepalive: boolean }> = [];
  const states: DraftState[] = [];
  const draft = new DraftAutosave<{ t: string }>({
    save: (value, keepalive) => {
      saves.push({ value, keepalive });
      return answer();
    },
    onState: (s) => states.push(s),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  return { draft, saves, states };
}

describe('draft autosave', () => {
  it('saves once, 800 ms after the last change', async () => {
    const { draft, saves, states } = setup();
    draft.change({ t: 'T' });
    await vi.advanceTimersByTimeAsync(500);
    draft.change({ t: 'Toux' });
    await vi.advanceTimersByTimeAsync(799);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([{ value: { t: 'Toux' }, keepalive: false }]);
    expect(states).toEqual(['saving', 'saved']);
  });

  it('sends nothing for the draft it was opened with, or a change undone', async () => {
    const { draft, saves } = setup();
    draft.loaded({ t: 'Toux' });
    draft.change({ t: 'Toux' });
    await vi.advanceTimersByTimeAsync(2000);
    draft.change({ t: 'Toux sèche' });
    draft.change({ t: 'Toux' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([]);
  });

  it('saves a change made during a save right after it', async () => {
    let release: () => void = () => {};
    const { draft, saves } = setup(() => new Promise<void>((r) => (release = r)));
    draft.change({ t: 'a' });
    await vi.advanceTimersByTimeAsync(800);
    draft.change({ t: 'ab' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.map((s) => s.value.t)).toEqual(['a']);
    release();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.map((s) => s.value.t)).toEqual(['a', 'ab']);
  });

  it('says a failure, and the flush before closing tries again', async () => {
    let fail = true;
    const { draft, saves, states } = setup(() =>
      fail ? Promise.reject(new Error('offline')) : Promise.resolve(),
    );
    draft.change({ t: 'a' });
    await vi.advanceTimersByTimeAsync(800);
    expect(states).toEqual(['saving', 'error']);
    fail = false;
    await draft.flush();
    expect(saves).toHaveLength(2);
    expect(states[states.length - 1]).toBe('saved');
  });

  it('saves nothing more once stopped', async () => {
    const { draft, saves } = setup();
    draft.change({ t: 'a' });
    draft.stop();
    await vi.advanceTimersByTimeAsync(2000);
    draft.change({ t: 'b' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([]);
  });
});
