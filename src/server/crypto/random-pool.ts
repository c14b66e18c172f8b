/**
 * Small random values (IVs, the random part of ids) cut from a 4 KB block of the system CSPRNG, as
 * node:crypto's randomUUID does: one call into OpenSSL per 4 KB instead of one per value. A block is
 * never refilled in place, so a value handed out stays as it was.
 */
import { randomFillSync } from 'node:crypto';

const BLOCK = 4096;
let block = Buffer.alloc(0);
let offset = 0;

export function randomBytesPooled(size: number): Buffer {
  if (size > BLOCK) throw new RangeError(`randomBytesPooled: at most ${BLOCK} bytes`);
  if (offset + size > block.length) {
    block = randomFillSync(Buffer.allocUnsafe(BLOCK));
    offset = 0;
  }
  const out = block.subarray(offset, offset + size);
  offset += size;
  return out;
}
