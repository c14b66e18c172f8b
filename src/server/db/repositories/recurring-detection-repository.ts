/** SQL of recurring-problem detection: the checkpoint, the events it reads, sightings, records, 抄报. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { RecurringCcTable, RecurringLogTable, RecurringRecordsTable, RecurringSightingsTable } from '../schema-recurring.js';
import { withProps } from '../../../domain/with-props.js';

export type RecurringRecordRow = Selectable<RecurringRecordsTable>;
export type SightingRow = Selectable<RecurringSightingsTable>;
export type NewSightingRow = Insertable<RecurringSightingsTable>;
export type NewRecurringLogRow = Insertable<RecurringLogTable>;
export type NewCcRow = Insertable<RecurringCcTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** The actions after which a case may count: its report (when the category came with it) and its 立案. */
export const detectionActions = ['report', 'register'] as const;

export async function readCheckpoint(db: Db, townId: string): Promise<number> {
  const row = await db.selectFrom('recurring_checkpoints').select('seq').where('town_id', '=', townId).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** The checkpoint, locked until the transaction ends (PostgreSQL): a second node waits, then sees it moved. */
export async function lockCheckpoint(trx: Transaction<DB>, townId: string, at: string, postgres: boolean): Promise<number> {
  await trx.insertInto('recurring_checkpoints').values({ town_id: townId, seq: 0, updated_at: at }).onConflict((oc) => oc.column('town_id').doNothing()).execute();
  const q = trx.selectFrom('recurring_checkpoints').select('seq').where('town_id', '=', townId);
  const row = await (postgres ? q.forUpdate() : q).executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function saveCheckpoint(trx: Transaction<DB>, townId: string, seq: number, at: string): Promise<void> {
  await trx.updateTable('recurring_checkpoints').set({ seq, updated_at: at }).where('town_id', '=', townId).execute();
}

export interface DetectionEvent {
  seq: number;
  case_id: string;
  action: string;
  data: string;
  at: string;
  channel: string;
  lng: number | null;
  lat: number | null;
  grid_code: string | null;
  station_code: string | null;
  reported_at: string;
  classification: string | null;
}

/** Events that may make a case count, after a sequence number and up to another, in order. */
export function detectionEvents(db: Db, townId: string, afterSeq: number, untilSeq: number, limit: number): Promise<DetectionEvent[]> {
  return db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.seq', 'e.case_id', 'e.action', 'e.data', 'e.at'])
    .select(['c.channel', 'c.lng', 'c.lat', 'c.grid_code', 'c.station_code', 'c.reported_at', 'c.classification'])
    .where('e.town_id', '=', townId)
    .where('e.seq', '>', afterSeq)
    .where('e.seq', '<=', untilSeq)
    .where('e.action', 'in', detectionActions)
    .orderBy('e.seq')
    .limit(limit)
    .execute();
}

export async function sightingExists(db: Db, townId: string, caseId: string): Promise<boolean> {
  return (await db.selectFrom('recurring_sightings').select('case_id').where('town_id', '=', townId).where('case_id', '=', caseId).executeTakeFirst()) !== undefined;
}

/** The newest record of a category at a cell and at a grid, with the 抄报 thresholds each has copied. */
export async function recordsAtPlace(db: Db, townId: string, categoryCode: string, cell: string, gridCode: string): Promise<Array<RecurringRecordRow & { copied: number[] }>> {
  const rows = await db
    .selectFrom('recurring_records')
    .selectAll()
    .where('town_id', '=', townId)
    .where('category_code', '=', categoryCode)
    .where((eb) => eb.or([eb.and([eb('place_kind', '=', 'cell'), eb('place', '=', cell)]), eb.and([eb('place_kind', '=', 'grid'), eb('place', '=', gridCode)])]))
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const newest = ['cell', 'grid'].map((kind) => rows.find((r) => r.place_kind === kind)).filter((r): r is RecurringRecordRow => r !== undefined);
  if (newest.length === 0) return [];
  const cc = await db.selectFrom('recurring_cc').select(['record_id', 'threshold']).where('town_id', '=', townId).where('record_id', 'in', newest.map((r) => r.id)).execute();
  return newest.map((r) => withProps(r, { copied: cc.filter((c) => c.record_id === r.id).map((c) => Number(c.threshold)) }));
}

/** Sightings of a category in a cell or a grid, reported in a time range, that belong to no record. */
export function looseSightings(db: Db, townId: string, categoryCode: string, cell: string, gridCode: string, from: string, to: string): Promise<SightingRow[]> {
  return db
    .selectFrom('recurring_sightings')
    .selectAll()
    .where('town_id', '=', townId)
    .where('category_code', '=', categoryCode)
    .where('record_id', 'is', null)
    .where((eb) => eb.or([eb('cell', '=', cell), eb('grid_code', '=', gridCode)]))
    .where('reported_at', '>=', from)
    .where('reported_at', '<=', to)
    .execute();
}

export async function insertSighting(trx: Transaction<DB>, row: NewSightingRow): Promise<void> {
  await trx.insertInto('recurring_sightings').values(row).execute();
}

export async function attachSightings(trx: Transaction<DB>, townId: string, caseIds: string[], recordId: string, at: string): Promise<void> {
  if (caseIds.length === 0) return;
  await trx.updateTable('recurring_sightings').set({ record_id: recordId, joined_at: at }).where('town_id', '=', townId).where('case_id', 'in', caseIds).execute();
}

export async function markReopenedBy(trx: Transaction<DB>, townId: string, caseId: string): Promise<void> {
  await trx.updateTable('recurring_sightings').set({ reopened: 1 }).where('town_id', '=', townId).where('case_id', '=', caseId).execute();
}

export async function insertRecord(trx: Transaction<DB>, row: Insertable<RecurringRecordsTable>): Promise<void> {
  await trx.insertInto('recurring_records').values(row).execute();
}

export async function insertRecurringLog(trx: Transaction<DB>, row: NewRecurringLogRow): Promise<void> {
  await trx.insertInto('recurring_log').values(row).execute();
}

/** Once per record and threshold: a second pass finds the key taken and adds nothing (true when added). */
export async function insertCc(trx: Transaction<DB>, row: NewCcRow): Promise<boolean> {
  const r = await trx.insertInto('recurring_cc').values(row).onConflict((oc) => oc.columns(['town_id', 'record_id', 'threshold']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The active accounts bound to a person (the leader copied). */
export async function accountsOfPerson(db: Db, townId: string, personnelCode: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('town_id', '=', townId).where('personnel_code', '=', personnelCode).where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}
