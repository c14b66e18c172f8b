import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export function pendingOutbox(db: Kysely<DB>, limit: number) {
  return db.selectFrom('outbox').select(['id', 'topic', 'payload']).where('published_at', 'is', null).orderBy('id').limit(limit).execute();
}

export async function markOutboxPublished(db: Kysely<DB>, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ published_at: at }).where('id', 'in', ids).execute();
}

/** Published rows older than the retention are deleted (the record itself is case_events). */
export async function purgePublishedOutbox(db: Kysely<DB>, before: string): Promise<number> {
  const r = await db.deleteFrom('outbox').where('published_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
