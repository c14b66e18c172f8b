/**
 * Issues a scoped API key for a machine client (hotline adapter, video analytics, sensors, Open311).
 * The whole key is returned once and never stored: only its prefix and the secret's SHA-256 are kept.
 * The three administrator roles cannot be given to a key (三员 are people who sign in).
 */
import { adminRoles, type ApiKeyScope } from '../../domain/access/actor.js';
import type { Role } from '../../domain/profile/schema.js';
import { newApiKey } from '../auth/tokens.js';
import { insertApiKey, type ApiKeyRow } from '../db/repositories/api-key-repository.js';
import { problems } from '../http/problem.js';
import { scopeFieldErrors } from './account-checks.js';
import type { CreatedBy, UserContext } from './create-user.js';
import { recordAudit } from './record-audit.js';

export interface CreateApiKeyInput {
  name: string;
  role: Role;
  scopes: ApiKeyScope[];
  stationCode?: string | null;
  departmentCode?: string | null;
}

export async function createApiKey(ctx: UserContext, input: CreateApiKeyInput, by: CreatedBy): Promise<{ key: string; row: ApiKeyRow }> {
  const db = ctx.database.db;
  const stationCode = input.stationCode ?? null;
  const departmentCode = input.departmentCode ?? null;
  const errors = await scopeFieldErrors(db, ctx.townId, { role: input.role, stationCode, departmentCode });
  if (adminRoles.includes(input.role)) {
    errors.unshift({ field: 'body.role', message: { zh: '管理员角色不能授予 API 密钥', en: 'an administrator role cannot be given to an API key' } });
  }
  if (input.scopes.length === 0) errors.push({ field: 'body.scopes', message: { zh: '至少一个授权范围', en: 'at least one scope' } });
  if (errors.length > 0) throw problems.validation(errors);

  const generated = newApiKey();
  const row: ApiKeyRow = {
    id: crypto.randomUUID(),
    town_id: ctx.townId,
    name: input.name.trim(),
    prefix: generated.prefix,
    secret_hash: generated.secretHash,
    scopes: JSON.stringify([...new Set(input.scopes)]),
    role: input.role,
    station_code: stationCode,
    department_code: departmentCode,
    created_by: by.actor.name ?? by.actor.type,
    created_at: ctx.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await insertApiKey(trx, row);
    await recordAudit(
      ctx,
      { actor: by.actor, action: 'apikey.create', outcome: 'success', resourceType: 'api_key', resourceId: row.id, ip: by.ip ?? null, detail: { name: row.name, prefix: row.prefix, role: row.role, scopes: input.scopes } },
      trx,
    );
  });
  return { key: generated.key, row };
}
