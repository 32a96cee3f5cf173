// "C'est à vous !": a buzz and a two-note tone where the browser allows them (a tone needs the
// page to have been touched once; a refusal is silent), and the tab's title while hidden.
import { CALL_VIBRATION, titleWhileHidden } from '../../lib/queue/attention';
import { playTone } from '../consultation/useAudio';

export function alertCalled(tabTitle: string): void {
  try {
    navigator.vibrate?.(CALL_VIBRATION);
  } catch {
    // Not allowed without a tap in some browsers.
  }
  try {
    const Ctor =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctor) {
      const ctx = new Ctor();
      void ctx
        .resume()
        .then(() => {
          const ms = playTone(ctx);
          setTimeout(() => void ctx.close().catch(() => {}), ms + 500);
        })
        .catch(() => void ctx.close().catch(() => {}));
    }
  } catch {
    // No sound: the screen and the title say it.
  }
  titleWhileHidden(tabTitle, {
    doc: document,
    every: (fn, ms) => {
      const timer = window.setInterval(fn, ms);
      return () => window.clearInterval(timer);
    },
  });
}
