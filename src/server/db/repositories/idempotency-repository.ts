/** Stored first responses of POSTs with an Idempotency-Key (kept 24 h at least; see the sweep). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { IdempotencyKeysTable } from '../schema-cases.js';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function findIdempotencyKey(db: Db, townId: string, principal: string, key: string): Promise<IdempotencyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('town_id', '=', townId).where('principal', '=', principal).where('key', '=', key).executeTakeFirst();
}

/** Inserts the key's response, or replaces a provisional one written inside the command's transaction. */
export async function saveIdempotencyKey(db: Db, row: IdempotencyRow): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values(row)
    .onConflict((oc) => oc.columns(['town_id', 'principal', 'key']).doUpdateSet({ status_code: row.status_code, response: row.response }))
    .execute();
}

export async function deleteExpiredIdempotencyKeys(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
