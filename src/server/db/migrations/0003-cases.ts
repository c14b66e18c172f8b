/**
 * The closed loop's record (MISSION R2–R7): cases, their append-only hash-chained events, the outbox,
 * idempotency keys, attachments, duplicate links and joint meetings.
 */
import { sql } from 'kysely';
import { type AnyDb, columnTypes, isPostgres } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', t.real)
    .addColumn('lat', t.real)
    .addColumn('grid_code', 'text')
    .addColumn('station_code', 'text')
    .addColumn('lead_unit', 'text')
    .addColumn('assist_units', t.json, (c) => c.notNull())
    .addColumn('designated', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_pending', t.flag, (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_level', 'text', (c) => c.notNull())
    .addColumn('suspended_from', 'text')
    .addColumn('has_reporter_contact', t.flag, (c) => c.notNull().defaultTo(0))
    // personal data: SM4-encrypted, with HMAC-SM3 blind indexes to find all orders of one caller
    .addColumn('reporter_name_enc', 'text')
    .addColumn('reporter_phone_enc', 'text')
    .addColumn('reporter_phone_idx', 'text')
    .addColumn('channel_data', t.json, (c) => c.notNull())
    .addColumn('classification', t.json)
    .addColumn('routing', t.json)
    .addColumn('deadlines', t.json, (c) => c.notNull())
    .addColumn('deadline_state', 'text', (c) => c.notNull())
    .addColumn('next_due_at', t.instant)
    .addColumn('visit_outcome', 'text')
    .addColumn('reported_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('closed_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('cases_case_no').on('cases').columns(['town_id', 'case_no']).unique().execute();
  // a resent external order finds its case: one case per (channel, external id)
  await db.schema.createIndex('cases_external').on('cases').columns(['town_id', 'channel', 'external_id']).unique().execute();
  await db.schema.createIndex('cases_status').on('cases').columns(['town_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('cases_created').on('cases').columns(['town_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('cases_caller').on('cases').columns(['town_id', 'reporter_phone_idx']).execute();
  await db.schema.createIndex('cases_nearby').on('cases').columns(['town_id', 'category_code', 'lng']).execute();
  await db.schema.createIndex('cases_deadline').on('cases').columns(['town_id', 'deadline_state']).execute();
  await db.schema.createIndex('cases_next_due').on('cases').columns(['town_id', 'next_due_at']).execute();
  await db.schema.createIndex('cases_station').on('cases').columns(['town_id', 'station_code', 'status']).execute();
  await db.schema.createIndex('cases_lead_unit').on('cases').columns(['town_id', 'lead_unit', 'status']).execute();

  await db.schema
    .createTable('case_counters')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['town_id', 'day'])
    .execute();

  // Append-only, hash-chained per town: seq is gapless, prev_hash links to the event before it.
  await db.schema
    .createTable('case_events')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('attachments', t.json, (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_events_pk', ['town_id', 'seq'])
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'seq']).execute();
  await db.schema
    .createTable('event_chain_heads')
    .addColumn('town_id', 'text', (c) => c.primaryKey().references('towns.id'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('published_at', t.instant)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['published_at', 'id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', t.json, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['town_id', 'principal', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_expiry').on('idempotency_keys').columns(['expires_at']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('attachments_pk', ['town_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('case_links')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('other_case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reasons', t.json, (c) => c.notNull())
    .addColumn('distance_m', t.real)
    .addColumn('similarity', t.real)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'other_case_id'])
    .execute();
  await db.schema.createIndex('case_links_other').on('case_links').columns(['other_case_id']).execute();

  await db.schema
    .createTable('joint_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('lead_unit', 'text', (c) => c.notNull())
    .addColumn('participants', t.json, (c) => c.notNull())
    .addColumn('held_at', t.instant, (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  // The record cannot be rewritten: updates and deletes of case events fail in the database itself.
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'case_events is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS case_events_append_only() CASCADE`.execute(db);
  for (const table of ['joint_meetings', 'case_links', 'attachments', 'idempotency_keys', 'outbox', 'event_chain_heads', 'case_events', 'case_counters', 'cases']) {
    await db.schema.dropTable(table).execute();
  }
}
