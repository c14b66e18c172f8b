/**
 * HKDF (RFC 5869) with HMAC-SM3, so every key of the field cipher comes from one master key and
 * the whole stack stays on the national algorithms (GM/T 0004 SM3). Node 20's hkdfSync accepts
 * 'sm3' with the OpenSSL it ships; a build without it falls back to the same construction written
 * out, which the tests prove gives identical bytes.
 */
import { createHmac, hkdfSync } from 'node:crypto';

const SM3_LENGTH = 32;

/** RFC 5869 extract-then-expand over HMAC-SM3, written out. */
export function hkdfSm3Manual(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Buffer {
  if (length > 255 * SM3_LENGTH) throw new RangeError('hkdf: length too large');
  const prk = createHmac('sm3', salt.length > 0 ? salt : Buffer.alloc(SM3_LENGTH)).update(ikm).digest();
  const blocks: Buffer[] = [];
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 1; blocks.length * SM3_LENGTH < length; i += 1) {
    previous = createHmac('sm3', prk).update(previous).update(info).update(Buffer.of(i)).digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

export function hkdfSm3(ikm: Uint8Array, salt: string, info: string, length: number): Buffer {
  const saltBytes = Buffer.from(salt, 'utf8');
  const infoBytes = Buffer.from(info, 'utf8');
  try {
    return Buffer.from(hkdfSync('sm3', ikm, saltBytes, infoBytes, length));
  } catch {
    return hkdfSm3Manual(ikm, saltBytes, infoBytes, length);
  }
}
