/**
 * The assessment's counters (domain/assessment): added to as events are appended, summed over a
 * range of days for a period's indicators, and replaced by a recount of the record.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { countFacts, type AssessmentFact } from '../../../domain/assessment/index.js';
import { deferredWritesOf } from '../deferred-writes.js';
import { insertMany, type SqlValue } from './bulk-insert.js';
import { addToCounters } from './counter-upsert.js';
import { withProps } from '../../../domain/with-props.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Adds each count (keys from factKey) to its counter, in the transaction of the append. */
export async function addAssessmentCounts(trx: Transaction<DB>, townId: string, counts: ReadonlyMap<string, number>): Promise<void> {
  const deferred = deferredWritesOf(trx);
  if (deferred) deferred.addCounts('assessment_counters', assessmentKeyColumns, townId, counts);
  else await addToCounters(trx, 'assessment_counters', assessmentKeyColumns, townId, counts);
}

const assessmentKeyColumns = ['subject', 'key', 'day', 'metric'] as const;

const factColumns = ['town_id', 'seq', 'subject', 'key', 'metric', 'day', 'case_id'] as const;

/** One event's facts as rows of assessment_facts (what stands behind each number). */
export function factRows(townId: string, seq: number, caseId: string, day: string, facts: readonly AssessmentFact[]): SqlValue[][] {
  return facts.map((f) => [townId, seq, f.subject, f.key, f.metric, day, caseId]);
}

export async function insertAssessmentFacts(trx: Transaction<DB>, rows: readonly SqlValue[][]): Promise<void> {
  if (rows.length === 0) return;
  await insertMany(trx, 'assessment_facts', factColumns, rows);
}

/**
 * Counts one appended event: its facts' rows and the counters they add to, in the append's
 * transaction (deferred to the end of a group-committed batch when the writer defers).
 */
export async function recordEventFacts(trx: Transaction<DB>, townId: string, seq: number, caseId: string, day: string, facts: readonly AssessmentFact[]): Promise<void> {
  if (facts.length === 0) return;
  const counts = new Map<string, number>();
  countFacts(counts, facts, day);
  const rows = factRows(townId, seq, caseId, day, facts);
  const deferred = deferredWritesOf(trx);
  if (deferred) deferred.addRows('assessment_facts', factColumns, rows);
  else await insertAssessmentFacts(trx, rows);
  await addAssessmentCounts(trx, townId, counts);
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

export async function clearAssessmentFacts(trx: Transaction<DB>, townId: string): Promise<void> {
  await trx.deleteFrom('assessment_facts').where('town_id', '=', townId).execute();
}

/** The facts table counted as the counters count: (subject|key|day|metric) → n. */
export async function countStoredFacts(db: Db, townId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('assessment_facts')
    .select(['subject', 'key', 'day', 'metric', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .groupBy(['subject', 'key', 'day', 'metric'])
    .execute();
  return new Map(rows.map((r) => [`${r.subject}|${r.key}|${r.day}|${r.metric}`, Number(r.n)]));
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

export interface FactCaseRow {
  seq: number;
  day: string;
  case_id: string;
  case_no: string;
  at: string;
  action: string;
  category_code: string | null;
  status: string;
  channel: string;
  description: string;
}

/** The events behind one number, newest first, after a cursor (seq); with the cases they belong to. */
export async function factCases(db: Db, townId: string, number: { subject: string; key: string; metric: string; from: string; to: string }, page: { limit: number; beforeSeq?: number }): Promise<FactCaseRow[]> {
  let q = db
    .selectFrom('assessment_facts as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .innerJoin('case_events as e', (j) => j.onRef('e.town_id', '=', 'f.town_id').onRef('e.seq', '=', 'f.seq'))
    .select(['f.seq', 'f.day', 'f.case_id', 'c.case_no', 'e.at', 'e.action', 'c.category_code', 'c.status', 'c.channel', 'c.description'])
    .where('f.town_id', '=', townId)
    .where('f.subject', '=', number.subject)
    .where('f.key', '=', number.key)
    .where('f.metric', '=', number.metric)
    .where('f.day', '>=', number.from)
    .where('f.day', '<=', number.to);
  if (page.beforeSeq !== undefined) q = q.where('f.seq', '<', page.beforeSeq);
  const rows = await q.orderBy('f.seq', 'desc').limit(page.limit).execute();
  return rows.map((r) => withProps(r, { seq: Number(r.seq) }));
}

export async function countFactCases(db: Db, townId: string, number: { subject: string; key: string; metric: string; from: string; to: string }): Promise<number> {
  const row = await db
    .selectFrom('assessment_facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('town_id', '=', townId)
    .where('subject', '=', number.subject)
    .where('key', '=', number.key)
    .where('metric', '=', number.metric)
    .where('day', '>=', number.from)
    .where('day', '<=', number.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function insertAdjustment(db: Db, row: { id: string; town_id: string; year: number; unit_code: string; points: number; reason: string; by_id: string; by_name: string; at: string }) {
  return db.insertInto('assessment_adjustments').values(row).execute();
}

export async function adjustmentsOf(db: Db, townId: string, year: number) {
  const rows = await db.selectFrom('assessment_adjustments').selectAll().where('town_id', '=', townId).where('year', '=', year).orderBy('at').orderBy('id').execute();
  return rows.map((r) => withProps(r, { points: Number(r.points) }));
}

/**
 * A unit's most recent facts of one metric in [from, to] (days), newest first, at most `limit`, with
 * the case and the event each stands for: read backwards along the facts' index, so a year of a busy
 * town costs no more than the page shows.
 */
export async function latestUnitFacts(db: Db, townId: string, unit: string, metric: string, from: string, to: string, limit: number) {
  let q = db
    .selectFrom('assessment_facts as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .innerJoin('case_events as e', (j) => j.onRef('e.town_id', '=', 'f.town_id').onRef('e.seq', '=', 'f.seq'))
    .select(['f.key', 'f.metric', 'f.day', 'f.seq', 'f.case_id', 'c.case_no', 'c.category_code', 'e.at', 'e.data'])
    .where('f.town_id', '=', townId)
    .where('f.subject', '=', 'unit')
    .where('f.key', '=', unit)
    .where('f.metric', '=', metric)
    .where('f.day', '>=', from)
    .where('f.day', '<=', to)
    .orderBy('f.day', 'desc')
    .orderBy('f.seq', 'desc');
  if (Number.isFinite(limit)) q = q.limit(limit);
  const rows = await q.execute();
  return rows.map((r) => withProps(r, { seq: Number(r.seq) }));
}

/** The persistent problems of a period that count for accountability (domain/assessment accountableUnit). */
export interface PersistentProblemScope {
  categoryCodes: readonly string[];
  /** created in [fromInstant, toInstant) */
  fromInstant: string;
  toInstant: string;
  /** found late: reported first through one of these channels */
  lateChannels: readonly string[];
  /** left unresolved: the unit's steps ran overdue before this instant */
  asOf: string;
}

function persistentProblems(db: Db, townId: string, scope: PersistentProblemScope) {
  return db
    .selectFrom('cases')
    .where('town_id', '=', townId)
    .where('category_code', 'in', scope.categoryCodes)
    .where('created_at', '>=', scope.fromInstant)
    .where('created_at', '<', scope.toInstant)
    .where('status', '<>', 'voided')
    .where((eb) => eb.or([eb('channel', 'in', scope.lateChannels), eb('unit_overdue_at', '<', scope.asOf)]));
}

/** The period's accountable persistent problems counted by lead unit, category, found late and left unresolved. */
export async function persistentProblemGroups(db: Db, townId: string, scope: PersistentProblemScope) {
  if (scope.categoryCodes.length === 0) return [];
  const rows = await persistentProblems(db, townId, scope)
    .select((eb) => [
      'lead_unit',
      'category_code',
      eb.case().when('channel', 'in', scope.lateChannels).then(1).else(0).end().as('found_late'),
      eb.case().when('unit_overdue_at', '<', scope.asOf).then(1).else(0).end().as('unresolved'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['lead_unit', 'category_code', 'found_late', 'unresolved'])
    .execute();
  return rows.map((r) => ({ leadUnit: r.lead_unit, categoryCode: r.category_code, foundLate: Number(r.found_late) === 1, unresolved: Number(r.unresolved) === 1, cases: Number(r.n) }));
}

/**
 * The accountable persistent problems of a kind led by one unit (null: never dispatched) in one
 * category, newest first, at most `limit`: read backwards along cases_unit_category.
 */
export async function persistentProblemCases(db: Db, townId: string, scope: PersistentProblemScope, leadUnit: string | null, categoryCode: string, kind: 'foundLate' | 'unresolved', limit: number) {
  let q = persistentProblems(db, townId, scope)
    .select(['id', 'case_no', 'channel', 'category_code', 'status', 'created_at'])
    .where('lead_unit', leadUnit === null ? 'is' : '=', leadUnit)
    .where('category_code', '=', categoryCode)
    .where((eb) => (kind === 'foundLate' ? eb('channel', 'in', scope.lateChannels) : eb('unit_overdue_at', '<', scope.asOf)))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (Number.isFinite(limit)) q = q.limit(limit);
  return q.execute();
}

/**
 * The benchmark's baseline (bench:assessment): the same sums as the counters give, counted from the
 * facts table per request — what every request would cost without the counters.
 */
export async function naiveAssessmentSums(db: Db, townId: string, subject: string, fromDay: string, toDay: string, key?: string): Promise<AssessmentSum[]> {
  let q = db
    .selectFrom('assessment_facts')
    .select(['key', 'metric', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .where('subject', '=', subject)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay);
  if (key !== undefined) q = q.where('key', '=', key);
  const rows = await q.groupBy(['key', 'metric']).execute();
  return rows.map((r) => ({ key: r.key, metric: r.metric, n: Number(r.n) }));
}
