/**
 * SQL of the audit log. Insert and read only: the log is append-only (database triggers refuse
 * UPDATE and DELETE), so this repository deliberately offers nothing else.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { AuditActorType, AuditLogTable, AuditOutcome } from '../schema-identity.js';

export type AuditRow = Selectable<AuditLogTable>;

export async function insertAuditRow(db: Kysely<DB>, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  action?: string;
  actorType?: AuditActorType;
  actorName?: string;
  outcome?: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  /** ISO instants, inclusive from, exclusive to */
  from?: string;
  to?: string;
  /** rows with an id below this one (newest first paging) */
  beforeId?: number;
}

/** Newest first; `limit` rows at most. */
export function listAuditRows(db: Kysely<DB>, townId: string, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('town_id', '=', townId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.actorType) q = q.where('actor_type', '=', filter.actorType);
  if (filter.actorName) q = q.where('actor_name', '=', filter.actorName);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.resourceType) q = q.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId) q = q.where('resource_id', '=', filter.resourceId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
