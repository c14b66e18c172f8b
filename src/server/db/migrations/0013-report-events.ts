/**
 * 我的上报 (an inspector's own reports, `GET /cases?reportedBy=me`) finds the cases whose first event,
 * the report, was by the caller: indexed on the report events only (one per case; the other events
 * of a case, nine or so, are not), so the list needs no scan of the whole record and the appends
 * of every later event pay nothing for it.
 */
import { sql } from 'kysely';
import type { AnyDb } from './column-types.js';

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('case_events_reporter')
    .on('case_events')
    .columns(['town_id', 'actor_type', 'actor_id'])
    .where(sql.ref('action'), '=', sql.lit('report'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('case_events_reporter').execute();
}
