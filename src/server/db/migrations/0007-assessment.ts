/**
 * The assessment's counters (监督考评, domain/assessment): per unit, station or inspector, per local
 * day and metric, added to as case events are appended (an event never changes, so they only grow)
 * and recounted from the record by `cityops assessment rebuild|verify`.
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('assessment_counters')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    // unit | station | inspector
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    // YYYY-MM-DD, Asia/Shanghai
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_counters_pk', ['town_id', 'subject', 'key', 'day', 'metric'])
    .execute();
  await db.schema.createIndex('assessment_counters_day').on('assessment_counters').columns(['town_id', 'subject', 'day']).execute();
  await db.schema
    .createTable('assessment_builds')
    .addColumn('town_id', 'text', (c) => c.primaryKey().references('towns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('events', t.bigint, (c) => c.notNull())
    .addColumn('built_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('assessment_builds').execute();
  await db.schema.dropTable('assessment_counters').execute();
}
