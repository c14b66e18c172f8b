/**
 * Every API request looks up its key. An integration (a hotline's order feed, a sensor gateway)
 * sends many requests at once with one key; those that arrive in the same turn of the event loop
 * share one lookup, issued after all of them arrived, so each still sees the key as it is after its
 * own arrival (a revocation committed before a request came is never missed) — one round trip to
 * the database instead of one each. Nothing is kept once the lookup has answered.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { findApiKeyByPrefix, type ApiKeyRow } from '../db/repositories/api-key-repository.js';

export class ApiKeyLookups {
  /** the lookups of this turn, by prefix, not yet issued */
  private readonly waiting = new Map<string, Promise<ApiKeyRow | undefined>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly townId: string,
  ) {}

  byPrefix(prefix: string): Promise<ApiKeyRow | undefined> {
    let lookup = this.waiting.get(prefix);
    if (!lookup) {
      lookup = new Promise((resolve, reject) => {
        setImmediate(() => {
          this.waiting.delete(prefix);
          findApiKeyByPrefix(this.db, this.townId, prefix).then(resolve, reject);
        });
      });
      this.waiting.set(prefix, lookup);
    }
    return lookup;
  }
}
