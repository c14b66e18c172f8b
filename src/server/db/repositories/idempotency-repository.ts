/** Stored first responses of POSTs with an Idempotency-Key (kept 24 h at least; see the sweep). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { IdempotencyKeysTable } from '../schema-cases.js';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function findIdempotencyKey(db: Db, townId: string, principal: string, key: string): Promise<IdempotencyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('town_id', '=', townId).where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
}

/**
 * Inserts a key's row, or replaces the stored one when that has expired — or, with `ownProvisional`,
 * when it is the provisional response of this same request. Returns whether anything was written.
 */
async function writeKey(db: Db, row: IdempotencyRow, ownProvisional: boolean): Promise<boolean> {
  const result = await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['town_id', 'principal', 'key'])
        .doUpdateSet({ method: row.method, path: row.path, request_hash: row.request_hash, status_code: row.status_code, response: row.response, created_at: row.created_at, expires_at: row.expires_at })
        .where((eb) => {
          const expired = eb('idempotency_keys.expires_at', '<=', row.created_at);
          if (!ownProvisional) return expired;
          return eb.or([expired, eb.and([eb('idempotency_keys.request_hash', '=', row.request_hash), eb('idempotency_keys.response', 'like', '{"$ref":%')])]);
        }),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Stores the key's response once it is sent. It replaces only what it may: the provisional response
 * this same request wrote in its command's transaction, by a success — or a row that has expired. A
 * response for a key another request holds (one that lost a race and failed) leaves that row alone.
 */
export async function saveIdempotencyKey(db: Db, row: IdempotencyRow): Promise<void> {
  await writeKey(db, row, row.status_code >= 200 && row.status_code < 300);
}

/**
 * Writes a key's first response inside the command's own transaction, so that a crash after the
 * commit still finds the key on resend. False, writing nothing, when the key is already held by a
 * live row (another request with the same key got there first); an expired row is taken over.
 */
export function claimIdempotencyKey(trx: Transaction<DB>, row: IdempotencyRow): Promise<boolean> {
  return writeKey(trx, row, false);
}

/** The row a command writes with its key, given what it made (a case's id, a photo). */
export type KeyRowFor<T> = (made: T) => IdempotencyRow;

/** The id of what a key's stored response names: a provisional reference, or the full body. */
export function madeIdOf(row: Pick<IdempotencyRow, 'response'>): string | undefined {
  const body = JSON.parse(row.response) as { $ref?: { id?: unknown }; id?: unknown };
  const id = body.$ref?.id ?? body.id;
  return typeof id === 'string' ? id : undefined;
}

export async function deleteExpiredIdempotencyKeys(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
