/** Rows of the identity tables as API DTOs (never a password hash or a key secret). */
import type { z } from 'zod';
import type { ActorDto, UserDto, apiKeyDto, auditEntryDto } from '../../contracts/identity.js';
import type { Actor } from '../../domain/access/actor.js';
import { grantedScopes } from '../../domain/access/can.js';
import { accessResources, type AccessScope, type ActionOf, type Resource } from '../../domain/access/policy.js';
import type { ApiKeyRow } from '../db/repositories/api-key-repository.js';
import type { AuditRow } from '../db/repositories/audit-repository.js';
import type { UserRow } from '../db/repositories/user-repository.js';

export function presentUser(row: UserRow, now: Date): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    stationCode: row.station_code,
    departmentCode: row.department_code,
    personnelCode: row.personnel_code,
    active: row.active === 1,
    locked: row.locked_until !== null && Date.parse(row.locked_until) > now.getTime(),
    lockedUntil: row.locked_until,
    failedAttempts: row.failed_attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
  };
}

export function permissionsOf(actor: Actor): Record<string, AccessScope[]> {
  const out: Record<string, AccessScope[]> = {};
  for (const resource of Object.keys(accessResources) as Resource[]) {
    for (const action of accessResources[resource] as readonly ActionOf<Resource>[]) {
      const scopes = grantedScopes(actor, action, resource);
      if (scopes.length > 0) out[`${resource}:${action}`] = scopes;
    }
  }
  return out;
}

export function presentActor(actor: Actor, displayName: string): ActorDto {
  return {
    kind: actor.kind,
    id: actor.id,
    username: actor.username,
    displayName,
    role: actor.role,
    stationCode: actor.stationCode,
    departmentCode: actor.departmentCode,
    personnelCode: actor.personnelCode,
    scopes: actor.scopes,
    permissions: permissionsOf(actor),
  };
}

export function presentApiKey(row: ApiKeyRow): z.infer<typeof apiKeyDto> {
  const scopes: unknown = JSON.parse(row.scopes);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    scopes: Array.isArray(scopes) ? scopes.map(String) : [],
    stationCode: row.station_code,
    departmentCode: row.department_code,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function presentAuditRow(row: AuditRow): z.infer<typeof auditEntryDto> {
  const detail: unknown = row.detail ? JSON.parse(row.detail) : null;
  return {
    id: Number(row.id),
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    outcome: row.outcome,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    ip: row.ip,
    detail: detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : null,
  };
}
