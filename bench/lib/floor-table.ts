/** The benchmark floor's one table and its one plain INSERT (kept apart from the product's schema). */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function createFloorTable(db: AnyDb): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS bench_floor (id text PRIMARY KEY, body text NOT NULL, created_at text NOT NULL)`.execute(db);
}

export async function insertFloorRow(db: AnyDb, id: string, body: string, at: string): Promise<void> {
  await db.insertInto('bench_floor').values({ id, body, created_at: at }).execute();
}
