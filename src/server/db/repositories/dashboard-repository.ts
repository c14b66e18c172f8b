/**
 * The dashboard's counters (domain/dashboard): applied as deltas inside every case write, read in a
 * few key ranges for the snapshot, rebuilt from the cases, and recounted the naive way (GROUP BY
 * over all cases) for `dashboard verify` and the benchmark's baseline.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DashboardCase } from '../../../domain/dashboard/index.js';
import type { DB } from '../schema.js';
import { deferredWritesOf } from '../deferred-writes.js';
import { addToCounters } from './counter-upsert.js';
import { withProps } from '../../../domain/with-props.js';

const dashboardKeyColumns = ['dim', 'bucket', 'key', 'metric'] as const;

type Db = Kysely<DB> | Transaction<DB>;


/** Adds each delta to its counter (creating it at 0), in the transaction of the case write. */
export async function applyCounterDeltas(trx: Transaction<DB>, townId: string, deltas: ReadonlyMap<string, number>): Promise<void> {
  const deferred = deferredWritesOf(trx);
  if (deferred) deferred.addCounts('dashboard_counters', dashboardKeyColumns, townId, deltas);
  else await addToCounters(trx, 'dashboard_counters', dashboardKeyColumns, townId, deltas);
}

export interface CounterRow {
  dim: string;
  bucket: string;
  key: string;
  metric: string;
  n: number;
}

/** The counters of the given dimensions in the given buckets (both on the primary key's prefix). */
export function countersIn(db: Db, townId: string, dims: readonly string[], buckets: readonly string[]): Promise<CounterRow[]> {
  return db
    .selectFrom('dashboard_counters')
    .select(['dim', 'bucket', 'key', 'metric', 'n'])
    .where('town_id', '=', townId)
    .where('dim', 'in', [...dims])
    .where('bucket', 'in', [...buckets])
    .execute();
}

export function allCounters(db: Db, townId: string): Promise<CounterRow[]> {
  return db.selectFrom('dashboard_counters').select(['dim', 'bucket', 'key', 'metric', 'n']).where('town_id', '=', townId).where('n', '!=', 0).execute();
}

const dashboardColumns = [
  'id', 'status', 'channel', 'station_code', 'lead_unit', 'category_code', 'deadline_state', 'urgency',
  'created_at', 'registered_at', 'dispatched_at', 'closed_at', 'visit_outcome', 'deadlines',
] as const;

/**
 * Every case of a town in batches, with the columns the counters read, along cases_created (town_id, created_at, id): each batch is an
 * index range after the last one, so ten million cases are read once. (Keyed by id alone, the
 * planner took a town_id index and sorted the whole table for every batch.)
 */
export async function* dashboardCaseBatches(db: Db, townId: string, batchSize = 5000): AsyncGenerator<Array<DashboardCase & { id: string }>> {
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    let q = db.selectFrom('cases').select(dashboardColumns).where('town_id', '=', townId);
    if (after) {
      const { createdAt, id } = after;
      q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(createdAt, id)));
    }
    const rows = await q.orderBy('created_at').orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}

/** Keeps other writers out of the cases while the counters are rebuilt (PostgreSQL; SQLite has one writer). */
export async function lockCasesForRebuild(trx: Transaction<DB>, postgres: boolean): Promise<void> {
  if (postgres) await sql`LOCK TABLE cases IN SHARE MODE`.execute(trx);
}

export async function replaceCounters(trx: Transaction<DB>, townId: string, counters: ReadonlyMap<string, number>, build: { version: number; cases: number; at: string }): Promise<void> {
  await trx.deleteFrom('dashboard_counters').where('town_id', '=', townId).execute();
  await applyCounterDeltas(trx, townId, new Map([...counters].filter(([, n]) => n !== 0)));
  await trx
    .insertInto('dashboard_builds')
    .values({ town_id: townId, version: build.version, cases: build.cases, built_at: build.at })
    .onConflict((oc) => oc.column('town_id').doUpdateSet({ version: build.version, cases: build.cases, built_at: build.at }))
    .execute();
}

export function dashboardBuild(db: Db, townId: string) {
  return db.selectFrom('dashboard_builds').selectAll().where('town_id', '=', townId).executeTakeFirst();
}

export interface AlertCandidate {
  seq: number;
  case_id: string;
  action: string;
  at: string;
  data: string;
  case_no: string;
  category_code: string | null;
  station_code: string | null;
  urgency: string;
  status: string;
  description: string;
}

/** The latest events of the record that may be alerts (escalations, red urges, urgent reports), newest first. */
export function recentAlertEvents(db: Db, townId: string, limit: number): Promise<AlertCandidate[]> {
  return db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.seq', 'e.case_id', 'e.action', 'e.at', 'e.data', 'c.case_no', 'c.category_code', 'c.station_code', 'c.urgency', 'c.status', 'c.description'])
    .where('e.town_id', '=', townId)
    .where('e.action', 'in', ['escalate', 'urge', 'report'])
    .orderBy('e.seq', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The naive way to today's figures: GROUP BY over all the town's cases, per request. The benchmark's
 * baseline and an independent check of the counters for today (`from`/`to`: the local day as UTC instants).
 */
export async function naiveTodayCounts(db: Db, townId: string, from: string, to: string) {
  const openNow = db.selectFrom('cases').select(['station_code', 'status', 'deadline_state', (eb) => eb.fn.countAll<number>().as('n')]).where('town_id', '=', townId).groupBy(['station_code', 'status', 'deadline_state']).execute();
  const created = db.selectFrom('cases').select(['station_code', 'channel', (eb) => eb.fn.countAll<number>().as('n')]).where('town_id', '=', townId).where('created_at', '>=', from).where('created_at', '<', to).groupBy(['station_code', 'channel']).execute();
  const closed = db.selectFrom('cases').select(['station_code', 'channel', 'lead_unit', (eb) => eb.fn.countAll<number>().as('n')]).where('town_id', '=', townId).where('status', '=', 'closed').where('closed_at', '>=', from).where('closed_at', '<', to).groupBy(['station_code', 'channel', 'lead_unit']).execute();
  const [byState, byCreated, byClosed] = await Promise.all([openNow, created, closed]);
  return { byState, byCreated, byClosed };
}

export interface MapCaseRow {
  id: string;
  case_no: string;
  lng: number;
  lat: number;
  status: string;
  deadline_state: string;
  urgency: string;
  category_code: string | null;
  station_code: string | null;
  lead_unit: string | null;
  reported_at: string;
}

/** Located cases in the given (open) statuses, red first, then yellow, green, untimed; newest first within. */
export async function locatedCasesIn(db: Db, townId: string, statuses: readonly string[], limit: number): Promise<MapCaseRow[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'case_no', 'lng', 'lat', 'status', 'deadline_state', 'urgency', 'category_code', 'station_code', 'lead_unit', 'reported_at'])
    .where('town_id', '=', townId)
    .where('status', 'in', [...statuses])
    .where('lng', 'is not', null)
    .where('lat', 'is not', null)
    .orderBy(sql`case deadline_state when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => withProps(r, { lng: Number(r.lng), lat: Number(r.lat) }));
}

export interface ReportPositionRow {
  actor_id: string;
  actor_name: string;
  lng: number;
  lat: number;
  at: string;
  case_no: string;
  /** the reporting account's station (users.station_code), null when none or not a user */
  station_code: string | null;
}

/** Where the given channel's located cases created since `from` were reported by someone in `role`, and by whom, newest first. */
export async function recentReportPositions(db: Db, townId: string, channel: string, role: string, from: string, limit: number): Promise<ReportPositionRow[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('case_events as e', (j) => j.onRef('e.case_id', '=', 'c.id').on('e.action', '=', 'report'))
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.actor_id', 'e.actor_name', 'c.lng', 'c.lat', 'c.created_at as at', 'c.case_no', 'u.station_code'])
    .where('c.town_id', '=', townId)
    .where('c.created_at', '>=', from)
    .where('c.channel', '=', channel)
    .where('c.lng', 'is not', null)
    .where('c.lat', 'is not', null)
    .where('e.actor_role', '=', role)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => withProps(r, { lng: Number(r.lng), lat: Number(r.lat) }));
}

/**
 * The benchmark's baseline: the same figures the snapshot shows, computed per request by GROUP BY
 * over the cases (now by status/station/unit/light; new and closed per day over the last 12 weeks).
 */
export async function naiveDashboardCounts(db: Db, townId: string, since: string) {
  const gauges = db
    .selectFrom('cases')
    .select(['status', 'station_code', 'lead_unit', 'deadline_state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .groupBy(['status', 'station_code', 'lead_unit', 'deadline_state'])
    .execute();
  const created = db
    .selectFrom('cases')
    .select([sql<string>`substr(cast(created_at as text), 1, 10)`.as('day'), 'station_code', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .where('created_at', '>=', since)
    .groupBy([sql`substr(cast(created_at as text), 1, 10)`, 'station_code', 'channel'])
    .execute();
  const closed = db
    .selectFrom('cases')
    .select([sql<string>`substr(cast(closed_at as text), 1, 10)`.as('day'), 'lead_unit', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', since)
    .groupBy([sql`substr(cast(closed_at as text), 1, 10)`, 'lead_unit'])
    .execute();
  const [a, b, c] = await Promise.all([gauges, created, closed]);
  return { gauges: a.length, created: b.length, closed: c.length };
}
