/**
 * Bulk writes of the history seeder (`cityops seed`): multi-row INSERTs of fixed width, as raw
 * prepared statements (the same SQL text per chunk size, so SQLite's statement cache and
 * PostgreSQL's parser see one statement), inside the caller's transaction. Nothing is built per row.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { createChainHead, readChainHead } from './case-event-repository.js';

type Trx = Transaction<DB>;

export { caseColumns, caseEventColumns, insertMany, type SqlValue } from './bulk-insert.js';
export { storeChainHead } from './case-event-repository.js';
export { reserveCaseNumbers } from './case-repository.js';

/**
 * Takes the town's chain head for this transaction: the first statement writes (so SQLite's lock is
 * taken before the head is read), and PostgreSQL locks the head row as every appender does.
 */
export async function lockChainHead(trx: Trx, townId: string): Promise<{ seq: number; hash: string }> {
  await createChainHead(trx, townId);
  const { seq, hash } = await readChainHead(trx, townId);
  return { seq, hash };
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
