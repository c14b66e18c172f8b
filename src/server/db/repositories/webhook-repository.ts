/** SQL of webhooks (machine subscribers, R14) and their deliveries. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { DeliveryStatus, WebhookDeliveriesTable, WebhooksTable } from '../schema-webhooks.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type WebhookPatch = Updateable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type NewDeliveryRow = Insertable<WebhookDeliveriesTable>;
type Db = Kysely<DB> | Transaction<DB>;

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export function listWebhooks(db: Db, townId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('town_id', '=', townId).orderBy('created_at').orderBy('id').execute();
}

export function activeWebhooks(db: Db, townId: string): Promise<WebhookRow[]> {
  return db.selectFrom('webhooks').selectAll().where('town_id', '=', townId).where('active', '=', 1).execute();
}

export function findWebhook(db: Db, townId: string, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
}

export async function updateWebhook(db: Db, townId: string, id: string, patch: WebhookPatch): Promise<void> {
  await db.updateTable('webhooks').set(patch).where('town_id', '=', townId).where('id', '=', id).execute();
}

/** The deliveries go with it (also ON DELETE CASCADE; explicit so it holds whatever the pragma). */
export async function deleteWebhook(trx: Transaction<DB>, townId: string, id: string): Promise<void> {
  await trx.deleteFrom('webhook_deliveries').where('town_id', '=', townId).where('webhook_id', '=', id).execute();
  await trx.deleteFrom('webhooks').where('town_id', '=', townId).where('id', '=', id).execute();
}

/** A second relay of the same event finds the (webhook, seq) pair taken and adds nothing. */
export async function insertDeliveries(trx: Transaction<DB>, rows: NewDeliveryRow[]): Promise<void> {
  // in chunks: SQLite takes at most 32766 parameters in one statement
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('webhook_deliveries').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['webhook_id', 'seq']).doNothing()).execute();
  }
}

export interface DueDelivery {
  id: string;
  webhook_id: string;
  seq: number;
  payload: string;
  attempts: number;
  next_attempt_at: string | null;
  url: string;
  secret_enc: string;
}

/** Pending deliveries of active webhooks whose time has come, oldest event first. */
export function dueDeliveries(db: Db, townId: string, now: string, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.webhook_id', 'd.seq', 'd.payload', 'd.attempts', 'd.next_attempt_at', 'w.url', 'w.secret_enc'])
    .where('d.town_id', '=', townId)
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.active', '=', 1)
    .orderBy('d.seq')
    .limit(limit)
    .execute();
}

/**
 * Takes a delivery for one attempt by moving its next attempt to the end of a lease: only the node
 * whose update matched the time it read sends it; after a crash the lease runs out and it is retried.
 */
export async function claimDelivery(db: Db, id: string, readNextAt: string | null, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', readNextAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  attempts: number;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export async function recordAttempt(db: Db, id: string, o: AttemptOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: o.status, attempts: o.attempts, last_status_code: o.statusCode, last_error: o.error, next_attempt_at: o.nextAttemptAt, delivered_at: o.deliveredAt })
    .where('id', '=', id)
    .execute();
}

/** Newest event first; `beforeSeq` continues a page. */
export function listDeliveries(db: Db, townId: string, webhookId: string, filter: { status?: DeliveryStatus; beforeSeq?: number }, limit: number): Promise<DeliveryRow[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('town_id', '=', townId).where('webhook_id', '=', webhookId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.beforeSeq !== undefined) q = q.where('seq', '<', filter.beforeSeq);
  return q.orderBy('seq', 'desc').limit(limit).execute();
}
