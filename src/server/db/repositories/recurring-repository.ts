/** SQL of the 常态长效 board: records in a caller's scope, one record's cases, log and 抄报, the heat. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { RecurringRecordsTable } from '../schema-recurring.js';
import type { RecurringRecordRow } from './recurring-detection-repository.js';
import { withProps } from '../../../domain/with-props.js';

type Db = Kysely<DB> | Transaction<DB>;

/** town: every record; scoped: those in the caller's station or owned by the caller's unit. */
export type RecordScope = { kind: 'town' } | { kind: 'scoped'; stationCode: string | null; departmentCode: string | null };

export interface RecordFilter {
  statuses?: string[];
  category?: string;
  unit?: string;
  station?: string;
}

function filtered(db: Db, townId: string, scope: RecordScope, filter: RecordFilter) {
  let q = db.selectFrom('recurring_records').where('town_id', '=', townId);
  if (scope.kind === 'scoped') {
    const { stationCode, departmentCode } = scope;
    q = q.where((eb) => {
      const ors = [];
      if (stationCode) ors.push(eb('station_code', '=', stationCode));
      if (departmentCode) ors.push(eb('owner_unit', '=', departmentCode));
      return ors.length > 0 ? eb.or(ors) : eb.val(false);
    });
  }
  if (filter.statuses?.length) q = q.where('status', 'in', filter.statuses);
  if (filter.category) q = q.where('category_code', '=', filter.category);
  if (filter.unit) q = q.where('owner_unit', '=', filter.unit);
  if (filter.station) q = q.where('station_code', '=', filter.station);
  return q;
}

/** Newest activity first. */
export function listRecords(db: Db, townId: string, scope: RecordScope, filter: RecordFilter, limit: number, offset: number): Promise<RecurringRecordRow[]> {
  return filtered(db, townId, scope, filter).selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

export async function countRecords(db: Db, townId: string, scope: RecordScope, filter: RecordFilter): Promise<number> {
  const r = await filtered(db, townId, scope, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findRecord(db: Db, townId: string, id: string): Promise<RecurringRecordRow | undefined> {
  return db.selectFrom('recurring_records').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
}

/** A record's cases, oldest report first. */
export function recordCases(db: Db, townId: string, recordId: string) {
  return db
    .selectFrom('recurring_sightings as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['c.id', 'c.case_no', 'c.status', 'c.channel', 's.complaint', 's.reported_at', 's.joined_at', 's.reopened'])
    .where('s.town_id', '=', townId)
    .where('s.record_id', '=', recordId)
    .orderBy('s.reported_at')
    .orderBy('c.case_no')
    .execute();
}

export function recordLog(db: Db, recordId: string) {
  return db.selectFrom('recurring_log').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

export function recordCopies(db: Db, townId: string, recordId: string) {
  return db.selectFrom('recurring_cc').selectAll().where('town_id', '=', townId).where('record_id', '=', recordId).orderBy('threshold').execute();
}

/** Optimistic concurrency: applies only to the version that was read. */
export async function updateRecord(trx: Transaction<DB>, townId: string, before: RecurringRecordRow, patch: Updateable<RecurringRecordsTable>): Promise<boolean> {
  const r = await trx
    .updateTable('recurring_records')
    .set(withProps(patch, { version: before.version + 1 }))
    .where('town_id', '=', townId)
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Cases seen per H3 cell since an instant, busiest first. */
export async function heatCounts(db: Db, townId: string, since: string, filter: { category?: string; station?: string; categories?: string[] }, limit: number) {
  if (filter.categories?.length === 0) return [];
  let q = db
    .selectFrom('recurring_sightings')
    .select(['cell', (eb) => eb.fn.countAll<number>().as('n')])
    .where('town_id', '=', townId)
    .where('reported_at', '>=', since);
  if (filter.category) q = q.where('category_code', '=', filter.category);
  if (filter.station) q = q.where('station_code', '=', filter.station);
  if (filter.categories) q = q.where('category_code', 'in', filter.categories);
  return q.groupBy('cell').orderBy('n', 'desc').orderBy('cell').limit(limit).execute();
}

/** Records being worked on whose place is one of these cells. */
export function activeCellRecords(db: Db, townId: string, cells: string[]) {
  if (cells.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recurring_records')
    .select(['id', 'place'])
    .where('town_id', '=', townId)
    .where('place_kind', '=', 'cell')
    .where('status', '!=', 'struck_off')
    .where('place', 'in', cells)
    .execute();
}
