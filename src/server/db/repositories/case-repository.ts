/** SQL of the cases table and its companions (counters, outbox, links, attachments). */
import { CompiledQuery, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../schema.js';
import type { CasesTable } from '../schema-cases.js';
import { counterDeltas } from '../../../domain/dashboard/index.js';
import { caseNumber } from '../../../domain/case/index.js';
import { applyCounterDeltas } from './dashboard-repository.js';
import { deferredWritesOf } from '../deferred-writes.js';
import { caseColumns, insertMany, type SqlValue } from './bulk-insert.js';
import { setUpsert } from './counter-upsert.js';
import { sqlText } from './sql-text.js';
import { isPostgres } from '../migrations/column-types.js';
import { withProps } from '../../../domain/with-props.js';

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CasePatch = Updateable<CasesTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function findCase(db: Db, townId: string, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
}

/**
 * The id of the case a channel's order made, by its external id (index cases_external). Off the hot
 * path: an intake finds its resend with intakeLookup; this answers the races and refusals after it.
 */
export async function findCaseIdByExternalId(db: Db, townId: string, channel: string, externalId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cases').select('id').where('town_id', '=', townId).where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
  return row?.id;
}

/** The day's next case number: 20261126 00042. A group-committed batch reads the counter once (deferred-writes.ts). */
export async function nextCaseNo(trx: Transaction<DB>, townId: string, localDay: string): Promise<string> {
  const deferred = deferredWritesOf(trx);
  if (!deferred) return caseNumber(localDay, await reserveCaseNumbers(trx, townId, localDay, 1));
  let held = deferred.caseCounter(townId, localDay);
  if (!held) {
    const stored = await lockCaseCounter(trx, townId, localDay);
    held = { last: stored, stored };
    deferred.rememberCaseCounter(townId, localDay, held);
  }
  const last = held.last + 1;
  deferred.holdCaseCounter(townId, localDay, { last, stored: held.stored });
  return caseNumber(localDay, last);
}

/** The day's counter as stored (its row created at 0 if it has none), locked on PostgreSQL until the transaction ends. */
async function lockCaseCounter(trx: Transaction<DB>, townId: string, localDay: string): Promise<number> {
  return (await reserveCaseNumbers(trx, townId, localDay, 0)) - 1;
}

/** Reserves `count` case numbers of a local day; returns the first (the next reservation continues after the last). */
export async function reserveCaseNumbers(trx: Transaction<DB>, townId: string, localDay: string, count: number): Promise<number> {
  const row = await trx
    .insertInto('case_counters')
    .values({ town_id: townId, day: localDay, last: count })
    .onConflict((oc) => oc.columns(['town_id', 'day']).doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', eb.ref('excluded.last')) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last) - count + 1;
}

/** A day's counter as a batch leaves it (deferred-writes.ts). */
export function caseCounterUpsert(townId: string, localDay: string, last: number, postgres: boolean): CompiledQuery {
  return setUpsert('case_counters', ['town_id', 'day'], ['last'], [townId, localDay, last], postgres);
}

/**
 * Every write of a case goes through insertCase/updateCase, which keep the dashboard's counters in
 * the same transaction (after − before, domain/dashboard): so they always equal a recount.
 */
export async function insertCase(trx: Transaction<DB>, row: CaseRow, options: { deferred?: boolean } = {}): Promise<void> {
  const values = caseColumns.map((c) => row[c]);
  // `deferred`: the caller writes nothing that refers to the case at once (its first event and links are
  // deferred too), so in a group-committed batch the row waits for the flush's one INSERT
  const deferred = options.deferred ? deferredWritesOf(trx) : undefined;
  if (deferred) deferred.addRows('cases', caseColumns, [values]);
  else await insertMany(trx, 'cases', caseColumns, [values]);
  await applyCounterDeltas(trx, row.town_id, counterDeltas(null, row));
}

/** Optimistic concurrency: the update applies only to the version that was read. */
export async function updateCase(trx: Transaction<DB>, townId: string, before: CaseRow, patch: CasePatch): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set(withProps(patch, { version: before.version + 1 }))
    .where('town_id', '=', townId)
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await applyCounterDeltas(trx, townId, counterDeltas(before, withProps(before, patch) as CaseRow));
  return true;
}

const outboxColumns = ['town_id', 'topic', 'payload', 'created_at'] as const;

/** The outbox row of a write; a group-committed batch writes its rows in one INSERT before its COMMIT. */
export async function insertOutbox(trx: Transaction<DB>, townId: string, topic: string, payload: unknown, at: string): Promise<void> {
  const row = [townId, topic, JSON.stringify(payload), at];
  const deferred = deferredWritesOf(trx);
  if (deferred) deferred.addRows('outbox', outboxColumns, [row]);
  else await insertMany(trx, 'outbox', outboxColumns, [row]);
}

export interface DuplicateCandidateRow {
  id: string;
  case_no: string;
  status: string;
  created_at: string;
  category_code: string | null;
  lng: number | null;
  lat: number | null;
  reported_at: string;
  reporter_phone_idx: string | null;
  description: string;
}

const candidateColumns = ['id', 'case_no', 'status', 'created_at', 'category_code', 'lng', 'lat', 'reported_at', 'reporter_phone_idx', 'description'] as const;

/** What an intake's lookup knows of a case: a possible duplicate's columns, and what a resend is found by. */
export type LookupCaseRow = DuplicateCandidateRow & { channel: string; external_id: string | null };

function lookupCases(db: Db, townId: string) {
  return db
    .selectFrom('cases')
    .select([...candidateColumns, 'channel', 'external_id'])
    .where('town_id', '=', townId);
}

/** The lookup's columns of some cases, by id. */
export function lookupCasesByIds(db: Db, townId: string, ids: string[]): Promise<LookupCaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return lookupCases(db, townId).where('id', 'in', ids).execute();
}

/** The lookup's columns of the cases created since an instant, oldest first (index cases_created). */
export function lookupCasesCreatedSince(db: Db, townId: string, since: string): Promise<LookupCaseRow[]> {
  return lookupCases(db, townId).where('created_at', '>=', since).orderBy('created_at').execute();
}

/** At most this many possible duplicates are read per arm of an intake's lookup. */
export const DUPLICATE_ARM_LIMIT = 50;

/** The arms of an intake's lookup: each its own conditions (`?`: a parameter, after town_id's) and index. */
const lookupArms = {
  // cases_external
  resend: { conditions: ['"channel" = ?', '"external_id" = ?'], limit: 1 },
  // cases_nearby_box
  near: { conditions: ['"reported_at" >= ?', `"status" <> 'voided'`, '"category_code" = ?', '"lng" >= ?', '"lng" <= ?', '"lat" >= ?', '"lat" <= ?'], limit: DUPLICATE_ARM_LIMIT },
  // cases_caller
  caller: { conditions: ['"reported_at" >= ?', `"status" <> 'voided'`, '"reporter_phone_idx" = ?'], limit: DUPLICATE_ARM_LIMIT },
} as const;
type LookupArm = keyof typeof lookupArms;

/** The lookup's SQL, built once per shape (which arms) and dialect: compiling it per intake took ~40 µs. */
function lookupSql(arms: readonly LookupArm[], postgres: boolean): string {
  return sqlText(`intake lookup ${arms.join('+')}`, postgres, () => {
    const columns = candidateColumns.map((c) => `"${c}"`).join(', ');
    return arms
      .map((name) => `select * from (select '${name}' as arm, ${columns} from cases where "town_id" = ? and ${lookupArms[name].conditions.join(' and ')} limit ${lookupArms[name].limit}) as ${name}`)
      .join(' union all ');
  });
}

export interface IntakeLookup {
  resend: { channel: string; externalId: string } | null;
  near: { categoryCode: string; box: { minLng: number; maxLng: number; minLat: number; maxLat: number } } | null;
  callerIndex: string | null;
  since: string;
}

export interface IntakeLookupResult {
  existingId: string | undefined;
  candidates: DuplicateCandidateRow[];
}

/**
 * What an intake reads before it writes, in one statement (one round trip): the case a resent order
 * made, and the new case's possible duplicates in two arms, each on its own index (an OR of the two
 * makes the planners scan the town's cases): the same category inside a box around its point, and
 * the same caller, reported since a time. A case found by both duplicate arms comes once. The
 * duplicate window in memory (recent-cases.ts) answers the same; this answers what it does not hold.
 */
export async function intakeLookup(db: Db, townId: string, lookup: IntakeLookup): Promise<IntakeLookupResult> {
  const { resend, near, callerIndex, since } = lookup;
  const arms: LookupArm[] = [];
  const parameters: Array<string | number> = [];
  if (resend) {
    arms.push('resend');
    parameters.push(townId, resend.channel, resend.externalId);
  }
  if (near) {
    arms.push('near');
    parameters.push(townId, since, near.categoryCode, near.box.minLng, near.box.maxLng, near.box.minLat, near.box.maxLat);
  }
  if (callerIndex) {
    arms.push('caller');
    parameters.push(townId, since, callerIndex);
  }
  if (arms.length === 0) return { existingId: undefined, candidates: [] };
  const { rows } = await db.executeQuery<DuplicateCandidateRow & { arm: LookupArm }>(CompiledQuery.raw(lookupSql(arms, isPostgres(db)), parameters));
  const existingId = rows.find((r) => r.arm === 'resend')?.id;
  const candidates = new Map<string, DuplicateCandidateRow>();
  for (const row of rows) if (row.arm !== 'resend') candidates.set(row.id, row);
  return { existingId, candidates: [...candidates.values()] };
}

const linkColumns = ['town_id', 'case_id', 'other_case_id', 'kind', 'reasons', 'distance_m', 'similarity', 'created_at'] as const;
export type LinkRow = Record<(typeof linkColumns)[number], SqlValue>;

/**
 * Possible-duplicate links, both ways. A group-committed batch writes them with its other rows, in
 * one INSERT before its COMMIT: a new case's can conflict with nothing (its id is known to no one
 * yet), and a case linked again at 立案 leaves out the cases it is linked to already.
 */
export async function insertCaseLinks(trx: Transaction<DB>, rows: readonly LinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => linkColumns.map((c) => r[c]));
  const deferred = deferredWritesOf(trx);
  if (deferred) deferred.addRows('case_links', linkColumns, values);
  else await insertMany(trx, 'case_links', linkColumns, values);
}

export function linksOf(db: Db, caseId: string) {
  return db
    .selectFrom('case_links')
    .innerJoin('cases', 'cases.id', 'case_links.other_case_id')
    .select(['case_links.other_case_id', 'case_links.reasons', 'case_links.distance_m', 'case_links.similarity', 'cases.case_no', 'cases.status', 'cases.created_at'])
    .where('case_links.case_id', '=', caseId)
    .execute();
}

/** The last event of an action on a case (e.g. the pending extension request's requested limit). */
export function lastEventOf(db: Db, caseId: string, action: string) {
  return db.selectFrom('case_events').select(['data', 'seq']).where('case_id', '=', caseId).where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** A photo uploaded: stored once by its content; whoever uploads it holds it. */
export async function insertAttachment(db: Db, row: { town_id: string; sha256: string; media_type: string; size: number; case_id: string | null; uploaded_by: string; created_at: string }): Promise<void> {
  await db.insertInto('attachments').values(row).onConflict((oc) => oc.columns(['town_id', 'sha256']).doNothing()).execute();
  await db
    .insertInto('attachment_holders')
    .values({ town_id: row.town_id, sha256: row.sha256, holder: row.uploaded_by, created_at: row.created_at })
    .onConflict((oc) => oc.columns(['town_id', 'sha256', 'holder']).doNothing())
    .execute();
}

export async function holdsAttachment(db: Db, townId: string, sha256: string, holder: string): Promise<boolean> {
  return (await db.selectFrom('attachment_holders').select('holder').where('town_id', '=', townId).where('sha256', '=', sha256).where('holder', '=', holder).executeTakeFirst()) !== undefined;
}

export function findCasesByIds(db: Db, townId: string, ids: string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('cases').selectAll().where('town_id', '=', townId).where('id', 'in', ids).execute();
}

export function findAttachment(db: Db, townId: string, sha256: string) {
  return db.selectFrom('attachments').select(['sha256', 'media_type', 'size', 'case_id', 'uploaded_by']).where('town_id', '=', townId).where('sha256', '=', sha256).executeTakeFirst();
}

/** The photos a case uses: the first case to use a photo claims it; every case that uses it is recorded. */
export async function claimAttachments(trx: Transaction<DB>, townId: string, shas: string[], caseId: string, at: string): Promise<void> {
  if (shas.length === 0) return;
  await trx.updateTable('attachments').set({ case_id: caseId }).where('town_id', '=', townId).where('sha256', 'in', shas).where('case_id', 'is', null).execute();
  await trx
    .insertInto('attachment_uses')
    .values([...new Set(shas)].map((sha256) => ({ town_id: townId, sha256, case_id: caseId, created_at: at })))
    .onConflict((oc) => oc.columns(['town_id', 'sha256', 'case_id']).doNothing())
    .execute();
}

/** The cases that use a photo (a few are enough to decide who may see it). */
export async function casesUsingAttachment(db: Db, townId: string, sha256: string, limit = 20): Promise<string[]> {
  const rows = await db.selectFrom('attachment_uses').select('case_id').where('town_id', '=', townId).where('sha256', '=', sha256).orderBy('created_at').limit(limit).execute();
  return rows.map((r) => r.case_id);
}

/** Open, unsuspended cases whose next deadline threshold has come (index cases_deadline). */
export function casesDueForSweep(db: Db, townId: string, now: string, limit: number): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('town_id', '=', townId)
    .where('next_due_at', 'is not', null)
    .where('next_due_at', '<=', now)
    .where('status', 'not in', ['closed', 'voided', 'suspended'])
    .orderBy('next_due_at')
    .limit(limit)
    .execute();
}

export async function insertJointMeeting(trx: Transaction<DB>, row: { id: string; town_id: string; case_id: string; lead_unit: string; participants: string; held_at: string; minutes: string; decisions: string | null; recorded_by: string; created_at: string }): Promise<void> {
  await trx.insertInto('joint_meetings').values(row).execute();
}

export function jointMeetingsOf(db: Db, caseId: string) {
  return db.selectFrom('joint_meetings').selectAll().where('case_id', '=', caseId).orderBy('held_at').execute();
}

/**
 * The texts and final categories of the most recent closed cases: the classifier learns from them.
 * Most recent by creation, read backwards along cases_status (town_id, status, created_at) and stopped
 * at `limit`; ordered by closed_at it sorted every closed case of the record (46 s at 10 M).
 */
export function closedCaseExamples(db: Db, townId: string, limit: number) {
  return db
    .selectFrom('cases')
    .select(['description', 'category_code'])
    .where('town_id', '=', townId)
    .where('status', '=', 'closed')
    .where('category_code', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
