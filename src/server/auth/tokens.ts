/**
 * Random secrets and their stored forms. Session tokens and API-key secrets are 256-bit random
 * values, so a plain SHA-256 is enough to store them (no slow hash needed: nothing to brute-force);
 * the database never holds a usable token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** sessions.id is the hash of the cookie's token */
export const sessionIdOf = sha256Hex;

export const apiKeyPattern = /^cok_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  /** the whole key, shown once: cok_<prefix>_<secret> */
  key: string;
  prefix: string;
  secretHash: string;
}

export function newApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `cok_${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = apiKeyPattern.exec(key);
  return m && m[1] && m[2] ? { prefix: m[1], secret: m[2] } : null;
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
