// Getting the patient's attention when called, in a tab they may not be looking at: the tab's
// title says "C'est à vous !" for as long as the page stays hidden, even though the page goes
// on to the room (which sets its own title); once the page is seen again, the title is given
// back to whatever page is showing. Dependencies passed in: attention.test.ts.

export interface TitleDeps {
  doc: { readonly hidden: boolean; title: string };
  /** Calls `fn` every `ms`; returns the cancel. */
  every: (fn: () => void, ms: number) => () => void;
}

/** How often a title set meanwhile by another page is replaced while hidden. */
const CHECK_MS = 1000;

/**
 * Shows `text` as the tab's title while the page is hidden; does nothing on a visible page.
 * Returns a function that stops early (the title then goes back to the page's own).
 */
export function titleWhileHidden(text: string, deps: TitleDeps): () => void {
  const { doc } = deps;
  if (!doc.hidden) return () => {};
  let pageTitle = doc.title;
  doc.title = text;
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
    if (doc.title === text) doc.title = pageTitle;
  };
  cancel = deps.every(() => {
    if (!doc.hidden) {
      stop();
      return;
    }
    if (doc.title !== text) {
      // The next page (the room) named itself: remember its title for when the tab is seen.
      pageTitle = doc.title;
      doc.title = text;
    }
  }, CHECK_MS);
  return stop;
}

/** A short buzz pattern where the device has one (phones; ignored elsewhere). */
export const CALL_VIBRATION = [400, 200, 400, 200, 400];
