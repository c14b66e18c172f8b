/**
 * Encryption at rest of citizens' personal data fields — names, phone numbers (DESIGN D8, PIPL),
 * with the national algorithms: SM4-CBC then HMAC-SM3 (encrypt-then-MAC; Node's OpenSSL has no
 * SM4-GCM), keys derived once per cipher from a 32-byte master key with HKDF-SM3.
 *
 * Sealed form, version 1:  "v1:" + base64url( 0x01 | iv (16) | ciphertext (16·k) | tag (16) )
 *   ciphertext = SM4-CBC(encKey, iv, PKCS#7(UTF-8 plaintext)), iv random per value; CBC rather
 *                than CTR so that the stored length reveals only a 16-byte bucket, not the length
 *   tag        = first 16 bytes of HMAC-SM3(macKey, 0x01 | iv | uint32be(len(context)) | context | ciphertext)
 *                (a 128-bit tag, as RFC 7518 truncates HMAC-SHA-256 for A128CBC-HS256)
 *   context    = optional caller-chosen binding (e.g. "case:123:reporter_phone"); the same
 *                context must be given to decrypt, so a sealed value copied to another row or
 *                column fails. Empty by default.
 * The tag is checked before any decryption, so padding errors can never leak.
 *
 * blindIndex(value, purpose) = hex HMAC-SM3(indexKey[purpose], normalised value): equal callers
 * give equal indexes, so "all orders from this caller" is one indexed lookup, while the database
 * alone reveals nothing. Phone numbers are few enough to be brute-forced if the master key leaks,
 * so the key must live apart from database backups.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { normaliseName, normalisePhone } from './blind-index-normalise.js';
import { hkdfSm3 } from './key-derivation.js';
import { randomBytesPooled } from './random-pool.js';

export const MASTER_KEY_BYTES = 32;
const VERSION = 0x01;
const PREFIX = 'v1:';
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG_BYTES = 16;
const SALT = 'cityops field-cipher v1';

export type BlindIndexPurpose = 'phone' | 'name';

export type FieldCipherErrorCode = 'FIELD_CIPHER_MALFORMED' | 'FIELD_CIPHER_UNSUPPORTED_VERSION' | 'FIELD_CIPHER_AUTH_FAILED';

/** A stored value that cannot be opened: an internal integrity fault, never the client's doing. */
export class FieldCipherError extends Error {
  constructor(
    readonly code: FieldCipherErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

export function normaliseForIndex(value: string, purpose: BlindIndexPurpose): string {
  switch (purpose) {
    case 'phone':
      return normalisePhone(value);
    case 'name':
      return normaliseName(value);
  }
}

export class FieldCipher {
  private readonly encKey: KeyObject;
  private readonly macKey: KeyObject;
  private readonly indexKeys: Record<BlindIndexPurpose, KeyObject>;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new RangeError(`FieldCipher: the master key must be ${MASTER_KEY_BYTES} bytes, got ${masterKey.length}`);
    // derived once here: HKDF costs more than a whole encryption, so never per call
    const derive = (info: string, length: number) => createSecretKey(hkdfSm3(masterKey, SALT, info, length));
    this.encKey = derive('sm4-cbc encryption', 16);
    this.macKey = derive('hmac-sm3 authentication', 32);
    this.indexKeys = { phone: derive('blind index: phone', 32), name: derive('blind index: name', 32) };
  }

  /** True when the value looks like this cipher's sealed form (useful while migrating plaintext). */
  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytesPooled(IV_BYTES);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = this.tag(iv, ciphertext, context);
    return PREFIX + Buffer.concat([Buffer.of(VERSION), iv, ciphertext, tag]).toString('base64url');
  }

  decrypt(sealed: string, context = ''): string {
    if (!sealed.startsWith('v') || !sealed.includes(':')) throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'not an encrypted field value (expected "v1:…")');
    if (!sealed.startsWith(PREFIX)) {
      throw new FieldCipherError('FIELD_CIPHER_UNSUPPORTED_VERSION', `unsupported encrypted field version "${sealed.slice(0, sealed.indexOf(':'))}"`);
    }
    const body = sealed.slice(PREFIX.length);
    if (!/^[A-Za-z0-9_-]+$/.test(body)) throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'encrypted field value is not base64url');
    const bytes = Buffer.from(body, 'base64url');
    const ciphertextLength = bytes.length - 1 - IV_BYTES - TAG_BYTES;
    if (ciphertextLength < BLOCK_BYTES || ciphertextLength % BLOCK_BYTES !== 0 || bytes[0] !== VERSION) {
      throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'encrypted field value has the wrong length or version byte');
    }
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const ciphertext = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + ciphertextLength);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    if (!timingSafeEqual(tag, this.tag(iv, ciphertext, context))) {
      throw new FieldCipherError('FIELD_CIPHER_AUTH_FAILED', 'encrypted field value failed authentication: it was altered, or the key or context is wrong');
    }
    const decipher = createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** Hex HMAC-SM3 of the normalised value; throws RangeError when nothing is left to index. */
  blindIndex(value: string, purpose: BlindIndexPurpose): string {
    const normalised = normaliseForIndex(value, purpose);
    if (normalised === '') throw new RangeError(`blindIndex: the ${purpose} is empty after normalisation`);
    return createHmac('sm3', this.indexKeys[purpose]).update(normalised, 'utf8').digest('hex');
  }

  private tag(iv: Buffer, ciphertext: Buffer, context: string): Buffer {
    const contextBytes = Buffer.from(context, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(contextBytes.length);
    return createHmac('sm3', this.macKey).update(Buffer.of(VERSION)).update(iv).update(length).update(contextBytes).update(ciphertext).digest().subarray(0, TAG_BYTES);
  }
}
