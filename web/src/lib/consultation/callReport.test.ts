import { describe, expect, it } from 'vitest';
import { CallReporter, type PeerLike } from './callReport';

const peer = (p: Partial<PeerLike>): PeerLike => ({
  connectionState: 'connected',
  setupMs: 1234.4,
  route: 'host',
  ...p,
});

describe('the call report', () => {
  it('waits for a connected peer whose route is known, then sends once', () => {
    const r = new CallReporter();
    expect(r.observe([peer({ connectionState: 'connecting', setupMs: null })], false)).toBeNull();
    expect(r.observe([peer({ route: null })], false)).toBeNull();
    expect(r.observe([peer({ route: 'relay' })], false)).toEqual({
      setup_ms: 1234,
      relayed: true,
      audio_only: false,
    });
    expect(r.observe([peer({ route: 'relay' })], false)).toBeNull();
  });

  it('sends once more when the call goes audio-only', () => {
    const r = new CallReporter();
    expect(r.observe([peer({})], false)?.relayed).toBe(false);
    expect(r.observe([peer({})], true)).toEqual({
      setup_ms: 1234,
      relayed: false,
      audio_only: true,
    });
    expect(r.observe([peer({})], true)).toBeNull();
  });
});
