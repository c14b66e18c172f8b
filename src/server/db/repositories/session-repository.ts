/** SQL of the sessions table. A session row's id is the SHA-256 of the cookie token. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { SessionsTable } from '../schema-identity.js';
import type { UserRow } from './user-repository.js';

export type SessionRow = Selectable<SessionsTable>;

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session and its user, in one query (it runs on every authenticated request). */
export async function findSessionWithUser(db: Kysely<DB>, townId: string, id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as s_id', 's.town_id as s_town_id', 's.user_id as s_user_id', 's.created_at as s_created_at', 's.last_seen_at as s_last_seen_at',
      's.expires_at as s_expires_at', 's.ip as s_ip', 's.user_agent as s_user_agent',
    ])
    .selectAll('u')
    .where('s.town_id', '=', townId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_town_id, s_user_id, s_created_at, s_last_seen_at, s_expires_at, s_ip, s_user_agent, ...user } = row;
  return {
    session: { id: s_id, town_id: s_town_id, user_id: s_user_id, created_at: s_created_at, last_seen_at: s_last_seen_at, expires_at: s_expires_at, ip: s_ip, user_agent: s_user_agent },
    user,
  };
}

export async function touchSession(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (on deactivation or a change of role, so the change takes effect now). */
export async function deleteSessionsOfUser(db: Kysely<DB>, townId: string, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('town_id', '=', townId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Housekeeping: sessions past their absolute end. */
export async function deleteExpiredSessions(db: Kysely<DB>, townId: string, now: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('town_id', '=', townId).where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
