/** Revokes an API key at once (the next request with it gets 401). Revoking twice changes nothing. */
import { findApiKeyById, revokeApiKeyRow, type ApiKeyRow } from '../db/repositories/api-key-repository.js';
import { problems } from '../http/problem.js';
import type { CreatedBy, UserContext } from './create-user.js';
import { recordAudit } from './record-audit.js';

export async function revokeApiKey(ctx: UserContext, id: string, by: CreatedBy): Promise<ApiKeyRow> {
  const db = ctx.database.db;
  const key = await findApiKeyById(db, ctx.townId, id);
  if (!key) throw problems.notFound({ zh: '没有这个 API 密钥', en: 'No such API key' });
  if (key.revoked_at !== null) return key;
  const at = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await revokeApiKeyRow(trx, ctx.townId, id, at);
    await recordAudit(ctx, { actor: by.actor, action: 'apikey.revoke', outcome: 'success', resourceType: 'api_key', resourceId: id, ip: by.ip ?? null, detail: { name: key.name, prefix: key.prefix } }, trx);
  });
  return { ...key, revoked_at: at };
}
