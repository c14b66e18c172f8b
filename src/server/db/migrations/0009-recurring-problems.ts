/**
 * 常态长效 (R13): recurring-problem records, the cases detection has seen (each belongs to at most
 * one record: its members), the record's log (opened, plan, progress, 销项, reopened), the 抄报 log
 * (once per record and threshold: the primary key) and the detection job's checkpoint in the event
 * chain, written in the same transaction as what it detected — so nothing is lost or done twice.
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('recurring_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    // cell (an H3 index) | grid (a grid code)
    .addColumn('place_kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // the grid and station of the case that opened it (a cell may cross a grid's edge)
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text')
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('case_count', 'integer', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('plan', 'text')
    .addColumn('planned_at', t.instant)
    .addColumn('struck_off_at', t.instant)
    .addColumn('struck_off_by', 'text')
    .addColumn('strike_reason', 'text')
    .addColumn('first_reported_at', t.instant, (c) => c.notNull())
    .addColumn('last_reported_at', t.instant, (c) => c.notNull())
    .addColumn('opened_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recurring_records_place').on('recurring_records').columns(['town_id', 'category_code', 'place_kind', 'place', 'opened_at']).execute();
  await db.schema.createIndex('recurring_records_board').on('recurring_records').columns(['town_id', 'status', 'updated_at']).execute();

  await db.schema
    .createTable('recurring_sightings')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // the event that made the case count (its report with a category, or its 立案)
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('cell', 'text', (c) => c.notNull())
    .addColumn('station_code', 'text')
    .addColumn('complaint', t.flag, (c) => c.notNull())
    .addColumn('reported_at', t.instant, (c) => c.notNull())
    .addColumn('seen_at', t.instant, (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.references('recurring_records.id'))
    .addColumn('joined_at', t.instant)
    .addColumn('reopened', t.flag, (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('recurring_sightings_pk', ['town_id', 'case_id'])
    .execute();
  await db.schema.createIndex('recurring_sightings_cell').on('recurring_sightings').columns(['town_id', 'category_code', 'cell', 'reported_at']).execute();
  await db.schema.createIndex('recurring_sightings_grid').on('recurring_sightings').columns(['town_id', 'category_code', 'grid_code', 'reported_at']).execute();
  await db.schema.createIndex('recurring_sightings_record').on('recurring_sightings').columns(['town_id', 'record_id']).execute();
  await db.schema.createIndex('recurring_sightings_heat').on('recurring_sightings').columns(['town_id', 'reported_at']).execute();

  await db.schema
    .createTable('recurring_log')
    .addColumn('id', t.serial, (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('record_id', 'text', (c) => c.notNull().references('recurring_records.id'))
    // opened | plan | progress | strike-off | reopened
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('case_id', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text')
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recurring_log_record').on('recurring_log').columns(['record_id', 'id']).execute();

  await db.schema
    .createTable('recurring_cc')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('record_id', 'text', (c) => c.notNull().references('recurring_records.id'))
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    // the case whose complaint reached the threshold, and its event
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('leader_code', 'text')
    // how many accounts were notified in the app (0: the leader has no account)
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('recurring_cc_pk', ['town_id', 'record_id', 'threshold'])
    .execute();

  await db.schema
    .createTable('recurring_checkpoints')
    .addColumn('town_id', 'text', (c) => c.primaryKey().references('towns.id'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('recurring_checkpoints').execute();
  await db.schema.dropTable('recurring_cc').execute();
  await db.schema.dropTable('recurring_log').execute();
  await db.schema.dropTable('recurring_sightings').execute();
  await db.schema.dropTable('recurring_records').execute();
}
