/**
 * The SQLite writer thread (sqlite-writer.ts): a batch's statements run in one transaction on a second
 * connection in a worker thread; a refused statement rolls the whole batch back and comes back with
 * SQLite's own code; a thread that dies takes nothing committed with it and is replaced at the next batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { SqliteWriter } from '../src/server/db/sqlite-writer.js';
import { createSqliteTestDatabase, type TestDatabase } from './database.js';

describe('the SQLite writer thread', () => {
  let database: TestDatabase;
  let writer: SqliteWriter;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    writer = new SqliteWriter(database.location, ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000']);
  });
  afterAll(async () => {
    await writer.close();
    await database.destroy();
  });

  const counter = (day: string, last: number) => CompiledQuery.raw('insert into case_counters (town_id, day, last) values (?, ?, ?)', ['t1', day, last]);
  const town = CompiledQuery.raw(
    "insert into towns (id, name, district_code, district_name, timezone, center_lng, center_lat, boundary, rules, profile_hash, updated_at) values ('t1', '测试镇', '310151', '崇明区', 'Asia/Shanghai', 121.4, 31.6, '{}', '{}', 'x', '2026-11-25T00:00:00.000Z')",
  );
  const days = async () => (await database.db.selectFrom('case_counters').select(['day', 'last']).orderBy('day').execute()).map((r) => `${r.day}:${Number(r.last)}`);

  it('commits a batch in one transaction, read at once by the main connection', async () => {
    await writer.commit([town, counter('2026-11-01', 1), counter('2026-11-02', 2)]);
    expect(await days()).toEqual(['2026-11-01:1', '2026-11-02:2']);
  });

  it('rolls the whole batch back when a statement is refused, and answers with SQLite’s code', async () => {
    await expect(writer.commit([counter('2026-11-03', 3), counter('2026-11-01', 9)])).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: expect.stringContaining('case_counters') });
    expect(await days()).toEqual(['2026-11-01:1', '2026-11-02:2']);
  });

  it('loses nothing committed when its thread dies, and starts a new one for the next batch', async () => {
    // the thread is private: reach it only to kill it
    await (writer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await writer.commit([counter('2026-11-04', 4)]);
    expect(await days()).toEqual(['2026-11-01:1', '2026-11-02:2', '2026-11-04:4']);
  });
});
