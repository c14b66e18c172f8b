import { createCipheriv, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, FieldCipherError } from './field-cipher.js';
import { hkdfSm3 } from './key-derivation.js';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const cipher = new FieldCipher(KEY);

function flipByteAt(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  bytes[index] = bytes[index]! ^ 0x01;
  return `v1:${bytes.toString('base64url')}`;
}

describe('FieldCipher encrypt/decrypt', () => {
  it.each(['张三丰', '阿沛·阿旺晋美', '13812345678', '021-69123456', '', 'ü😀 mixed 名字', '长'.repeat(100)])('round-trips %j', (value) => {
    const sealed = cipher.encrypt(value);
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(cipher.decrypt(sealed)).toBe(value);
  });

  it('gives a different sealed value each time for the same plaintext', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a)).toBe(cipher.decrypt(b));
  });

  it('has the documented layout: version | iv | SM4-CBC ciphertext | 16-byte HMAC-SM3 tag', () => {
    const sealed = cipher.encrypt('13812345678');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    // 11 bytes of plaintext pad to one 16-byte block
    expect(bytes.length).toBe(1 + 16 + 16 + 16);
    expect(bytes[0]).toBe(1);
    const iv = bytes.subarray(1, 17);
    const encKey = hkdfSm3(KEY, 'cityops field-cipher v1', 'sm4-cbc encryption', 16);
    const macKey = hkdfSm3(KEY, 'cityops field-cipher v1', 'hmac-sm3 authentication', 32);
    const c = createCipheriv('sm4-cbc', encKey, iv);
    const ciphertext = Buffer.concat([c.update('13812345678', 'utf8'), c.final()]);
    expect(bytes.subarray(17, 33).equals(ciphertext)).toBe(true);
    const tag = createHmac('sm3', macKey).update(Buffer.concat([Buffer.of(1), iv, Buffer.alloc(4), ciphertext])).digest().subarray(0, 16);
    expect(bytes.subarray(33).equals(tag)).toBe(true);
  });

  it('refuses every single flipped byte with FIELD_CIPHER_AUTH_FAILED (or a wrong version byte as malformed)', () => {
    const sealed = cipher.encrypt('李四');
    const length = Buffer.from(sealed.slice(3), 'base64url').length;
    for (let i = 0; i < length; i += 1) {
      const expected = i === 0 ? 'FIELD_CIPHER_MALFORMED' : 'FIELD_CIPHER_AUTH_FAILED';
      expect(() => cipher.decrypt(flipByteAt(sealed, i)), `byte ${i}`).toThrow(expect.objectContaining({ code: expected }));
    }
  });

  it('refuses a value sealed under another key', () => {
    const other = new FieldCipher(Buffer.alloc(32, 7));
    expect(() => other.decrypt(cipher.encrypt('王五'))).toThrow(FieldCipherError);
    expect(() => other.decrypt(cipher.encrypt('王五'))).toThrow(/failed authentication/);
  });

  it('binds an optional context: the same context opens it, another does not', () => {
    const sealed = cipher.encrypt('13812345678', 'case:1:reporter_phone');
    expect(cipher.decrypt(sealed, 'case:1:reporter_phone')).toBe('13812345678');
    expect(() => cipher.decrypt(sealed, 'case:2:reporter_phone')).toThrow(expect.objectContaining({ code: 'FIELD_CIPHER_AUTH_FAILED' }));
    expect(() => cipher.decrypt(sealed)).toThrow(expect.objectContaining({ code: 'FIELD_CIPHER_AUTH_FAILED' }));
  });

  it.each([
    ['plaintext', '13812345678', 'FIELD_CIPHER_MALFORMED'],
    ['a future version', 'v2:AAAA', 'FIELD_CIPHER_UNSUPPORTED_VERSION'],
    ['non-base64url', 'v1:ab+/cd==', 'FIELD_CIPHER_MALFORMED'],
    ['too short', `v1:${Buffer.alloc(40).toString('base64url')}`, 'FIELD_CIPHER_MALFORMED'],
    ['a partial block', `v1:${Buffer.concat([Buffer.of(1), Buffer.alloc(16 + 20 + 16)]).toString('base64url')}`, 'FIELD_CIPHER_MALFORMED'],
  ])('refuses %s with a clear code', (_name, value, code) => {
    expect(() => cipher.decrypt(value)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new FieldCipher(Buffer.alloc(16, 1))).toThrow(/32 bytes/);
  });

  it('isSealed tells a sealed value from plaintext', () => {
    expect(FieldCipher.isSealed(cipher.encrypt('x'))).toBe(true);
    expect(FieldCipher.isSealed('张三')).toBe(false);
  });
});

describe('FieldCipher blindIndex', () => {
  it('is equal for the spellings of one mobile number and different for another', () => {
    const spellings = ['138 1234 5678', '+86 13812345678', '13812345678', '0086-138-1234-5678', '8613812345678', '＋８６ １３８１２３４５６７８'];
    const indexes = new Set(spellings.map((s) => cipher.blindIndex(s, 'phone')));
    expect(indexes.size).toBe(1);
    const [index] = indexes;
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('13812345679', 'phone')).not.toBe(index);
  });

  it('is keyed HMAC-SM3 of the normalised value under a per-purpose key', () => {
    const phoneKey = hkdfSm3(KEY, 'cityops field-cipher v1', 'blind index: phone', 32);
    expect(cipher.blindIndex('+86 138 1234 5678', 'phone')).toBe(createHmac('sm3', phoneKey).update('13812345678').digest('hex'));
    // a value indexed as a name does not match the same text indexed as a phone
    expect(cipher.blindIndex('13812345678', 'name')).not.toBe(cipher.blindIndex('13812345678', 'phone'));
    // and another master key gives another index
    expect(new FieldCipher(Buffer.alloc(32, 9)).blindIndex('13812345678', 'phone')).not.toBe(cipher.blindIndex('13812345678', 'phone'));
  });

  it('is equal for the spellings of one name', () => {
    expect(cipher.blindIndex(' 张三 ', 'name')).toBe(cipher.blindIndex('张 三', 'name'));
    expect(cipher.blindIndex('阿沛·阿旺晋美', 'name')).toBe(cipher.blindIndex('阿沛・阿旺晋美', 'name'));
    expect(cipher.blindIndex('ＪＯＨＮ  Smith', 'name')).toBe(cipher.blindIndex('john smith', 'name'));
    expect(cipher.blindIndex('张三', 'name')).not.toBe(cipher.blindIndex('张珊', 'name'));
  });

  it('refuses a value with nothing left to index', () => {
    expect(() => cipher.blindIndex(' - ', 'phone')).toThrow(RangeError);
    expect(() => cipher.blindIndex('   ', 'name')).toThrow(RangeError);
  });
});

describe('FieldCipher speed (intake must do ≥ 1000 cases/s on 2 cores)', () => {
  it('encrypts and indexes a name and a phone number in well under 0.1 ms each', () => {
    const fresh = new FieldCipher(KEY);
    const n = 2000;
    const started = performance.now();
    for (let i = 0; i < n; i += 1) {
      fresh.encrypt('张三丰');
      fresh.blindIndex('张三丰', 'name');
      fresh.encrypt(`1381234${String(i).padStart(4, '0')}`);
      fresh.blindIndex(`1381234${String(i).padStart(4, '0')}`, 'phone');
    }
    const perField = (performance.now() - started) / (n * 2);
    // measured about 0.015 ms here; 0.1 ms leaves room for a slow CI machine
    expect(perField).toBeLessThan(0.1);
  });
});
