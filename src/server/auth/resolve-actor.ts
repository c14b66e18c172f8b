/**
 * Who is calling: a session cookie or an API key, checked against the database. Time comes from
 * ctx.clock so tests can move it.
 */
import type { Actor } from '../../domain/access/actor.js';
import { auditActorOf, recordAudit } from '../commands/record-audit.js';
import type { AppContext } from '../context.js';
import { touchApiKey } from '../db/repositories/api-key-repository.js';
import { deleteSession, findSessionWithUser, touchSession } from '../db/repositories/session-repository.js';
import { actorOfApiKey, actorOfUser } from './actor-of.js';
import { authProblems } from './auth-problems.js';
import { parseApiKey, sameHash, sessionIdOf, sha256Hex } from './tokens.js';

/**
 * last_seen_at moves at most once a minute, so a busy console does not write on every request.
 * The price: an idle timeout may end a session up to a minute early.
 */
export const touchIntervalMs = 60_000;

export type SessionResolution =
  | { kind: 'ok'; actor: Actor; session: { id: string; expiresAt: string } }
  | { kind: 'expired' }
  | { kind: 'none' };

export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<SessionResolution> {
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(ctx.database.db, ctx.townId, id);
  if (!found) return { kind: 'none' };
  const { session, user } = found;
  const now = ctx.clock.now();
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const lastSeen = Date.parse(session.last_seen_at);
  const idle = now.getTime() - lastSeen >= idleMs;
  const pastEnd = now.getTime() >= Date.parse(session.expires_at);
  if (idle || pastEnd || user.active !== 1) {
    await deleteSession(ctx.database.db, id);
    await recordAudit(ctx, {
      actor: auditActorOf(actorOfUser(user)),
      action: 'session.expired',
      outcome: 'success',
      resourceType: 'session',
      ip,
      detail: { reason: user.active !== 1 ? 'inactive' : idle ? 'idle' : 'max_lifetime' },
    });
    return { kind: 'expired' };
  }
  if (now.getTime() - lastSeen >= touchIntervalMs) await touchSession(ctx.database.db, id, now.toISOString());
  return { kind: 'ok', actor: actorOfUser(user), session: { id, expiresAt: session.expires_at } };
}

/** `Authorization: Bearer cok_<prefix>_<secret>`; anything else in the header is refused (401). */
export async function resolveApiKey(ctx: AppContext, header: string, ip: string | null): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const parsed = match?.[1] ? parseApiKey(match[1]) : null;
  const key = parsed ? await ctx.apiKeys.byPrefix(parsed.prefix) : undefined;
  // the hash is computed even for an unknown prefix, so timing does not reveal which prefixes exist
  const presented = sha256Hex(parsed?.secret ?? '');
  const valid = key !== undefined && sameHash(presented, key.secret_hash) && key.revoked_at === null;
  if (!key || !valid) {
    await recordAudit(ctx, {
      actor: key ? { type: 'api_key', id: key.id, name: key.name } : auditActorOf(null, parsed ? `cok_${parsed.prefix}` : null),
      action: 'apikey.auth_failed',
      outcome: 'failure',
      resourceType: 'api_key',
      resourceId: key?.id ?? null,
      ip,
      detail: { reason: !parsed ? 'malformed' : !key ? 'unknown_prefix' : key.revoked_at !== null ? 'revoked' : 'wrong_secret' },
    });
    throw authProblems.invalidApiKey();
  }
  const now = ctx.clock.now();
  if (key.last_used_at === null || now.getTime() - Date.parse(key.last_used_at) >= touchIntervalMs) {
    // the requests that shared this lookup (ApiKeyLookups) hold this same row: the first touches it for all
    key.last_used_at = now.toISOString();
    await touchApiKey(ctx.database.db, key.id, key.last_used_at);
  }
  return actorOfApiKey(key);
}
