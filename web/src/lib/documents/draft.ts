// The closing form's draft, saved as it is typed (issue 14): PUT …/draft 800 ms after the
// last change, one save at a time (a change during a save is saved right after it), at once
// when asked (before "Clôturer", as the page goes). A failed save keeps the form and says so;
// the next change or flush tries again. Compared by JSON, so that restoring the draft or a
// change undone saves nothing. No Preact and no browser globals (draft.test.ts).

export type DraftState = 'idle' | 'saving' | 'saved' | 'error';

export interface DraftDeps<T> {
  save: (value: T, keepalive: boolean) => Promise<void>;
  onState: (state: DraftState) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  delayMs?: number;
}

export const DRAFT_DELAY_MS = 800;

export class DraftAutosave<T> {
  private value: T | null = null;
  private pending: string | null = null;
  private stored: string | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private state: DraftState = 'idle';
  private stopped = false;

  constructor(private readonly deps: DraftDeps<T>) {}

  get current(): DraftState {
    return this.state;
  }

  /** What the server has (the draft read at opening): nothing to save until it changes. */
  loaded(value: T): void {
    this.stored = JSON.stringify(value);
  }

  /** A change: saved once the typing pauses. */
  change(value: T): void {
    if (this.stopped) return;
    this.value = value;
    this.pending = JSON.stringify(value);
    this.cancelTimer();
    if (this.pending === this.stored) return;
    this.timer = this.deps.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.deps.delayMs ?? DRAFT_DELAY_MS);
  }

  /** Saves now what the server does not have. */
  async flush(keepalive = false): Promise<void> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    if (this.stopped) return;
    if (this.value === null || this.pending === null || this.pending === this.stored) return;
    const json = this.pending;
    const value = this.value;
    this.setState('saving');
    const run = this.deps.save(value, keepalive).then(
      () => {
        this.stored = json;
        this.setState('saved');
      },
      () => this.setState('error'),
    );
    this.inFlight = run;
    await run;
    this.inFlight = null;
    // Changed during the save: save again after the usual pause.
    if (this.state === 'saved' && this.pending !== this.stored && this.value !== null)
      this.change(this.value);
  }

  /** The form is closed (sent, or the page goes): no more saves. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(s: DraftState): void {
    this.state = s;
    if (!this.stopped) this.deps.onState(s);
  }
}
