// base64url as the server writes it: no padding, '-' and '_', every byte value round-trips.
import { describe, expect, it } from 'vitest';
import { base64urlToBytes, bytesToBase64url } from './base64url';

describe('base64url', () => {
  it('round-trips every byte value and every length', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    for (let n = 0; n <= 5; n += 1) {
      const part = all.slice(0, n);
      expect(Array.from(base64urlToBytes(bytesToBase64url(part)))).toEqual(Array.from(part));
    }
    expect(Array.from(base64urlToBytes(bytesToBase64url(all)))).toEqual(Array.from(all));
  });
  it('uses the URL alphabet without padding', () => {
    expect(bytesToBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(bytesToBase64url(new Uint8Array([0x66]))).toBe('Zg');
  });
  it('refuses other alphabets', () => {
    expect(() => base64urlToBytes('Zm+v')).toThrow(TypeError);
    expect(() => base64urlToBytes('Zg==')).toThrow(TypeError);
  });
});
