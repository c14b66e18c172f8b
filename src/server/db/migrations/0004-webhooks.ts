/**
 * What goes out of the outbox after commit (DESIGN D4): webhooks for machine subscribers (R14) with
 * their deliveries, and in-app notifications for people. Deliveries and notifications are keyed by
 * the event's seq, not the outbox id: outbox rows are purged and SQLite may hand a purged id out
 * again, while a town's seq is never reused — so a relay that runs twice creates nothing twice.
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // the signing secret, SM4-sealed by the field cipher (it must be read back to sign, so not hashed)
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    // ["dispatch", "return"] or ["*"]
    .addColumn('events', t.json, (c) => c.notNull())
    .addColumn('active', t.flag, (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_town').on('webhooks').columns(['town_id', 'active']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('outbox_id', t.bigint, (c) => c.notNull())
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // the exact body that is signed and sent, fixed when the event is relayed so every retry sends the same bytes
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', t.instant)
    .addColumn('delivered_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_once').on('webhook_deliveries').columns(['webhook_id', 'seq']).unique().execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['town_id', 'status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('recipient_type', 'text', (c) => c.notNull())
    .addColumn('recipient_code', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('outbox_id', t.bigint, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_once').on('notifications').columns(['town_id', 'seq', 'recipient_type', 'recipient_code']).unique().execute();
  await db.schema.createIndex('notifications_inbox').on('notifications').columns(['town_id', 'recipient_type', 'recipient_code', 'read_at', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['notifications', 'webhook_deliveries', 'webhooks']) await db.schema.dropTable(table).execute();
}
