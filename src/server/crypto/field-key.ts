/**
 * The field cipher's master key: from CITYOPS_FIELD_KEY (base64 of 32 bytes) when set, otherwise
 * <dataDir>/keys/field-key, created with mode 0600 on first start. Losing this key loses every
 * encrypted name and phone number, and a copy next to the database backups defeats the
 * encryption: back it up separately (the `source: 'created'` result is the moment to say so).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.js';
import { MASTER_KEY_BYTES } from './field-cipher.js';

export const FIELD_KEY_ENV = 'CITYOPS_FIELD_KEY';

export interface MasterKey {
  key: Buffer;
  source: 'env' | 'file' | 'created';
  /** the key file, or null when the key came from the environment */
  path: string | null;
  /** e.g. a key file other users can read; for the startup log */
  warning: string | null;
}

export function fieldKeyPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'field-key');
}

/** Strict: exactly 32 bytes of standard or URL-safe base64, not all zeros. Never echoes the key. */
export function parseMasterKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const help = `${where} must hold ${MASTER_KEY_BYTES} random bytes in base64 (44 characters, e.g. from "openssl rand -base64 32")`;
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    throw new ConfigError(`${help}; it holds ${trimmed.length} characters that are not such a key`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_KEY_BYTES) throw new ConfigError(`${help}; it decodes to ${key.length} bytes`);
  if (key.every((b) => b === 0)) throw new ConfigError(`${help}; it is all zeros, a placeholder rather than a key`);
  return key;
}

function readKeyFile(file: string): MasterKey {
  const key = parseMasterKey(fs.readFileSync(file, 'utf8'), `the key file ${file}`);
  const mode = fs.statSync(file).mode & 0o777;
  const warning = process.platform !== 'win32' && (mode & 0o077) !== 0 ? `the key file ${file} has mode ${mode.toString(8)}; make it 600 (chmod 600)` : null;
  return { key, source: 'file', path: file, warning };
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync a directory; the file itself is already on disk
  }
}

/** Writes a new key without ever exposing a half-written file: temp file, fsync, then link (no overwrite). */
function createKeyFile(file: string): MasterKey {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(MASTER_KEY_BYTES);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${key.toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    // another process created the key first: use theirs
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fsyncDir(dir);
  return { key, source: 'created', path: file, warning: null };
}

export function loadOrCreateMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): MasterKey {
  const fromEnv = env[FIELD_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { key: parseMasterKey(fromEnv, FIELD_KEY_ENV), source: 'env', path: null, warning: null };
  }
  const file = fieldKeyPath(dataDir);
  if (fs.existsSync(file)) return readKeyFile(file);
  return createKeyFile(file);
}
