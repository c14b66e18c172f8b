import type { Kysely } from 'kysely';
import type { DB, TownsTable } from '../schema.js';

export async function findTown(db: Kysely<DB>, townId: string): Promise<TownsTable | undefined> {
  return db.selectFrom('towns').selectAll().where('id', '=', townId).executeTakeFirst();
}

/** The only town of a single-town deployment, if a profile has been loaded. */
export async function findOnlyTown(db: Kysely<DB>): Promise<TownsTable | undefined> {
  return db.selectFrom('towns').selectAll().orderBy('id').limit(1).executeTakeFirst();
}
