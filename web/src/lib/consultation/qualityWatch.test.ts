// The call's quality samples, with the fall back to audio only after 10 s of "faible" (with the
// fakes of callFakes.ts).
import { describe, expect, it, vi } from 'vitest';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  iceServers: vi.fn(async () => ({
    ice_servers: [{ urls: ['stun:stun.cabinet.test'] }],
    expires_at: new Date(Date.now() + 3_600_000).toISOString(),
  })),
}));

import { doctor, FakePC, patient, setup, installFakes } from './callFakes';
import type { LocalMedia } from './media';

installFakes();

describe('CallManager', () => {
  it('measures the quality every 2 s and, after 10 s of faible, cuts the outgoing video until asked back', async () => {
    const listeners: Array<() => void> = [];
    const fake = {
      state: { stream: null, videoSuppressed: false },
      get sendingVideo() {
        return !this.state.videoSuppressed;
      },
      subscribe: (l: () => void) => {
        listeners.push(l);
        return () => {};
      },
      onVideoTrack: () => () => {},
      setVideoSuppressed(v: boolean) {
        this.state = { ...this.state, videoSuppressed: v };
        listeners.forEach((l) => l());
      },
    };
    const { call, snapshot } = setup(fake as unknown as LocalMedia);
    call.setRoom('c2', [doctor, patient]);
    call.setActive(true);
    FakePC.rtt = 0.05;
    await vi.advanceTimersByTimeAsync(2000);
    expect(snapshot().level).toBe('bonne');
    FakePC.rtt = 0.9;
    // Faible from the sample at 4 s: 8 s of it at 12 s, 10 s at 14 s.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(snapshot()).toMatchObject({ level: 'faible', audioOnly: false });
    await vi.advanceTimersByTimeAsync(2000);
    expect(snapshot().audioOnly).toBe(true);
    expect(fake.state.videoSuppressed).toBe(true);
    call.restoreVideo();
    expect(snapshot().audioOnly).toBe(false);
    expect(fake.state.videoSuppressed).toBe(false);
    // Not cut again at once: the user chose the picture.
    await vi.advanceTimersByTimeAsync(20_000);
    expect(snapshot().audioOnly).toBe(false);
  });
});
