// The quality of a running call: a sample of each live connection every 2 seconds, and the fall
// back to audio only: when the link stays weak (WeakStreak, callQuality.ts) the outgoing video is
// cut so that the voice gets through, until the user turns it back on.
import { WeakStreak, worstLevel } from './callQuality';
import type { LocalMedia } from './media';
import type { Peer } from './peer';

const STATS_EVERY_MS = 2000;
/** After the user turns the video back on, no automatic cut for this long. */
const NO_CUT_AFTER_MANUAL_MS = 60_000;

export class QualityWatch {
  /** The outgoing video was cut because the link stayed weak. */
  audioOnly = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly weak = new WeakStreak();
  private noCutUntil = 0;
  private closed = false;

  /**
   * `live` gives the connections to measure (not the departed ones); `changed` is called after
   * each sample and when the cut ends.
   */
  constructor(
    private readonly media: LocalMedia,
    private readonly live: () => Peer[],
    private readonly changed: () => void,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sampleAll(), STATS_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  /** The local media changed: the video back on ends the cut. */
  mediaChanged(): void {
    if (this.audioOnly && !this.media.state.videoSuppressed) {
      // Video back on (the notice's button or the camera button): no new cut for a while.
      this.audioOnly = false;
      this.weak.reset();
      this.noCutUntil = Date.now() + NO_CUT_AFTER_MANUAL_MS;
      this.changed();
    }
  }

  private async sampleAll(): Promise<void> {
    const live = this.live();
    await Promise.all(live.map((p) => p.sample()));
    if (this.closed) return;
    const level = worstLevel(live.map((p) => p.quality?.level ?? null));
    const now = Date.now();
    const media = this.media;
    if (
      this.weak.update(level, now) &&
      !this.audioOnly &&
      media.sendingVideo &&
      now >= this.noCutUntil
    ) {
      // "Faible" for AUDIO_ONLY_AFTER_MS: stop sending the picture so that the voice gets through.
      this.audioOnly = true;
      media.setVideoSuppressed(true);
    }
    this.changed();
  }
}
