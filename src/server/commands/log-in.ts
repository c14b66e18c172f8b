/**
 * POST /session: checks a username and password and opens a server-side session.
 * Lockout: the 5th consecutive failure locks the account for 15 minutes; while locked even the right
 * password is refused (423). Unknown usernames, disabled and locked accounts still spend one argon2
 * verification, so timing does not reveal which usernames exist.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { DB } from '../db/schema.js';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.js';
import { authProblems } from '../auth/auth-problems.js';
import { newSessionToken, sessionIdOf } from '../auth/tokens.js';
import { insertSession } from '../db/repositories/session-repository.js';
import { clearFailedLogins, findUserByUsername, recordFailedLogin, type UserRow } from '../db/repositories/user-repository.js';
import { recordAudit, type AuditActor } from './record-audit.js';

export const lockAfterFailures = 5;
export const lockMinutes = 15;
/** A session ends after this long whatever the activity (the idle timeout usually ends it sooner). */
export const sessionMaxHours = 12;

export interface LogInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LogInResult {
  /** the cookie value; only its hash is stored */
  token: string;
  sessionId: string;
  user: UserRow;
  expiresAt: string;
}

export async function logIn(ctx: AppContext, input: LogInInput): Promise<LogInResult> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const user = await findUserByUsername(db, ctx.townId, input.username);
  const failed = (actor: AuditActor, outcome: 'failure' | 'denied', detail: Record<string, unknown>, trx: Kysely<DB> = db) =>
    recordAudit(ctx, { actor, action: 'session.login_failed', outcome, resourceType: 'user', resourceId: user?.id ?? null, ip: input.ip, detail }, trx);

  if (!user) {
    await verifyAgainstDummy(input.password);
    await failed({ type: 'anonymous', id: null, name: input.username }, 'failure', { reason: 'unknown_user' });
    throw authProblems.invalidCredentials();
  }
  const who: AuditActor = { type: 'user', id: user.id, name: user.username };
  if (user.locked_until !== null && Date.parse(user.locked_until) > now.getTime()) {
    await verifyAgainstDummy(input.password);
    await failed(who, 'denied', { reason: 'locked', lockedUntil: user.locked_until });
    throw authProblems.accountLocked(user.locked_until);
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (user.active !== 1) {
    await failed(who, 'failure', { reason: 'inactive' });
    throw authProblems.invalidCredentials();
  }
  if (!passwordOk) {
    const lockUntil = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
    const locked = await db.transaction().execute(async (trx) => {
      const r = await recordFailedLogin(trx, ctx.townId, user.id, { lockAfter: lockAfterFailures, lockUntil, at });
      await failed(who, 'failure', { reason: 'wrong_password', consecutiveFailures: r.locked ? lockAfterFailures : r.failedAttempts }, trx);
      if (r.locked) {
        await recordAudit(
          ctx,
          { actor: who, action: 'session.locked', outcome: 'success', resourceType: 'user', resourceId: user.id, ip: input.ip, detail: { lockedUntil: lockUntil, failures: lockAfterFailures } },
          trx,
        );
      }
      return r.locked;
    });
    if (locked) throw authProblems.accountLocked(lockUntil);
    throw authProblems.invalidCredentials();
  }

  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + sessionMaxHours * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    if (user.failed_attempts !== 0 || user.locked_until !== null) await clearFailedLogins(trx, ctx.townId, user.id, at);
    await insertSession(trx, {
      id: sessionId, town_id: ctx.townId, user_id: user.id, created_at: at, last_seen_at: at, expires_at: expiresAt,
      ip: input.ip, user_agent: input.userAgent?.slice(0, 400) ?? null,
    });
    await recordAudit(ctx, { actor: who, action: 'session.login', outcome: 'success', resourceType: 'session', ip: input.ip }, trx);
  });
  return { token, sessionId, user: { ...user, failed_attempts: 0, locked_until: null }, expiresAt };
}
