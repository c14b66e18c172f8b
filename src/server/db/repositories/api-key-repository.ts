/** SQL of the api_keys table. Keys are found by their public prefix; the secret is only a hash here. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { ApiKeysTable } from '../schema-identity.js';
import { preparedQuery } from './prepared-query.js';

export type ApiKeyRow = Selectable<ApiKeysTable>;

export async function insertApiKey(db: Kysely<DB>, row: Insertable<ApiKeysTable>): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

/** every API request's lookup: compiled once */
const apiKeysByPrefix = preparedQuery((db, townId: string, prefix: string) => db.selectFrom('api_keys').selectAll().where('town_id', '=', townId).where('prefix', '=', prefix));

export async function findApiKeyByPrefix(db: Kysely<DB>, townId: string, prefix: string): Promise<ApiKeyRow | undefined> {
  return (await apiKeysByPrefix(db, townId, prefix))[0];
}

export function findApiKeyById(db: Kysely<DB>, townId: string, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
}

export function listApiKeys(db: Kysely<DB>, townId: string): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().where('town_id', '=', townId).orderBy('created_at').orderBy('id').execute();
}

export async function revokeApiKeyRow(db: Kysely<DB>, townId: string, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('town_id', '=', townId).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function touchApiKey(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}
