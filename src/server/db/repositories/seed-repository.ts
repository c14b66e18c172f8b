/**
 * Bulk writes of the history seeder (`cityops seed`): multi-row INSERTs of fixed width, as raw
 * prepared statements (the same SQL text per chunk size, so SQLite's statement cache and
 * PostgreSQL's parser see one statement), inside the caller's transaction. Nothing is built per row.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { GENESIS } from '../../crypto/hash-chain.js';
import type { DB } from '../schema.js';

type Trx = Transaction<DB>;

export { caseColumns, caseEventColumns, insertMany, type SqlValue } from './bulk-insert.js';

/**
 * Takes the town's chain head for this transaction: the first statement writes (so SQLite's lock is
 * taken before the head is read), and PostgreSQL locks the head row as every appender does.
 */
export async function lockChainHead(trx: Trx, townId: string, postgres: boolean): Promise<{ seq: number; hash: string }> {
  await trx.insertInto('event_chain_heads').values({ town_id: townId, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('town_id').doNothing()).execute();
  const q = trx.selectFrom('event_chain_heads').select(['seq', 'hash']).where('town_id', '=', townId);
  const head = await (postgres ? q.forUpdate() : q).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function setChainHead(trx: Trx, townId: string, head: { seq: number; hash: string }): Promise<void> {
  await trx.updateTable('event_chain_heads').set({ seq: head.seq, hash: head.hash }).where('town_id', '=', townId).execute();
}

/** Reserves `count` case numbers of a local day; returns the first (the live intake continues after the last). */
export async function reserveCaseNumbers(trx: Trx, townId: string, localDay: string, count: number): Promise<number> {
  const row = await trx
    .insertInto('case_counters')
    .values({ town_id: townId, day: localDay, last: count })
    .onConflict((oc) => oc.columns(['town_id', 'day']).doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', eb.ref('excluded.last')) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last) - count + 1;
}

/**
 * SQLite: a larger page cache for this connection while seeding (index pages of a growing table are
 * touched at random; the default 2 MB cache makes every batch read them from disk again).
 */
export async function prepareBulkSession(db: Kysely<DB>, postgres: boolean): Promise<void> {
  if (!postgres) await sql`PRAGMA cache_size = -262144`.execute(db);
}

/** After a bulk load: fresh planner statistics (PostgreSQL plans the first reads badly without them). */
export async function analyzeAfterBulkLoad(db: Kysely<DB>, postgres: boolean): Promise<void> {
  // SQLite: sampled (analysis_limit), so a 10 GB file is analysed in seconds, not minutes
  if (!postgres) await sql`PRAGMA analysis_limit = 1000`.execute(db);
  await sql`ANALYZE`.execute(db);
}
