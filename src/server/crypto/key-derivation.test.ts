import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hkdfSm3, hkdfSm3Manual } from './key-derivation.js';

describe('HKDF-SM3', () => {
  const ikm = Buffer.from('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b', 'hex');
  const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
  const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');

  it('node:crypto hkdfSync supports sm3 and agrees with RFC 5869 written out over HMAC-SM3', () => {
    for (const length of [16, 32, 42, 64, 100]) {
      const native = Buffer.from(hkdfSync('sm3', ikm, salt, info, length));
      expect(native.equals(hkdfSm3Manual(ikm, salt, info, length)), `length ${length}`).toBe(true);
    }
    // an empty salt means HashLen zeros (RFC 5869 §2.2)
    expect(Buffer.from(hkdfSync('sm3', ikm, Buffer.alloc(0), info, 32)).equals(hkdfSm3Manual(ikm, Buffer.alloc(0), info, 32))).toBe(true);
  });

  it('derives different keys for different info strings', () => {
    expect(hkdfSm3(ikm, 's', 'a', 32).equals(hkdfSm3(ikm, 's', 'b', 32))).toBe(false);
    expect(hkdfSm3(ikm, 's', 'a', 16).equals(hkdfSm3(ikm, 's', 'a', 32).subarray(0, 16))).toBe(true);
  });
});
