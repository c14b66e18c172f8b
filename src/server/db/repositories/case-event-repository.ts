/**
 * The append-only, SM3 hash-chained record of case events. One chain per town: seq is gapless and
 * every event's prev_hash is the hash of the event before it, so a rewritten or deleted row breaks
 * the chain (`cityops audit verify`). The head row serialises writers (FOR UPDATE on PostgreSQL;
 * SQLite has one writer anyway).
 */
import { factsOfEvent } from '../../../domain/assessment/index.js';
import { recordEventFacts } from './assessment-repository.js';
import type { CompiledQuery, Selectable, Transaction, Kysely } from 'kysely';
import { GENESIS, chainHash } from '../../crypto/hash-chain.js';
import type { DB } from '../schema.js';
import { deferredWritesOf, type HeldChainHead } from '../deferred-writes.js';
import { caseEventColumns, insertMany } from './bulk-insert.js';
import { setUpsert } from './counter-upsert.js';
import { isPostgres } from '../migrations/column-types.js';
import type { CaseEventsTable } from '../schema-cases.js';
import { withProps } from '../../../domain/with-props.js';

export type CaseEventRow = Selectable<CaseEventsTable>;

export interface NewCaseEvent {
  caseId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { type: 'user' | 'api_key' | 'system'; id: string; name: string; role: string | null };
  reason: string | null;
  data: Record<string, unknown>;
  attachments: string[];
  at: string;
}

/** What the hash covers: every column of the event except the hash itself. */
export function eventHashPayload(row: Omit<CaseEventRow, 'hash'>): Record<string, unknown> {
  return {
    town_id: row.town_id,
    seq: Number(row.seq),
    case_id: row.case_id,
    action: row.action,
    from_status: row.from_status,
    to_status: row.to_status,
    actor_type: row.actor_type,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    actor_role: row.actor_role,
    reason: row.reason,
    data: JSON.parse(row.data) as unknown,
    attachments: JSON.parse(row.attachments) as unknown,
    at: row.at,
  };
}

/**
 * `newCase`: the first event of a case created in this transaction. No one can read it before the
 * commit (the case's id is known to no one yet), so a group-committed batch inserts it with the
 * batch's other rows, in one INSERT before its COMMIT; any other event is inserted at once, as
 * later commands of the same batch may read a case's events.
 */
export async function appendCaseEvent(trx: Transaction<DB>, townId: string, event: NewCaseEvent, options: { newCase?: boolean } = {}): Promise<CaseEventRow> {
  // a group-committed batch reads the head once and writes it once, at its flush (deferred-writes.ts)
  const deferred = deferredWritesOf(trx);
  let head = deferred?.chainHead(townId);
  if (!head) {
    head = await readChainHead(trx, townId);
    deferred?.rememberChainHead(townId, head);
  }
  const base: Omit<CaseEventRow, 'hash'> = {
    town_id: townId,
    seq: head.seq + 1,
    case_id: event.caseId,
    action: event.action,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    actor_role: event.actor.role,
    reason: event.reason,
    data: JSON.stringify(event.data),
    attachments: JSON.stringify(event.attachments),
    at: event.at,
    prev_hash: head.hash,
  };
  const row: CaseEventRow = withProps(base, { hash: chainHash(head.hash, eventHashPayload(base)) });
  const values = caseEventColumns.map((c) => row[c]);
  if (deferred && options.newCase) deferred.addRows('case_events', caseEventColumns, [values]);
  else await insertMany(trx, 'case_events', caseEventColumns, [values]);
  if (deferred) deferred.holdChainHead(townId, { seq: row.seq, hash: row.hash, storedSeq: head.storedSeq });
  else await storeChainHead(trx, townId, row.seq, row.hash);
  // the assessment counts every event as it is appended (domain/assessment), in the same transaction
  const { day, facts } = factsOfEvent({ action: row.action, toStatus: row.to_status, actorId: row.actor_id, actorRole: row.actor_role, data: event.data }, row.at);
  await recordEventFacts(trx, townId, row.seq, row.case_id, day, facts);
  return row;
}

/** The town's chain head, locked on PostgreSQL until the transaction ends; created at the town's first event. */
export async function readChainHead(trx: Transaction<DB>, townId: string): Promise<HeldChainHead> {
  const read = () => {
    const q = trx.selectFrom('event_chain_heads').select(['seq', 'hash']).where('town_id', '=', townId);
    return (isPostgres(trx) ? q.forUpdate() : q).executeTakeFirst();
  };
  let head = await read();
  if (!head) {
    await createChainHead(trx, townId);
    head = await read();
    if (!head) throw new Error('event chain head missing');
  }
  return { seq: Number(head.seq), hash: head.hash, storedSeq: Number(head.seq) };
}

/** The town's empty chain (seq 0, the genesis hash), unless it has one: a concurrent first writer makes this a no-op. */
export async function createChainHead(trx: Transaction<DB>, townId: string): Promise<void> {
  await trx.insertInto('event_chain_heads').values({ town_id: townId, seq: 0, hash: GENESIS }).onConflict((oc) => oc.column('town_id').doNothing()).execute();
}

export async function storeChainHead(trx: Transaction<DB>, townId: string, seq: number, hash: string): Promise<void> {
  await trx.executeQuery(chainHeadUpsert(townId, seq, hash, isPostgres(trx)));
}

/** writes the head, creating its row if a rolled-back savepoint took the one created with it */
export function chainHeadUpsert(townId: string, seq: number, hash: string, postgres: boolean): CompiledQuery {
  return setUpsert('event_chain_heads', ['town_id'], ['seq', 'hash'], [townId, seq, hash], postgres);
}

export function listCaseEvents(db: Kysely<DB>, caseId: string): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** Events after a sequence number, for the event stream's resumption (Last-Event-ID). */
export function eventsAfter(db: Kysely<DB>, townId: string, afterSeq: number, limit: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_events').selectAll().where('town_id', '=', townId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** Which case each event after a seq is about, in order (what a follower of the record needs to know). */
export function caseIdsOfEventsAfter(db: Kysely<DB>, townId: string, afterSeq: number, limit: number): Promise<Array<{ seq: number; case_id: string }>> {
  return db.selectFrom('case_events').select(['seq', 'case_id']).where('town_id', '=', townId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function chainHead(db: Kysely<DB>, townId: string): Promise<{ seq: number; hash: string } | null> {
  const head = await db.selectFrom('event_chain_heads').select(['seq', 'hash']).where('town_id', '=', townId).executeTakeFirst();
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/**
 * The chain in order up to a sequence number (the head read before the walk, so events appended
 * meanwhile are left for the next verification), in pages so nothing is loaded all at once.
 */
export async function* walkChain(db: Kysely<DB>, townId: string, untilSeq: number, pageSize = 5000): AsyncGenerator<CaseEventRow> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('case_events').selectAll().where('town_id', '=', townId).where('seq', '>', after).where('seq', '<=', untilSeq).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) return;
    yield* page;
    after = Number(page[page.length - 1]!.seq);
  }
}

/** The inspector whose own report (巡查上报) opened a case, if an inspector's account reported it. */
export async function reportingInspector(db: Kysely<DB>, caseId: string): Promise<string | null> {
  const row = await db.selectFrom('case_events').select(['actor_id', 'actor_role']).where('case_id', '=', caseId).where('action', '=', 'report').orderBy('seq').limit(1).executeTakeFirst();
  return row?.actor_role === 'inspector' ? row.actor_id : null;
}

/** The units that returned a case so far, oldest first (routing never hands it back to them automatically). */
export async function unitsThatReturned(db: Kysely<DB>, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_events').select('data').where('case_id', '=', caseId).where('action', '=', 'return').orderBy('seq').execute();
  return rows.map((r) => (JSON.parse(r.data) as { returnedBy?: unknown }).returnedBy).filter((u): u is string => typeof u === 'string');
}
