// The instant the suite runs at. `scripts/test` runs the e2e suite at the real instant and at
// simulated ones (a Saturday at 23:55 Paris, a weekday at 06:55): global setup turns
// CABINET_E2E_NOW into a whole number of seconds, CABINET_E2E_CLOCK_OFFSET, given to the server
// as dev.clock_offset, used here for the tests' own "now", and shifted into every browser
// context's Date. Timers, performance.now() and the network keep real time: only the wall clock
// moves, as it would for someone running the suite at that instant.
import type { Browser, BrowserContext } from '@playwright/test';

/** Milliseconds between the simulated instant and the real one (0 at the real instant). */
export const CLOCK_OFFSET_MS = Number(process.env.CABINET_E2E_CLOCK_OFFSET ?? '0') * 1000;

/** "Now" as the server sees it, in Unix milliseconds: use it instead of Date.now(). */
export function now(): number {
  return Date.now() + CLOCK_OFFSET_MS;
}

/** Today's date (YYYY-MM-DD) in a time zone, Paris by default, at the suite's instant. */
export function today(timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(now()));
}

/** The offset in whole seconds from an ISO instant, for global setup; 0 when none is given. */
export function offsetSecondsFor(iso: string | undefined, realNow = Date.now()): number {
  if (!iso) return 0;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new Error(`[e2e] CABINET_E2E_NOW is not an ISO instant: "${iso}"`);
  return Math.round((at - realNow) / 1000);
}

/** Shifts the page's Date (constructor without arguments and Date.now) by the offset. */
export async function shiftClock(context: BrowserContext): Promise<void> {
  if (CLOCK_OFFSET_MS === 0) return;
  await context.addInitScript((offset: number) => {
    const g = globalThis as unknown as { Date: DateConstructor; __cabinetClockOffset?: number };
    // Installed once per document even if both the context fixture and newContext added it.
    if (g.__cabinetClockOffset !== undefined) return;
    g.__cabinetClockOffset = offset;
    const Real = Date;
    function Shifted(this: unknown, ...args: unknown[]): unknown {
      if (!new.target) return new Real(Real.now() + offset).toString();
      return args.length === 0
        ? new Real(Real.now() + offset)
        : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
    }
    Shifted.prototype = Real.prototype;
    Shifted.now = () => Real.now() + offset;
    Shifted.parse = Real.parse;
    Shifted.UTC = Real.UTC;
    g.Date = Shifted as unknown as DateConstructor;
  }, CLOCK_OFFSET_MS);
}

/** Makes every context the browser opens (the tests' own newContext calls too) run shifted. */
export function shiftEveryContext(browser: Browser): void {
  if (CLOCK_OFFSET_MS === 0) return;
  const patched = browser as Browser & { __cabinetShifted?: boolean };
  if (patched.__cabinetShifted) return;
  patched.__cabinetShifted = true;
  const original = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await original(options);
    await shiftClock(context);
    return context;
  };
}
