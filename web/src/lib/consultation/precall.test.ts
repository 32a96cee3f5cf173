// The pre-call verdict: what fails, what only warns, and the order of the advice.
import { describe, expect, it } from 'vitest';
import { median, serverKinds, verdictOf, type DeviceResults, type NetworkResults } from './precall';

const devices: DeviceResults = { camera: 'ok', mic: 'ok', speaker: 'yes' };
const network: NetworkResults = {
  server: true,
  rttMs: 40,
  stun: true,
  turn: true,
  throughputMbps: 12,
  throughputVia: 'relay',
};

describe('verdictOf', () => {
  it('says all is ready when everything works', () => {
    expect(verdictOf(devices, network)).toEqual({ verdict: 'ok', advice: [] });
  });

  it('waits for nothing it does not need: no speaker answer and no network yet is still ok', () => {
    expect(verdictOf({ ...devices, speaker: null }, null).verdict).toBe('ok');
  });

  it('fails without micro, when access is refused, or when the server cannot be reached', () => {
    expect(verdictOf({ ...devices, mic: 'no_device' }, network)).toEqual({
      verdict: 'fail',
      advice: ['noMic'],
    });
    expect(verdictOf({ ...devices, camera: 'denied', mic: 'denied' }, network)).toEqual({
      verdict: 'fail',
      advice: ['denied'],
    });
    expect(verdictOf(devices, { ...network, server: false }).verdict).toBe('fail');
    expect(verdictOf({ camera: 'insecure', mic: 'insecure', speaker: null }, null).advice).toEqual([
      'insecure',
    ]);
  });

  it('only warns without camera: a consultation by voice is possible', () => {
    expect(verdictOf({ ...devices, camera: 'no_device' }, network)).toEqual({
      verdict: 'warning',
      advice: ['noCamera'],
    });
    expect(verdictOf({ ...devices, camera: 'busy' }, network).advice).toEqual(['cameraBusy']);
  });

  it('warns about a silent micro, unheard sound, a blocked or slow network', () => {
    expect(verdictOf({ ...devices, mic: 'silent', speaker: 'no' }, network).advice).toEqual([
      'micSilent',
      'speaker',
    ]);
    expect(verdictOf({ ...devices, mic: 'unmeasured' }, network).verdict).toBe('ok');
    expect(verdictOf(devices, { ...network, stun: false, turn: false }).advice).toEqual([
      'blocked',
    ]);
    // TURN makes up for a missing STUN answer.
    expect(verdictOf(devices, { ...network, stun: false, turn: true }).verdict).toBe('ok');
    // No TURN configured, STUN answers: fine.
    expect(verdictOf(devices, { ...network, turn: null }).verdict).toBe('ok');
    expect(verdictOf(devices, { ...network, rttMs: 650 }).advice).toEqual(['slowLink']);
    expect(verdictOf(devices, { ...network, throughputMbps: 0.6 }).advice).toEqual(['slowLink']);
    expect(
      verdictOf(devices, { ...network, throughputMbps: 0.6, throughputVia: 'local' }).advice,
    ).toEqual(['slowDevice']);
  });

  it('lists blocking problems before the others', () => {
    const r = verdictOf(
      { camera: 'no_device', mic: 'no_device', speaker: 'no' },
      { ...network, rttMs: 900 },
    );
    expect(r.verdict).toBe('fail');
    expect(r.advice).toEqual(['noMic', 'noCamera', 'speaker', 'slowLink']);
  });
});

describe('helpers', () => {
  it('tells STUN from TURN in the configured servers', () => {
    expect(serverKinds([{ urls: ['stun:stun.cabinet.fr:3478'] }])).toEqual({
      stun: true,
      turn: false,
    });
    expect(
      serverKinds([{ urls: ['stun:a', 'turn:a?transport=udp', 'turns:a:443?transport=tcp'] }]),
    ).toEqual({ stun: true, turn: true });
    expect(serverKinds([{ urls: 'turn:a' }])).toEqual({ stun: false, turn: true });
  });

  it('takes the median', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});
