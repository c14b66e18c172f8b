/**
 * The live dashboard (MISSION R8): counters kept up to date in the same transaction as every case
 * write (see domain/dashboard), and when each case was first registered and dispatched — the
 * instants the "today" figures count. Existing cases get theirs from the record; the counters
 * themselves are built at start when `dashboard_builds` says they are missing or out of date.
 */
import { sql } from 'kysely';
import { type AnyDb, columnTypes } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('cases').addColumn('registered_at', t.instant).execute();
  await db.schema.alterTable('cases').addColumn('dispatched_at', t.instant).execute();
  await sql`UPDATE cases SET
      registered_at = (SELECT min(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.to_status = 'registered'),
      dispatched_at = (SELECT min(e.at) FROM case_events e WHERE e.case_id = cases.id AND e.to_status = 'dispatched')`.execute(db);

  await db.schema
    .createTable('dashboard_counters')
    .addColumn('town_id', 'text', (c) => c.notNull().references('towns.id'))
    // town | station | channel | category | dept
    .addColumn('dim', 'text', (c) => c.notNull())
    // now | h:YYYY-MM-DDTHH | d:YYYY-MM-DD | w:YYYY-Www | m:YYYY-MM (Asia/Shanghai)
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_counters_pk', ['town_id', 'dim', 'bucket', 'key', 'metric'])
    .execute();
  await db.schema
    .createTable('dashboard_builds')
    .addColumn('town_id', 'text', (c) => c.primaryKey().references('towns.id'))
    // the counters' definition version (domain/dashboard): a new definition rebuilds them
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('cases', t.bigint, (c) => c.notNull())
    .addColumn('built_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dashboard_builds').execute();
  await db.schema.dropTable('dashboard_counters').execute();
  await db.schema.alterTable('cases').dropColumn('dispatched_at').execute();
  await db.schema.alterTable('cases').dropColumn('registered_at').execute();
}
