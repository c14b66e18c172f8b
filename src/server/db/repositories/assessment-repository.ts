/**
 * The assessment's counters (domain/assessment): added to as events are appended, summed over a
 * range of days for a period's indicators, and replaced by a recount of the record.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { addToCounters } from './counter-upsert.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Adds each count (keys from factKey) to its counter, in the transaction of the append. */
export function addAssessmentCounts(trx: Transaction<DB>, townId: string, counts: ReadonlyMap<string, number>): Promise<void> {
  return addToCounters(trx, 'assessment_counters', ['subject', 'key', 'day', 'metric'], townId, counts);
}

export interface AssessmentSum {
  key: string;
  metric: string;
  n: number;
}

/** The counts of one kind of subject (optionally one subject) summed over [fromDay, toDay]. */
export async function sumAssessmentCounts(db: Db, townId: string, subject: string, fromDay: string, toDay: string, key?: string): Promise<AssessmentSum[]> {
  let q = db
    .selectFrom('assessment_counters')
    .select(['key', 'metric', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('town_id', '=', townId)
    .where('subject', '=', subject)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.groupBy(['key', 'metric']).execute();
  return rows.map((r) => ({ key: r.key, metric: r.metric, n: Number(r.n) }));
}

export function allAssessmentCounters(db: Db, townId: string) {
  return db.selectFrom('assessment_counters').select(['subject', 'key', 'day', 'metric', 'n']).where('town_id', '=', townId).where('n', '!=', 0).execute();
}

export async function lockEventsForRecount(trx: Transaction<DB>, postgres: boolean): Promise<void> {
  // appends take the chain head's row lock first: holding it keeps every writer out meanwhile
  if (postgres) await sql`SELECT seq FROM event_chain_heads FOR UPDATE`.execute(trx);
}

export async function replaceAssessmentCounters(trx: Transaction<DB>, townId: string, counts: ReadonlyMap<string, number>, build: { version: number; events: number; at: string }): Promise<void> {
  await trx.deleteFrom('assessment_counters').where('town_id', '=', townId).execute();
  await addAssessmentCounts(trx, townId, new Map([...counts].filter(([, n]) => n !== 0)));
  await trx
    .insertInto('assessment_builds')
    .values({ town_id: townId, version: build.version, events: build.events, built_at: build.at })
    .onConflict((oc) => oc.column('town_id').doUpdateSet({ version: build.version, events: build.events, built_at: build.at }))
    .execute();
}

export function assessmentBuild(db: Db, townId: string) {
  return db.selectFrom('assessment_builds').selectAll().where('town_id', '=', townId).executeTakeFirst();
}
