import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Problem, problemBody } from '../http/problem.js';
import { ATTACHMENT_MAX_BYTES, AttachmentStore, AttachmentTooLargeError, AttachmentTypeNotAllowedError } from './index.js';
import { tinyJpeg, tinyPng, tinyWebp } from '../../../test/images.js';

let dataDir: string;
let store: AttachmentStore;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-att-'));
  store = AttachmentStore.forDataDir(dataDir);
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A JPEG-looking buffer of exactly n bytes. */
function jpegOfSize(n: number): Buffer {
  const b = Buffer.alloc(n, 0x11);
  tinyJpeg().copy(b, 0, 0, 4);
  return b;
}

async function refusal(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Problem) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('AttachmentStore.put', () => {
  it('stores by SHA-256 at <dataDir>/attachments/<sha[0..2]>/<sha[2..4]>/<sha> with the sniffed type', async () => {
    const png = tinyPng();
    const hash = sha(png);
    const stored = await store.put(png);
    const expectedPath = path.join(dataDir, 'attachments', hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(stored).toEqual({ sha256: hash, size: png.length, mediaType: 'image/png', path: expectedPath, created: true });
    expect(fs.readFileSync(expectedPath).equals(png)).toBe(true);
    expect(store.pathFor(hash)).toBe(expectedPath);
    expect(fs.readdirSync(store.tempDir)).toEqual([]);
  });

  it('sniffs each allowed type', async () => {
    expect((await store.put(tinyJpeg())).mediaType).toBe('image/jpeg');
    expect((await store.put(tinyWebp())).mediaType).toBe('image/webp');
  });

  it('does not rewrite an identical blob on a second upload', async () => {
    const jpeg = tinyJpeg();
    const first = await store.put(jpeg);
    const before = fs.statSync(first.path);
    const second = await store.put(Buffer.from(jpeg));
    expect(second).toEqual({ ...first, created: false });
    const after = fs.statSync(first.path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('replaces a damaged blob whose size does not match', async () => {
    const png = tinyPng();
    const first = await store.put(png);
    fs.writeFileSync(first.path, png.subarray(0, 10));
    expect((await store.put(png)).created).toBe(true);
    expect(fs.readFileSync(first.path).equals(png)).toBe(true);
  });

  it('accepts exactly 10 MB and refuses one byte more with ATTACHMENT_TOO_LARGE (413)', async () => {
    expect(ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    const ok = await store.put(jpegOfSize(10 * 1024 * 1024));
    expect(ok.size).toBe(10 * 1024 * 1024);
    const problem = await refusal(store.put(jpegOfSize(10 * 1024 * 1024 + 1)));
    expect(problem).toBeInstanceOf(AttachmentTooLargeError);
    expect(problem.status).toBe(413);
    expect(problem.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(problem.text.zh).toContain('10 MB');
    expect(problemBody(problem)).toMatchObject({ status: 413, code: 'ATTACHMENT_TOO_LARGE', limitBytes: 10485760, sizeBytes: 10485761 });
  });

  it.each([
    ['a fake .jpg containing <html>', Buffer.from('<html><body>not a photo</body></html>')],
    ['a PDF', Buffer.from('%PDF-1.4\n')],
    ['a GIF', Buffer.from('GIF89a', 'latin1')],
    ['an empty buffer', Buffer.alloc(0)],
  ])('refuses %s with ATTACHMENT_TYPE_NOT_ALLOWED (415) and stores nothing', async (_name, bytes) => {
    const problem = await refusal(store.put(bytes));
    expect(problem).toBeInstanceOf(AttachmentTypeNotAllowedError);
    expect(problem.status).toBe(415);
    expect(problem.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(problem.text).toEqual({ zh: '只接受 JPEG、PNG 或 WebP 格式的照片', en: 'Only JPEG, PNG or WebP photos are accepted' });
    expect(fs.existsSync(store.root)).toBe(false);
  });

  it('checks the size before the content', async () => {
    const html = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x3c);
    expect((await refusal(store.put(html))).code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('honours a smaller limit given to the store', async () => {
    const small = new AttachmentStore(path.join(dataDir, 'small'), 16);
    expect((await refusal(small.put(tinyJpeg()))).code).toBe('ATTACHMENT_TOO_LARGE');
  });
});

describe('AttachmentStore reads', () => {
  it('opens a stored blob as a stream, and reports it exists with its size', async () => {
    const webp = tinyWebp();
    const { sha256 } = await store.put(webp);
    const stream = await store.open(sha256);
    expect(stream).not.toBeNull();
    expect((await buffer(stream!)).equals(webp)).toBe(true);
    expect(await store.exists(sha256)).toBe(true);
    expect(await store.size(sha256)).toBe(webp.length);
  });

  it('answers null / false for an unknown or malformed hash without touching other paths', async () => {
    const unknown = 'a'.repeat(64);
    expect(await store.open(unknown)).toBeNull();
    expect(await store.exists(unknown)).toBe(false);
    expect(await store.size(unknown)).toBeNull();
    fs.writeFileSync(path.join(dataDir, 'secret'), 'x');
    for (const bad of ['../secret', '../../secret', 'A'.repeat(64), 'a'.repeat(63), '']) {
      expect(await store.open(bad)).toBeNull();
      expect(await store.exists(bad)).toBe(false);
      expect(() => store.pathFor(bad)).toThrow(TypeError);
    }
    expect(await text(fs.createReadStream(path.join(dataDir, 'secret')))).toBe('x');
  });

  it('removes stale temp files of interrupted uploads, keeping fresh ones', async () => {
    fs.mkdirSync(store.tempDir, { recursive: true });
    const stale = path.join(store.tempDir, 'stale');
    const fresh = path.join(store.tempDir, 'fresh');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'y');
    const now = new Date('2030-01-01T00:00:00Z');
    fs.utimesSync(stale, new Date('2029-12-31T22:00:00Z'), new Date('2029-12-31T22:00:00Z'));
    fs.utimesSync(fresh, new Date('2029-12-31T23:30:00Z'), new Date('2029-12-31T23:30:00Z'));
    expect(await store.removeStaleTemp(now)).toBe(1);
    expect(fs.readdirSync(store.tempDir)).toEqual(['fresh']);
    expect(await new AttachmentStore(path.join(dataDir, 'none')).removeStaleTemp(now)).toBe(0);
  });
});
