/**
 * What stands behind every assessment number (监督考评, drill-down): one row per fact an event
 * counted — the same facts the counters add up — so a number leads to its cases by an index range
 * instead of a scan of the record. And the supervisor's manual adjustments to the annual score,
 * never edited (a later adjustment corrects an earlier one).
 */
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('assessment_facts')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('seq', t.bigint, (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    // YYYY-MM-DD, Asia/Shanghai: the counters' day
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_facts_pk', ['town_id', 'seq', 'subject', 'key', 'metric'])
    .execute();
  await db.schema.createIndex('assessment_facts_number').on('assessment_facts').columns(['town_id', 'subject', 'key', 'metric', 'day', 'seq']).execute();

  await db.schema
    .createTable('assessment_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('points', t.real, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_adjustments_year').on('assessment_adjustments').columns(['town_id', 'year', 'unit_code']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('assessment_adjustments').execute();
  await db.schema.dropTable('assessment_facts').execute();
}
