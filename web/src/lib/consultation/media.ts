// The camera and microphone of this browser, for the pre-call test and the room: one stream,
// micro on/off, camera on/off, front/back camera on phones, and the reason when they cannot be
// had (refused, missing, used by another application). Audio goes on even without a camera:
// a consultation by voice is better than none.

export type MediaProblem = 'denied' | 'no_device' | 'busy' | 'insecure' | 'unknown';
export type Facing = 'user' | 'environment';

export interface LocalMediaState {
  stream: MediaStream | null;
  hasAudio: boolean;
  hasVideo: boolean;
  micOn: boolean;
  /** What the user chose; the picture is sent only when this is on and not suppressed. */
  cameraOn: boolean;
  /** The call cut the outgoing video because the link is too weak (audio only). */
  videoSuppressed: boolean;
  facing: Facing;
  /** More than one camera: show "changer de caméra". */
  canSwitch: boolean;
  /** Why audio or video is missing (the first failure). */
  problem: MediaProblem | null;
  starting: boolean;
}

export function problemOf(err: unknown): MediaProblem {
  const name =
    err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err)
      ? String((err as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no_device';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'busy';
    default:
      return 'unknown';
  }
}

const AUDIO: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

function videoConstraints(facing: Facing): MediaTrackConstraints {
  // 720p at most: enough for a consultation, and light enough for a phone on 4G.
  return {
    facingMode: { ideal: facing },
    width: { ideal: 1280 },
    height: { ideal: 720 },
    frameRate: { ideal: 24, max: 30 },
  };
}

export class LocalMedia {
  private s: LocalMediaState = {
    stream: null,
    hasAudio: false,
    hasVideo: false,
    micOn: true,
    cameraOn: true,
    videoSuppressed: false,
    facing: 'user',
    canSwitch: false,
    problem: null,
    starting: false,
  };
  private readonly listeners = new Set<(s: LocalMediaState) => void>();
  private readonly trackListeners = new Set<(track: MediaStreamTrack) => void>();
  private stopped = false;

  get state(): LocalMediaState {
    return this.s;
  }

  subscribe(listener: (s: LocalMediaState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told when the video track is replaced (camera switch), so that senders follow. */
  onVideoTrack(listener: (track: MediaStreamTrack) => void): () => void {
    this.trackListeners.add(listener);
    return () => this.trackListeners.delete(listener);
  }

  /** Asks for the camera and micro; falls back to micro only, then camera only. */
  async start(): Promise<LocalMediaState> {
    if (this.s.stream || this.s.starting) return this.s;
    const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!md?.getUserMedia) {
      this.set({ problem: 'insecure' });
      return this.s;
    }
    this.set({ starting: true, problem: null });
    let stream: MediaStream | null = null;
    let problem: MediaProblem | null = null;
    try {
      stream = await md.getUserMedia({ audio: AUDIO, video: videoConstraints(this.s.facing) });
    } catch (e) {
      problem = problemOf(e);
      // A refusal covers both devices; a missing or busy camera leaves the micro to try.
      if (problem !== 'denied') {
        stream = await md.getUserMedia({ audio: AUDIO }).catch(() => null);
        stream ??= await md
          .getUserMedia({ video: videoConstraints(this.s.facing) })
          .catch(() => null);
      }
    }
    if (this.stopped) {
      stream?.getTracks().forEach((t) => t.stop());
      return this.s;
    }
    const hasAudio = (stream?.getAudioTracks().length ?? 0) > 0;
    const hasVideo = (stream?.getVideoTracks().length ?? 0) > 0;
    this.set({ stream, hasAudio, hasVideo, problem, starting: false });
    this.apply();
    void this.countCameras();
    return this.s;
  }

  setMic(on: boolean): void {
    this.set({ micOn: on });
    this.apply();
  }

  setCamera(on: boolean): void {
    this.set({ cameraOn: on, videoSuppressed: on ? false : this.s.videoSuppressed });
    this.apply();
  }

  /** Audio only because of a weak link (or back to video): the user's choice is kept. */
  setVideoSuppressed(suppressed: boolean): void {
    this.set({ videoSuppressed: suppressed });
    this.apply();
  }

  /** Front ↔ back camera. Phones often cannot open both at once: the old one stops first. */
  async switchCamera(): Promise<void> {
    const stream = this.s.stream;
    const old = stream?.getVideoTracks()[0];
    if (!stream || !old) return;
    const next: Facing = this.s.facing === 'user' ? 'environment' : 'user';
    old.stop();
    stream.removeTrack(old);
    let track: MediaStreamTrack | undefined;
    let facing = next;
    try {
      track = (
        await navigator.mediaDevices.getUserMedia({ video: videoConstraints(next) })
      ).getVideoTracks()[0];
    } catch {
      facing = this.s.facing;
      track = (
        await navigator.mediaDevices
          .getUserMedia({ video: videoConstraints(facing) })
          .catch(() => null)
      )?.getVideoTracks()[0];
    }
    if (!track) {
      this.set({ hasVideo: false });
      return;
    }
    if (this.stopped) {
      track.stop();
      return;
    }
    stream.addTrack(track);
    // Senders first, then the state: a state listener must not see a track no sender has.
    for (const l of [...this.trackListeners]) l(track);
    this.set({ facing, hasVideo: true });
    this.apply();
  }

  stop(): void {
    this.stopped = true;
    this.s.stream?.getTracks().forEach((t) => t.stop());
    this.set({ stream: null, hasAudio: false, hasVideo: false });
  }

  /** Whether the picture actually leaves this browser. */
  get sendingVideo(): boolean {
    return this.s.hasVideo && this.s.cameraOn && !this.s.videoSuppressed;
  }

  private apply(): void {
    const stream = this.s.stream;
    if (!stream) return;
    // `enabled = false` keeps the tracks negotiated (no renegotiation, instant back on): the
    // micro sends silence, the camera a black frame now and then.
    for (const t of stream.getAudioTracks()) t.enabled = this.s.micOn;
    for (const t of stream.getVideoTracks()) t.enabled = this.sendingVideo;
  }

  private async countCameras(): Promise<void> {
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      this.set({ canSwitch: devices.filter((d) => d.kind === 'videoinput').length > 1 });
    } catch {
      // No list: no switch button.
    }
  }

  private set(patch: Partial<LocalMediaState>): void {
    this.s = { ...this.s, ...patch };
    for (const l of [...this.listeners]) l(this.s);
  }
}
