/**
 * Deferred derived writes in group commit (deferred-writes.ts): the counters' additions of a batch's
 * commands are summed and written once before the COMMIT, a failing command's additions are dropped
 * with its savepoint, and a lone command's are written in its own transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCounterDeltas } from '../src/server/db/repositories/dashboard-repository.js';
import { recordEventFacts } from '../src/server/db/repositories/assessment-repository.js';
import { createTestDatabase, dialectUnderTest, type TestDatabase } from './database.js';

describe(`deferred derived writes (${dialectUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .insertInto('towns')
      .values({ id: 't1', name: '测试镇', name_en: null, district_code: '310151', district_name: '崇明区', timezone: 'Asia/Shanghai', center_lng: 121.4, center_lat: 31.6, boundary: '{}', rules: '{}', profile_hash: 'x', updated_at: '2026-11-25T00:00:00.000Z' })
      .execute();
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
});
