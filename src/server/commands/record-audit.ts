/**
 * Appends to the audit log (DESIGN D8): who, when, what, outcome. Every login, failure, lockout,
 * privileged action and read of personal data goes through here. Pass a transaction as `db` to
 * write the audit row atomically with the change it records.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access/actor.js';
import type { AppContext } from '../context.js';
import { insertAuditRow } from '../db/repositories/audit-repository.js';
import type { DB } from '../db/schema.js';
import type { AuditActorType, AuditOutcome } from '../db/schema-identity.js';

export interface AuditActor {
  type: AuditActorType;
  id: string | null;
  name: string | null;
}

export const systemActor: AuditActor = { type: 'system', id: null, name: 'system' };

export function auditActorOf(actor: Actor | null, anonymousName: string | null = null): AuditActor {
  if (!actor) return { type: 'anonymous', id: null, name: anonymousName };
  return { type: actor.kind, id: actor.id, name: actor.username };
}

export interface AuditEvent {
  actor: AuditActor;
  /** dotted verb, e.g. 'session.login', 'user.create', 'personal_data.read' */
  action: string;
  outcome: AuditOutcome;
  resourceType?: string | null;
  resourceId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

export type AuditContext = Pick<AppContext, 'database' | 'clock' | 'townId'>;

export async function recordAudit(ctx: AuditContext, event: AuditEvent, db: Kysely<DB> = ctx.database.db): Promise<void> {
  await insertAuditRow(db, {
    town_id: ctx.townId,
    at: ctx.clock.now().toISOString(),
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    action: event.action,
    outcome: event.outcome,
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    ip: event.ip ?? null,
    detail: event.detail ? JSON.stringify(event.detail) : null,
  });
}

/**
 * Records that personal data was shown unmasked (PIPL): which fields of which records. One row per
 * request; for lists, `resourceId` is null and the record ids go into the detail.
 */
export async function recordPersonalDataRead(
  ctx: AuditContext,
  read: { actor: Actor; resourceType: string; resourceIds: string[]; fields: string[]; ip?: string | null },
  db: Kysely<DB> = ctx.database.db,
): Promise<void> {
  if (read.resourceIds.length === 0) return;
  await recordAudit(
    ctx,
    {
      actor: auditActorOf(read.actor),
      action: 'personal_data.read',
      outcome: 'success',
      resourceType: read.resourceType,
      resourceId: read.resourceIds.length === 1 ? (read.resourceIds[0] ?? null) : null,
      ip: read.ip ?? null,
      detail: { fields: read.fields, ids: read.resourceIds },
    },
    db,
  );
}
