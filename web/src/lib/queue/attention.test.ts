// The tab's title while called in a hidden page.
import { describe, expect, it } from 'vitest';
import { titleWhileHidden } from './attention';

function setup(hidden: boolean) {
  const doc = { hidden, title: 'Salle d’attente — Cabinet' };
  let tick: (() => void) | null = null;
  const deps = {
    doc,
    every: (fn: () => void) => {
      tick = fn;
      return () => {
        tick = null;
      };
    },
  };
  return { doc, deps, tick: () => tick?.(), ticking: () => tick !== null };
}

describe('titleWhileHidden', () => {
  it('does nothing on a visible page', () => {
    const { doc, deps, ticking } = setup(false);
    titleWhileHidden('C’est à vous !', deps);
    expect(doc.title).toBe('Salle d’attente — Cabinet');
    expect(ticking()).toBe(false);
  });

  it("keeps the call in the title while hidden, over the next page's own", () => {
    const { doc, deps, tick } = setup(true);
    titleWhileHidden('C’est à vous !', deps);
    expect(doc.title).toBe('C’est à vous !');
    doc.title = 'Consultation — Cabinet'; // the room page opens
    tick();
    expect(doc.title).toBe('C’est à vous !');
    // Seen again: the room's title comes back, and the watch stops.
    doc.hidden = false;
    tick();
    expect(doc.title).toBe('Consultation — Cabinet');
  });

  it("stops early with the page's title back", () => {
    const { doc, deps, ticking } = setup(true);
    const stop = titleWhileHidden('C’est à vous !', deps);
    stop();
    expect(doc.title).toBe('Salle d’attente — Cabinet');
    expect(ticking()).toBe(false);
  });
});
