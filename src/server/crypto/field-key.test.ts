import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { fieldKeyPath, loadOrCreateMasterKey, parseMasterKey } from './field-key.js';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-key-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const GOOD = Buffer.alloc(32, 0xab).toString('base64');

describe('loadOrCreateMasterKey', () => {
  it('creates <dataDir>/keys/field-key with mode 0600 on first use and reuses it', () => {
    const first = loadOrCreateMasterKey(dataDir, {});
    const file = path.join(dataDir, 'keys', 'field-key');
    expect(first).toMatchObject({ source: 'created', path: file, warning: null });
    expect(first.key.length).toBe(32);
    expect(fieldKeyPath(dataDir)).toBe(file);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0);
    }
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
    // no temp file left behind
    expect(fs.readdirSync(path.dirname(file))).toEqual(['field-key']);

    const second = loadOrCreateMasterKey(dataDir, {});
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('uses CITYOPS_FIELD_KEY when set and writes no file', () => {
    const loaded = loadOrCreateMasterKey(dataDir, { CITYOPS_FIELD_KEY: GOOD });
    expect(loaded).toMatchObject({ source: 'env', path: null });
    expect(loaded.key.equals(Buffer.alloc(32, 0xab))).toBe(true);
    expect(fs.existsSync(fieldKeyPath(dataDir))).toBe(false);
  });

  it('prefers the environment over an existing key file', () => {
    const created = loadOrCreateMasterKey(dataDir, {});
    const loaded = loadOrCreateMasterKey(dataDir, { CITYOPS_FIELD_KEY: ` ${GOOD}\n` });
    expect(loaded.key.equals(created.key)).toBe(false);
    expect(loaded.key.equals(Buffer.alloc(32, 0xab))).toBe(true);
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['too long', Buffer.alloc(33, 1).toString('base64')],
    ['not base64', 'this is definitely not a key, it is prose!!'],
    ['hex instead of base64', Buffer.alloc(32, 1).toString('hex')],
    ['all zeros', Buffer.alloc(32).toString('base64')],
  ])('refuses a malformed env key (%s) with a clear message that does not echo it', (_name, value) => {
    let error: unknown;
    try {
      loadOrCreateMasterKey(dataDir, { CITYOPS_FIELD_KEY: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/CITYOPS_FIELD_KEY must hold 32 random bytes in base64/);
    expect((error as Error).message).not.toContain(value);
  });

  it('refuses a malformed key file, naming the file, and does not replace it', () => {
    const file = fieldKeyPath(dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'short\n', { mode: 0o600 });
    expect(() => loadOrCreateMasterKey(dataDir, {})).toThrow(new RegExp(`the key file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} must hold`));
    expect(fs.readFileSync(file, 'utf8')).toBe('short\n');
  });

  it.skipIf(process.platform === 'win32')('warns about a key file other users can read', () => {
    const file = fieldKeyPath(dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${GOOD}\n`);
    fs.chmodSync(file, 0o644);
    expect(loadOrCreateMasterKey(dataDir, {}).warning).toMatch(/mode 644/);
  });
});

describe('parseMasterKey', () => {
  it('accepts standard and URL-safe base64, with or without padding', () => {
    const bytes = Buffer.from('fbff'.repeat(16), 'hex');
    for (const text of [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('base64').replace('=', '')]) {
      expect(parseMasterKey(text, 'key').equals(bytes)).toBe(true);
    }
  });
});
