/**
 * The annual accountability list (责任追究, issue #6) at a year of a million cases: each case keeps
 * the instant its unit's own steps (签收, 处置) first ran past a deadline not met by then
 * (`unit_overdue_at`, from domain/assessment unitOverdueSince, written with the clocks), so "left
 * unresolved as of the year's end" is a comparison in one indexed query instead of reading and
 * judging every persistent case's clocks. Two indexes serve it: by category and date (the year's
 * groups), and by lead unit, category and date (each unit's most recent cases of a group, read
 * backwards and stopped at the page's length).
 *
 * Existing cases are filled from their clocks, in batches by id.
 */
import { unitOverdueSince } from '../../../domain/assessment/annual.js';
import { type AnyDb, columnTypes } from './column-types.js';

const BATCH = 2000;

export async function up(db: AnyDb): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('cases').addColumn('unit_overdue_at', t.instant).execute();
  await fillUnitOverdue(db);
  await db.schema.createIndex('cases_category_created').on('cases').columns(['town_id', 'category_code', 'created_at']).execute();
  await db.schema.createIndex('cases_unit_category').on('cases').columns(['town_id', 'lead_unit', 'category_code', 'created_at']).execute();
}

/** Sets every case's unit_overdue_at from its clocks (the cases of an older database). */
export async function fillUnitOverdue(db: AnyDb): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db.selectFrom('cases').select(['id', 'deadlines']).where('id', '>', after).where('deadlines', '<>', '[]').orderBy('id').limit(BATCH).execute()) as Array<{ id: string; deadlines: string }>;
    if (rows.length === 0) break;
    for (const r of rows) {
      const since = unitOverdueSince(JSON.parse(r.deadlines) as Array<{ step: string; dueAt: string; stoppedAt: string | null }>);
      if (since !== null) await db.updateTable('cases').set({ unit_overdue_at: since }).where('id', '=', r.id).execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('cases_unit_category').execute();
  await db.schema.dropIndex('cases_category_created').execute();
  await db.schema.alterTable('cases').dropColumn('unit_overdue_at').execute();
}
