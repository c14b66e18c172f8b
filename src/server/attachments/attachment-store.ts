/**
 * Photos stored by content (SHA-256) under <dataDir>/attachments/<ab>/<cd>/<sha256>: the same
 * photo uploaded twice is stored once, a stored file never changes, and the database keeps only
 * the hash, size and type. Writes go to <root>/tmp, are fsynced and renamed into place, so a
 * crash never leaves a half photo under its hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ATTACHMENT_MAX_BYTES, AttachmentTooLargeError, AttachmentTypeNotAllowedError } from './attachment-errors.js';
import { sniffImageType, type ImageMediaType } from './sniff-image-type.js';

export interface StoredAttachment {
  sha256: string;
  size: number;
  mediaType: ImageMediaType;
  /** absolute path of the blob */
  path: string;
  /** false when an identical blob was already stored */
  created: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // not every platform can fsync a directory; the rename is still atomic
  } finally {
    await handle?.close();
  }
}

export class AttachmentStore {
  readonly tempDir: string;

  constructor(
    readonly root: string,
    readonly maxBytes: number = ATTACHMENT_MAX_BYTES,
  ) {
    this.tempDir = path.join(root, 'tmp');
  }

  static forDataDir(dataDir: string): AttachmentStore {
    return new AttachmentStore(path.join(dataDir, 'attachments'));
  }

  /** Where a blob lives; throws on anything but 64 lower-case hex, so no path can escape the root. */
  pathFor(sha256: string): string {
    if (!isSha256Hex(sha256)) throw new TypeError('AttachmentStore: not a lower-case hex SHA-256');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Checks size, then type by content, then stores; throws AttachmentTooLargeError / AttachmentTypeNotAllowedError. */
  async put(data: Uint8Array): Promise<StoredAttachment> {
    if (data.length > this.maxBytes) throw new AttachmentTooLargeError(data.length, this.maxBytes);
    const mediaType = sniffImageType(data);
    if (!mediaType) throw new AttachmentTypeNotAllowedError();
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathFor(sha256);
    const result = { sha256, size: data.length, mediaType, path: target };
    if ((await this.sizeAt(target)) === data.length) return { ...result, created: false };

    await fs.mkdir(this.tempDir, { recursive: true });
    const temp = path.join(this.tempDir, `${sha256}.${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // replaces only a damaged blob of the wrong size; identical concurrent puts write the same bytes
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await fsyncDir(path.dirname(target));
    return { ...result, created: true };
  }

  /** A stream of the blob, or null when it is not stored (or the hash is malformed). */
  async open(sha256: string): Promise<Readable | null> {
    if (!isSha256Hex(sha256)) return null;
    try {
      const handle = await fs.open(this.pathFor(sha256), 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return isSha256Hex(sha256) && (await this.sizeAt(this.pathFor(sha256))) !== null;
  }

  /** Size in bytes (for Content-Length), or null when not stored. */
  async size(sha256: string): Promise<number | null> {
    return isSha256Hex(sha256) ? this.sizeAt(this.pathFor(sha256)) : null;
  }

  /** Removes temp files of uploads interrupted by a crash; call at startup. Returns how many. */
  async removeStaleTemp(now: Date, maxAgeMs = 60 * 60 * 1000): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.tempDir);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tempDir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now.getTime() - stat.mtimeMs > maxAgeMs) {
        await fs.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async sizeAt(file: string): Promise<number | null> {
    try {
      const stat = await fs.stat(file);
      return stat.isFile() ? stat.size : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
