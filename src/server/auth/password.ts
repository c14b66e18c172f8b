/**
 * Password hashing: argon2id (DESIGN D8) via @node-rs/argon2, PHC strings in users.password_hash.
 * Parameters: memory 19 MiB (19456 KiB), 2 passes, parallelism 1 — the first of OWASP's equivalent
 * argon2id settings (Password Storage Cheat Sheet); about 10 ms per hash on a 2-core server, so a
 * login stays fast while an offline guess costs 19 MiB of memory each. There is no faster test mode:
 * tests hash with the same parameters. Hashes made with other parameters still verify (the PHC
 * string carries its own), so the settings can be raised later.
 */
import { hash, verify, type Options } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm is a const enum, which isolatedModules cannot read: Argon2id = 2. */
const ARGON2ID = 2 as Options['algorithm'];

export const argon2Options: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // a corrupt stored hash is a failed login, not a server error
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real verification, for unknown usernames and locked or disabled
 * accounts, so response times do not tell which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('cityops-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
