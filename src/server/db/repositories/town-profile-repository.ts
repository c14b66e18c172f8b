/** SQL of the stored profile documents (town_profiles) and of claiming the town for an edit. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { TownProfilesTable } from '../schema-town-profiles.js';

export type StoredProfile = Omit<TownProfilesTable, 'id'> & { id: number };

/** The newest document of the town, if one has been stored. */
export async function findCurrentProfileDocument(db: Kysely<DB>, townId: string): Promise<StoredProfile | undefined> {
  return db.selectFrom('town_profiles').selectAll().where('town_id', '=', townId).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The hash of the newest document, without reading the document itself. */
export async function currentProfileDocumentHash(db: Kysely<DB>, townId: string): Promise<string | undefined> {
  const row = await db.selectFrom('town_profiles').select('hash').where('town_id', '=', townId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash;
}

export async function insertProfileDocument(db: Kysely<DB>, row: Omit<TownProfilesTable, 'id'>): Promise<void> {
  await db.insertInto('town_profiles').values(row).execute();
}

/**
 * Claims the town's row for a change based on `baseHash`: true when the town still has that profile
 * hash. On PostgreSQL the row stays locked until the transaction ends, so a concurrent edit based on
 * the same hash waits and then finds it changed; SQLite runs one write transaction at a time.
 */
export async function claimTownAtHash(db: Kysely<DB>, townId: string, baseHash: string): Promise<boolean> {
  const result = await db
    .updateTable('towns')
    .set((eb) => ({ profile_hash: eb.ref('profile_hash') }))
    .where('id', '=', townId)
    .where('profile_hash', '=', baseHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
