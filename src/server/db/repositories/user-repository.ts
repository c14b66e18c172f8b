/** SQL of the users table. Credentials never leave this layer except to the log-in command. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { UsersTable } from '../schema-identity.js';
import { isUniqueViolation } from '../unique-violation.js';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserChanges = Omit<Updateable<UsersTable>, 'id' | 'town_id' | 'username' | 'created_at'>;

export function findUserByUsername(db: Kysely<DB>, townId: string, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('town_id', '=', townId).where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, townId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>, townId: string, filter: { role?: string; active?: boolean } = {}): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().where('town_id', '=', townId);
  if (filter.role) q = q.where('role', '=', filter.role as UserRow['role']);
  if (filter.active !== undefined) q = q.where('active', '=', filter.active ? 1 : 0);
  return q.orderBy('username').execute();
}

/** Inserts a user; false when the username is already taken in the town (even in a race). */
export async function insertUser(db: Kysely<DB>, row: NewUserRow): Promise<boolean> {
  try {
    await db.insertInto('users').values(row).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateUserRow(db: Kysely<DB>, townId: string, id: string, changes: UserChanges): Promise<void> {
  await db.updateTable('users').set(changes).where('town_id', '=', townId).where('id', '=', id).execute();
}

/**
 * Counts a failed login in one statement (two concurrent failures cannot both read the old count).
 * On the `lockAfter`-th consecutive failure the account is locked until `lockUntil` and the counter
 * starts again. Returns whether this failure locked the account.
 */
export async function recordFailedLogin(db: Kysely<DB>, townId: string, id: string, opts: { lockAfter: number; lockUntil: string; at: string }): Promise<{ locked: boolean; failedAttempts: number }> {
  const reached = sql<boolean>`failed_attempts + 1 >= ${opts.lockAfter}`;
  const row = await db
    .updateTable('users')
    .set({
      failed_attempts: sql<number>`case when ${reached} then 0 else failed_attempts + 1 end`,
      locked_until: sql<string | null>`case when ${reached} then ${opts.lockUntil} else locked_until end`,
      updated_at: opts.at,
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
  const locked = row.failed_attempts === 0 && row.locked_until !== null && Date.parse(row.locked_until) === Date.parse(opts.lockUntil);
  return { locked, failedAttempts: row.failed_attempts };
}

export async function clearFailedLogins(db: Kysely<DB>, townId: string, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null, updated_at: at }).where('town_id', '=', townId).where('id', '=', id).execute();
}

export async function countActiveUsersWithRole(db: Kysely<DB>, townId: string, role: UserRow['role']): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('town_id', '=', townId)
    .where('role', '=', role)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
