// The practitioner's private notes (ROOM9) are saved as they are typed: 800 ms after the last
// keystroke, at once when the field loses focus, and before the page or the consultation
// closes. One save at a time; text typed during a save is saved right after it. A failed save
// keeps the text and says so, with "Réessayer". No Preact and no browser globals here, so that
// the timing is unit-tested with fake timers (notes.test.ts).

export type NotesState = 'idle' | 'saving' | 'saved' | 'error';

export interface NotesSnapshot {
  state: NotesState;
  /** When the server last stored the notes (ms), for "Enregistré à 14:32". */
  savedAt: number | null;
  /** Text typed that the server does not have yet. */
  dirty: boolean;
}

export interface NotesDeps {
  save: (text: string, keepalive: boolean) => Promise<{ updated_at: string | number | null }>;
  onChange: (s: NotesSnapshot) => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Used when the answer carries no time. */
  now: () => number;
  delayMs?: number;
}

export const NOTES_DELAY_MS = 800;

/** The server's time (ISO, Unix seconds or milliseconds) in ms; null if unreadable. */
export function noteTime(at: string | number | null | undefined): number | null {
  if (at === null || at === undefined) return null;
  const ms = typeof at === 'number' ? (at < 1e12 ? at * 1000 : at) : Date.parse(at);
  return Number.isNaN(ms) ? null : ms;
}

export class NotesAutosave {
  private text = '';
  /** The text the server has (or is being sent). */
  private stored = '';
  private state: NotesState = 'idle';
  private savedAt: number | null = null;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly deps: NotesDeps) {}

  get snapshot(): NotesSnapshot {
    return { state: this.state, savedAt: this.savedAt, dirty: this.text !== this.stored };
  }

  get value(): string {
    return this.text;
  }

  /** The notes as the server has them (the panel's answer). Typing already done wins. */
  load(text: string, updatedAt: string | number | null): void {
    if (this.text !== this.stored) return;
    this.text = text;
    this.stored = text;
    this.savedAt = noteTime(updatedAt);
    this.emit();
  }

  /** A keystroke: save once the typing pauses. */
  edit(text: string): void {
    this.text = text;
    this.cancelTimer();
    if (this.text !== this.stored) {
      this.timer = this.deps.setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.deps.delayMs ?? NOTES_DELAY_MS);
    } else if (this.state === 'error' && !this.inFlight) {
      // Typed back to what the server has: nothing is lost any more.
      this.state = this.savedAt === null ? 'idle' : 'saved';
    }
    this.emit();
  }

  /** Saves now what the server does not have (on blur, "Réessayer", before closing). */
  async flush(keepalive = false): Promise<void> {
    this.cancelTimer();
    // A save in flight: wait for it, then send what was typed meanwhile.
    while (this.inFlight) await this.inFlight;
    if (this.disposed && !keepalive) return;
    if (this.text === this.stored && this.state !== 'error') return;
    const text = this.text;
    this.state = 'saving';
    this.emit();
    const run = this.deps.save(text, keepalive).then(
      (answer) => {
        this.stored = text;
        this.savedAt = noteTime(answer.updated_at) ?? this.deps.now();
        this.state = 'saved';
      },
      () => {
        this.state = 'error';
      },
    );
    this.inFlight = run;
    await run;
    this.inFlight = null;
    this.emit();
    // Typed during the save: save again after the usual pause.
    if (
      (this.state as NotesState) === 'saved' &&
      this.text !== this.stored &&
      !this.disposed &&
      this.timer === null
    )
      this.edit(this.text);
  }

  /** The error's "Réessayer". */
  retry(): Promise<void> {
    return this.flush();
  }

  /** The panel goes: no more timers (a last flush is the caller's choice). */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    if (!this.disposed) this.deps.onChange(this.snapshot);
  }
}
