/**
 * Deferred derived writes in group commit (deferred-writes.ts): the counters' additions of a batch's
 * commands are summed and written once before the COMMIT, a failing command's additions are dropped
 * with its savepoint, and a lone command's are written in its own transaction. The serial heads a
 * batch holds (the event chain's, the day's case counter) give a rolled-back command's numbers back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCounterDeltas } from '../src/server/db/repositories/dashboard-repository.js';
import { recordEventFacts } from '../src/server/db/repositories/assessment-repository.js';
import { appendCaseEvent } from '../src/server/db/repositories/case-event-repository.js';
import { insertCase, nextCaseNo, type CaseRow } from '../src/server/db/repositories/case-repository.js';
import { verifyRecord } from '../src/server/commands/verify-record.js';
import { createTestDatabase, dialectUnderTest, type TestDatabase } from './database.js';
import { CompiledQuery, type KyselyPlugin, type Transaction } from 'kysely';
import type { DB } from '../src/server/db/schema.js';
import { isStaleHeadRefusal } from '../src/server/db/unique-violation.js';
import { GroupCommitter } from '../src/server/db/group-commit.js';
import { DeferredWrites } from '../src/server/db/deferred-writes.js';
import { SqliteWriter } from '../src/server/db/sqlite-writer.js';
import { autocommitWriter, type Database } from '../src/server/db/database.js';
import { combineStatements } from '../src/server/db/repositories/combined-statement.js';
import { insertMany, insertManyQueries } from '../src/server/db/repositories/bulk-insert.js';
import pg from 'pg';

describe('combineStatements (PostgreSQL: a flush in one round trip)', () => {
  const q = (sql: string, ...parameters: unknown[]) => CompiledQuery.raw(sql, parameters);
  it('chains the writes as CTEs and renumbers their parameters in order', () => {
    const [one, ...rest] = combineStatements([q('insert into a (x, y) values ($1, $2)', 1, 2), q('update b set n = $1 where id = $2', 3, 4), q('insert into c (z) values ($1), ($2)', 5, 6)]);
    expect(rest).toEqual([]);
    expect(one!.sql).toBe('with w0 as (insert into a (x, y) values ($1, $2)), w1 as (update b set n = $3 where id = $4) insert into c (z) values ($5), ($6)');
    expect(one!.parameters).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps a lone statement as it is, and starts a new statement before the parameter limit', () => {
    const lone = q('update b set n = $1', 1);
    expect(combineStatements([lone])).toEqual([lone]);
    const split = combineStatements([q('insert into a values ($1, $2)', 1, 2), q('insert into a values ($1, $2)', 3, 4), q('insert into a values ($1)', 5)], 4);
    expect(split.map((s) => [s.sql, s.parameters])).toEqual([
      ['with w0 as (insert into a values ($1, $2)) insert into a values ($3, $4)', [1, 2, 3, 4]],
      ['insert into a values ($1)', [5]],
    ]);
  });
});

describe('the heads a committed transaction passes on', () => {
  it('keeps the chain heads and only each town’s latest day of case numbers', () => {
    const d = new DeferredWrites(undefined, {
      chainHeads: new Map([['t1', { seq: 7, hash: 'h7' }]]),
      caseCounters: new Map([['t1|2026-11-24', 5], ['t1|2026-11-25', 2], ['t2|2026-11-20', 9]]),
    });
    d.holdCaseCounter('t1', '2026-11-25', { last: 3, stored: 2 });
    const heads = d.committedHeads();
    expect([...heads.chainHeads]).toEqual([['t1', { seq: 7, hash: 'h7' }]]);
    expect([...heads.caseCounters]).toEqual([['t1|2026-11-25', 3], ['t2|2026-11-20', 9]]);
  });
});

describe(`deferred derived writes (${dialectUnderTest})`, () => {
  let database: TestDatabase;
  const withTown = async (d: TestDatabase) => {
    await d.db
      .insertInto('towns')
      .values({ id: 't1', name: '测试镇', name_en: null, district_code: '310151', district_name: '崇明区', timezone: 'Asia/Shanghai', center_lng: 121.4, center_lat: 31.6, boundary: '{}', rules: '{}', profile_hash: 'x', updated_at: '2026-11-25T00:00:00.000Z' })
      .execute();
    return d;
  };
  beforeAll(async () => {
    database = await withTown(await createTestDatabase());
  });
  afterAll(async () => database.destroy());

  const counter = async (key: string) =>
    Number((await database.db.selectFrom('dashboard_counters').select('n').where('town_id', '=', 't1').where('key', '=', key).executeTakeFirst())?.n ?? 0);

  it('sums a batch’s additions, drops a failed command’s, and writes nothing before the commit', async () => {
    const seen: number[] = [];
    const ok = (n: number) =>
      database.write(async (trx) => {
        await applyCounterDeltas(trx, 't1', new Map([['now|-|K|open', n]]));
        // deferred: not in the table yet inside the command
        seen.push(Number((await trx.selectFrom('dashboard_counters').select('n').where('key', '=', 'K').executeTakeFirst())?.n ?? 0));
        return n;
      });
    const failing = database.write(async (trx) => {
      await applyCounterDeltas(trx, 't1', new Map([['now|-|K|open', 100]]));
      throw new Error('refused');
    });
    // issued in one turn of the event loop: one batch
    const results = await Promise.allSettled([ok(1), failing, ok(2), ok(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await counter('K')).toBe(6);
    expect(seen).toEqual([0, 0, 0]);
  });

  it('writes a lone command’s additions and facts in its own transaction, and skips sums that cancel out', async () => {
    await database.write(async (trx) => {
      await applyCounterDeltas(trx, 't1', new Map([['now|-|L|open', 1], ['now|-|Z|open', 1]]));
      await applyCounterDeltas(trx, 't1', new Map([['now|-|L|open', 1], ['now|-|Z|open', -1]]));
      await recordEventFacts(trx, 't1', 7, 'case-1', '2026-11-25', [{ subject: 'unit', key: 'U', metric: 'dispatched' }]);
    });
    expect(await counter('L')).toBe(2);
    expect(await database.db.selectFrom('dashboard_counters').select('n').where('key', '=', 'Z').execute()).toEqual([]);
    const facts = await database.db.selectFrom('assessment_facts').select(['seq', 'key', 'metric', 'case_id']).execute();
    expect(facts.map((f) => ({ ...f, seq: Number(f.seq) }))).toEqual([{ seq: 7, key: 'U', metric: 'dispatched', case_id: 'case-1' }]);
    const n = await database.db.selectFrom('assessment_counters').select('n').where('key', '=', 'U').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  const caseRow = (id: string, caseNo: string): CaseRow => ({
    id, town_id: 't1', case_no: caseNo, channel: 'hotline_12345', external_id: null, status: 'reported', category_code: null, urgency: 'normal',
    description: '测试', address: '东平镇', lng: null, lat: null, grid_code: null, station_code: null, lead_unit: null, assist_units: '[]',
    designated: 0, return_count: 0, rework_count: 0, extension_pending: 0, escalation_level: 'none', suspended_from: null, has_reporter_contact: 0,
    reporter_name_enc: null, reporter_phone_enc: null, reporter_phone_idx: null, channel_data: '{}', classification: '{}', routing: '{}',
    deadlines: '[]', deadline_state: 'done', next_due_at: null, unit_overdue_at: null, visit_outcome: null, reported_at: '2026-11-25T01:00:00.000Z',
    created_at: '2026-11-25T01:00:00.000Z', updated_at: '2026-11-25T01:00:00.000Z', closed_at: null, registered_at: null, dispatched_at: null, version: 1,
  });
  const eventsOf = async (db: Pick<TestDatabase, 'db'>['db'], id: string) => (await db.selectFrom('case_events').select('seq').where('case_id', '=', id).execute()).length;
  const storedHead = async (db: Pick<TestDatabase, 'db'>['db'] = database.db) => Number((await db.selectFrom('event_chain_heads').select('seq').where('town_id', '=', 't1').executeTakeFirst())?.seq ?? 0);
  /** an intake's writes: the day's next number, the case, its report event; fails after all three when asked */
  const report = (id: string, fail = false, newCase = false, writer: Pick<Database, 'write'> = database) =>
    writer.write(async (trx) => {
      const caseNo = await nextCaseNo(trx, 't1', '2026-11-25');
      await insertCase(trx, caseRow(id, caseNo));
      const event = await appendCaseEvent(trx, 't1', { caseId: id, action: 'report', fromStatus: null, toStatus: 'reported', actor: { type: 'system', id: 's', name: 's', role: null }, reason: null, data: {}, attachments: [], at: '2026-11-25T01:00:00.000Z' }, { newCase });
      if (fail) throw new Error('refused after writing');
      return { caseNo, seq: Number(event.seq), storedHeadInside: await storedHead(trx), eventsInside: await eventsOf(trx, id) };
    });

  it('gives a rolled-back command’s case number and sequence number back, and writes the heads once at the commit', async () => {
    const lone = await report('c-0');
    expect(lone).toMatchObject({ caseNo: '2026112500001', seq: 1 });
    const results = await Promise.allSettled([report('c-1'), report('c-2', true), report('c-3'), report('c-4', true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const [a, , b] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect([a, b]).toEqual([
      { caseNo: '2026112500002', seq: 2, storedHeadInside: 1, eventsInside: 1 },
      { caseNo: '2026112500003', seq: 3, storedHeadInside: 1, eventsInside: 1 },
    ]);
    expect(await storedHead()).toBe(3);
    const counter = await database.db.selectFrom('case_counters').select('last').where('town_id', '=', 't1').executeTakeFirstOrThrow();
    expect(Number(counter.last)).toBe(3);
    expect(await database.db.selectFrom('cases').select('id').where('town_id', '=', 't1').orderBy('case_no').execute()).toEqual([{ id: 'c-0' }, { id: 'c-1' }, { id: 'c-3' }]);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: 3 });
    // and the next lone command continues from the stored heads
    expect(await report('c-5')).toMatchObject({ caseNo: '2026112500004', seq: 4, storedHeadInside: 3 });
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: 4 });
  });

  it('writes a new case’s first event with the batch’s rows before the commit, and drops a rolled-back command’s', async () => {
    const results = await Promise.allSettled([report('n-1', false, true), report('n-2', true, true), report('n-3', false, true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [a, , b] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    // not in the table inside the command: it waits for the batch's flush
    expect([a?.eventsInside, b?.eventsInside]).toEqual([0, 0]);
    expect([a?.seq, b?.seq]).toEqual([5, 6]);
    expect([await eventsOf(database.db, 'n-1'), await eventsOf(database.db, 'n-2'), await eventsOf(database.db, 'n-3')]).toEqual([1, 0, 1]);
    expect(await storedHead()).toBe(6);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: 6 });
  });

  /**
   * a new case's intake with no photo: its row and first event wait for the flush, and it has no
   * savepoint; `lookInside` reads the table inside the command (which then needs a transaction)
   */
  const intake = (id: string, externalId: string, options: { fail?: boolean; writer?: Pick<Database, 'write'>; day?: string; lookInside?: boolean } = {}) =>
    (options.writer ?? database).write(
      async (trx) => {
        const caseNo = await nextCaseNo(trx, 't1', options.day ?? '2026-11-25');
        await insertCase(trx, { ...caseRow(id, caseNo), external_id: externalId }, { deferred: true });
        const event = await appendCaseEvent(trx, 't1', { caseId: id, action: 'report', fromStatus: null, toStatus: 'reported', actor: { type: 'system', id: 's', name: 's', role: null }, reason: null, data: {}, attachments: [], at: '2026-11-25T01:00:00.000Z' }, { newCase: true });
        if (options.fail) throw new Error('refused before the flush');
        const casesInside = options.lookInside ? (await trx.selectFrom('cases').select('id').where('id', '=', id).execute()).length : null;
        return { caseNo, seq: Number(event.seq), casesInside };
      },
      { deferredOnly: true },
    );

  it('runs a batch’s commands again alone when the flush refuses a deferred row, so only the refused one fails', async () => {
    const before = await storedHead();
    // x-2 resends x-1's order in the same batch: both rows wait for the flush, which the unique index refuses
    const inside = { lookInside: true };
    const results = await Promise.allSettled([intake('x-1', 'order-1', inside), intake('x-2', 'order-1', inside), intake('x-3', 'order-3', { ...inside, fail: true }), intake('x-4', 'order-4', inside)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    const [a, , , d] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    // run again alone: x-1 and x-4 take the next numbers in turn, and nothing was in the table before the flush
    expect([a, d]).toEqual([
      { caseNo: expect.any(String), seq: before + 1, casesInside: 0 },
      { caseNo: expect.any(String), seq: before + 2, casesInside: 0 },
    ]);
    expect(Number(d!.caseNo) - Number(a!.caseNo)).toBe(1);
    const ids = (await database.db.selectFrom('cases').select('id').where('id', 'like', 'x-%').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['x-1', 'x-4']);
    expect(await storedHead()).toBe(before + 2);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: before + 2 });
  });

  it('starts a batch from the heads the last one committed, and reads them afresh once another writer has moved them', async () => {
    // counts the statements that read (and on PostgreSQL lock) a head
    let headReads = 0;
    const spy: KyselyPlugin = {
      transformQuery: (args) => {
        const node = JSON.stringify(args.node);
        // the chain head's SELECT, and the day counter's upsert RETURNING its value (the flush's writes return nothing)
        if (args.node.kind === 'SelectQueryNode' && node.includes('"event_chain_heads"')) headReads++;
        if (args.node.kind === 'InsertQueryNode' && node.includes('"case_counters"') && args.node.returning) headReads++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const committer = new GroupCommitter(database.db.withPlugin(spy));
    const writer = { write: committer.write.bind(committer) };
    await Promise.all([intake('h-1', 'h-1', { writer }), intake('h-2', 'h-2', { writer })]);
    expect(headReads).toBe(2); // the chain head and the day's counter, once for the batch
    await Promise.all([intake('h-3', 'h-3', { writer }), intake('h-4', 'h-4', { writer })]);
    await intake('h-5', 'h-5', { writer });
    expect(headReads).toBe(2); // none again: the committed heads were passed on

    // another writer (the command line, another node) appends a case behind the committer's back
    await database.db.transaction().execute(async (trx) => {
      await insertCase(trx, caseRow('h-other', await nextCaseNo(trx, 't1', '2026-11-25')));
      await appendCaseEvent(trx, 't1', { caseId: 'h-other', action: 'report', fromStatus: null, toStatus: 'reported', actor: { type: 'system', id: 's', name: 's', role: null }, reason: null, data: {}, attachments: [], at: '2026-11-25T01:00:00.000Z' });
    });
    const head = await storedHead();
    const results = await Promise.all([intake('h-6', 'h-6', { writer }), intake('h-7', 'h-7', { writer })]);
    // refused for its stale numbers, the batch ran again alone from heads read afresh
    expect(results.map((r) => r.seq)).toEqual([head + 1, head + 2]);
    const numbers = (await database.db.selectFrom('cases').select('case_no').where('town_id', '=', 't1').execute()).map((r) => r.case_no);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: head + 2 });
    // and for a while the committer reads the heads in every batch, as writers that share a town must
    const readsBefore = headReads;
    await intake('h-8', 'h-8', { writer });
    await intake('h-9', 'h-9', { writer });
    expect(headReads - readsBefore).toBe(4);
  });

  it('runs a command that appends at once again alone when the head it started from was stale', async () => {
    const committer = new GroupCommitter(database.db);
    const writer = { write: committer.write.bind(committer) };
    await intake('s-1', 's-1', { writer }); // the committer now holds the heads
    await database.db.transaction().execute(async (trx) => {
      await insertCase(trx, caseRow('s-other', await nextCaseNo(trx, 't1', '2026-11-25')));
      await appendCaseEvent(trx, 't1', { caseId: 's-other', action: 'report', fromStatus: null, toStatus: 'reported', actor: { type: 'system', id: 's', name: 's', role: null }, reason: null, data: {}, attachments: [], at: '2026-11-25T01:00:00.000Z' });
    });
    const head = await storedHead();
    // report() inserts its case and event at once, in its savepoint, where the stale seq is refused;
    // with nothing for the flush to refuse, only the refusal itself can send the batch round again
    const results = await Promise.allSettled([report('s-2', false, false, writer), report('s-3', false, false, writer)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.seq : null))).toEqual([head + 1, head + 2]);
    // and alone, too
    await intake('s-4', 's-4', { writer });
    const lone = new GroupCommitter(database.db);
    await intake('s-5', 's-5', { writer: { write: lone.write.bind(lone) } });
    await database.db.transaction().execute(async (trx) => {
      await appendCaseEvent(trx, 't1', { caseId: 's-other', action: 'attach', fromStatus: 'reported', toStatus: 'reported', actor: { type: 'system', id: 's', name: 's', role: null }, reason: null, data: {}, attachments: [], at: '2026-11-25T01:00:00.000Z' });
    });
    expect((await report('s-6', false, false, { write: lone.write.bind(lone) })).seq).toBe(head + 6);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: head + 6 });
  });

  it('runs a batch of new cases with no transaction once the heads are known: only its flush meets the database, on the writer; a refusal there fails only its own command', async () => {
    // SQLite: the writer thread, on a file of its own under PostgreSQL; PostgreSQL: one autocommitted statement from the pool
    const thread = dialectUnderTest === 'sqlite' ? new SqliteWriter(database.location, ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000']) : undefined;
    const flushWriter = thread ?? autocommitWriter(database.db);
    const flushes: number[] = [];
    // what the committer itself sends: nothing, while its batches run queryless
    let committerStatements = 0;
    const spy: KyselyPlugin = { transformQuery: (args) => (committerStatements++, args.node), transformResult: (args) => Promise.resolve(args.result) };
    const committer = new GroupCommitter(database.db.withPlugin(spy), {
      writer: {
        commit: async (queries) => {
          await flushWriter.commit(queries);
          flushes.push(queries.length);
        },
      },
    });
    const writer = { write: committer.write.bind(committer) };
    try {
      await intake('w-1', 'w-1', { writer }); // reads the heads, in a transaction of the committer's own
      expect(flushes).toEqual([]);
      const head = await storedHead();
      const sent = committerStatements;
      const batch = await Promise.all([intake('w-2', 'w-2', { writer }), intake('w-3', 'w-3', { writer }), intake('w-4', 'w-4', { writer })]);
      expect(committerStatements).toBe(sent);
      // PostgreSQL: the counters, the rows, the heads, all in one statement
      expect(flushes).toEqual([dialectUnderTest === 'postgres' ? 1 : expect.any(Number)]);
      expect(batch.map((r) => r.seq)).toEqual([head + 1, head + 2, head + 3]);
      expect(batch.map((r) => Number(r.caseNo) - Number(batch[0]!.caseNo))).toEqual([0, 1, 2]);
      // committed by the writer, read at once by the main connection
      expect(await eventsOf(database.db, 'w-4')).toBe(1);
      expect(await storedHead()).toBe(head + 3);

      // a resend racing its first send: the unique index refuses the flush, and the batch runs again alone
      const results = await Promise.allSettled([intake('w-5', 'w-5', { writer }), intake('w-6', 'w-5', { writer }), intake('w-7', 'w-7', { writer })]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(JSON.stringify((results[1] as PromiseRejectedResult).reason)).toMatch(/SQLITE_CONSTRAINT_UNIQUE|23505/);
      expect(flushes).toHaveLength(1);
      // a resend's refusal says nothing against the heads: the next batch runs queryless again
      await Promise.all([intake('w-10', 'w-10', { writer }), intake('w-11', 'w-11', { writer })]);
      expect(flushes).toHaveLength(2);

      // a command that writes at once keeps its batch in a transaction of the committer's own
      await Promise.all([report('w-8', false, false, writer), intake('w-9', 'w-9', { writer })]);
      expect(flushes).toHaveLength(2);
      // a new day: its counter is not held, so the batch reads it the ordinary way, and the next runs queryless
      const newDay = await Promise.all([intake('w-12', 'w-12', { writer, day: '2026-11-26' }), intake('w-13', 'w-13', { writer, day: '2026-11-26' })]);
      expect(newDay.map((r) => r.caseNo)).toEqual(['2026112600001', '2026112600002']);
      expect(flushes).toHaveLength(2);
      expect((await intake('w-14', 'w-14', { writer, day: '2026-11-26' })).caseNo).toBe('2026112600003');
      expect(flushes).toHaveLength(3);
      expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: head + 12 });
    } finally {
      await thread?.close();
    }
  });

  it('tells a refusal of a stale head’s numbers from other refusals, by the database’s own errors', async () => {
    const refusal = async (write: (trx: Transaction<DB>) => Promise<void>) => {
      try {
        await database.db.transaction().execute(write);
      } catch (error) {
        return error;
      }
      throw new Error('the write was not refused');
    };
    const fact = (trx: Transaction<DB>) => recordEventFacts(trx, 't1', 9001, 'sv-case', '2026-11-25', [{ subject: 'unit', key: 'SV', metric: 'dispatched' }]);
    await database.db.transaction().execute(fact);
    await database.db.transaction().execute((trx) => insertCase(trx, { ...caseRow('sv-1', 'SV-0001'), external_id: 'sv-order' }));
    // an event's sequence number again: the assessment's facts of that event (a flush may meet their key first)
    expect(isStaleHeadRefusal(await refusal(fact))).toBe(true);
    // a case's number again
    expect(isStaleHeadRefusal(await refusal((trx) => insertCase(trx, caseRow('sv-2', 'SV-0001'))))).toBe(true);
    // not a head's: the same order resent, the same id
    expect(isStaleHeadRefusal(await refusal((trx) => insertCase(trx, { ...caseRow('sv-3', 'SV-0003'), external_id: 'sv-order' })))).toBe(false);
    expect(isStaleHeadRefusal(await refusal((trx) => insertCase(trx, caseRow('sv-1', 'SV-0004'))))).toBe(false);
  });

  it('rolls back a command the database refuses (a second case with the same id) and keeps the rest of its batch', async () => {
    const before = await storedHead();
    const results = await Promise.allSettled([report('d-1'), report('c-1'), report('d-2')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [a, , b] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect([a?.seq, b?.seq]).toEqual([before + 1, before + 2]);
    expect(Number(b!.caseNo) - Number(a!.caseNo)).toBe(1);
    expect(await verifyRecord(database, 't1')).toMatchObject({ ok: true, count: before + 2 });
  });

  it('writes every kind of value a row holds exactly as given, in one statement whose text does not depend on the number of rows', async () => {
    const values = ['plain', 'quote " and \\ backslash', 'line\nbreak\ttab', '东平镇 · 路边摊 🍢', "it's", '{"json":"as text"}', ''];
    const rows = values.map((payload, i) => ['t1', `kinds-${i}`, payload, `2026-11-25T0${i}:00:00.123Z`]);
    const columns = ['town_id', 'topic', 'payload', 'created_at'];
    const [one] = insertManyQueries('outbox', columns, rows.slice(0, 1), dialectUnderTest === 'postgres');
    const [all] = insertManyQueries('outbox', columns, rows, dialectUnderTest === 'postgres');
    if (dialectUnderTest === 'postgres') {
      // the rows are one JSON parameter: one text for any number of rows, so it may be a named statement
      expect(all!.sql).toBe(one!.sql);
      expect(all!.parameters).toHaveLength(1);
    } else expect(all!.parameters).toHaveLength(rows.length * columns.length);
    await database.write((trx) => insertMany(trx, 'outbox', columns, rows));
    const stored = await database.db.selectFrom('outbox').select(['topic', 'payload', 'created_at']).where('topic', 'like', 'kinds-%').orderBy('topic').execute();
    expect(stored).toEqual(rows.map(([, topic, payload, at]) => ({ topic, payload, created_at: at })));
    // a lone surrogate (a broken escape in a client's JSON) is written, as U+FFFD: once on PostgreSQL, as
    // a text parameter's UTF-8 encoding makes it; SQLite's driver writes the surrogate's three bytes, read back as three
    await database.write((trx) => insertMany(trx, 'outbox', columns, [['t1', 'kinds-broken', 'a\ud800b', '2026-11-25T09:00:00.000Z']]));
    const { payload } = await database.db.selectFrom('outbox').select('payload').where('topic', '=', 'kinds-broken').executeTakeFirstOrThrow();
    expect(payload).toBe(dialectUnderTest === 'postgres' ? 'a\ufffdb' : 'a\ufffd\ufffd\ufffdb');

    // numbers: a point's coordinates to the last digit, counts added to what a counter holds
    const lng = 121 + 1 / 3;
    const lat = 31 + 2 / 3;
    await database.write((trx) => insertCase(trx, { ...caseRow('kinds-case', 'KINDS-1'), lng, lat }));
    expect(await database.db.selectFrom('cases').select(['lng', 'lat']).where('id', '=', 'kinds-case').executeTakeFirstOrThrow()).toEqual({ lng, lat });
    const before = await counter('kinds');
    await database.write((trx) => applyCounterDeltas(trx, 't1', new Map([['town|now|kinds|open', 3]])));
    await database.write((trx) => applyCounterDeltas(trx, 't1', new Map([['town|now|kinds|open', 2_147_483_000]])));
    expect(await counter('kinds')).toBe(before + 2_147_483_003);
  });

  it('commits a flush from the pool (PostgreSQL: as a named statement, parsed and planned once per connection)', async () => {
    const sent: Array<string | undefined> = [];
    const pool = dialectUnderTest === 'postgres' ? new pg.Pool({ connectionString: database.url, max: 1 }) : undefined;
    if (pool) {
      const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
      (pool as unknown as { query: typeof query }).query = (...args) => (typeof args[0] === 'object' && sent.push((args[0] as { name?: string }).name), query(...args));
    }
    try {
      const writer = autocommitWriter(database.db, pool);
      const flush = (ids: string[]) => {
        const d = new DeferredWrites();
        d.addRows('outbox', ['town_id', 'topic', 'payload', 'created_at'], ids.map((id) => ['t1', id, '{}', '2026-11-25T01:00:00.000Z']));
        d.addCounts('dashboard_counters', ['dim', 'bucket', 'key', 'metric'], 't1', new Map(ids.map((id) => [`town|now|${id}|open`, 1])));
        return writer.commit(d.statements(dialectUnderTest === 'postgres'));
      };
      await flush(['named-1']);
      await flush(['named-2', 'named-3', 'named-4']);
      expect(await database.db.selectFrom('outbox').select('topic').where('topic', 'like', 'named-%').orderBy('topic').execute()).toEqual(['named-1', 'named-2', 'named-3', 'named-4'].map((topic) => ({ topic })));
      expect(await counter('named-3')).toBe(1);
      if (pool) {
        // two flushes of different sizes: one text, one name
        expect(sent).toHaveLength(2);
        expect(sent[0]).toMatch(/^cityops_flush_[0-9a-f]{32}$/);
        expect(sent[1]).toBe(sent[0]);
        // after five custom plans PostgreSQL keeps the generic one: the flush is no longer planned either
        for (let i = 5; i < 12; i++) await flush([`named-${i}`, `named-${i}b`].slice(0, 1 + (i % 2)));
        const prepared = await pool.query<{ n: string; generic: string }>('select count(*) as n, sum(generic_plans) as generic from pg_prepared_statements where name = $1', [sent[0]]);
        expect(new Set(sent)).toEqual(new Set([sent[0]]));
        expect(Number(prepared.rows[0]!.n)).toBe(1);
        expect(Number(prepared.rows[0]!.generic)).toBeGreaterThan(0);

        // a pooler that does not keep named statements loses it behind the driver's back: the flush
        // is committed all the same, once, and sent unnamed from then on
        await pool.query('deallocate all');
        const before = sent.length;
        await flush(['named-lost']);
        await flush(['named-after']);
        // the one named attempt; the rest went the unnamed way (through Kysely)
        expect(sent.slice(before)).toEqual([sent[0]]);
        expect(await database.db.selectFrom('outbox').select('topic').where('topic', 'in', ['named-lost', 'named-after']).orderBy('topic').execute()).toEqual([{ topic: 'named-after' }, { topic: 'named-lost' }]);
      }
    } finally {
      await pool?.end();
    }
  });
});
