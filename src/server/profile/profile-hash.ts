import { createHash } from 'node:crypto';
import type { Profile } from '../../domain/profile/schema.js';

/** JSON with object keys sorted at every level and undefined members dropped; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * sha256 (hex) of the parsed, canonicalised profile: the same content hashes the same whatever the
 * YAML formatting, comments or key order, so the loader can skip a profile it has already loaded.
 * A profile without devices hashes as it did before devices.yaml existed, so a town that has none
 * is not seen as changed.
 */
export function profileContentHash(profile: Profile): string {
  const { devices, ...rest } = profile;
  return createHash('sha256').update(canonicalJson((devices ?? []).length > 0 ? profile : rest)).digest('hex');
}
