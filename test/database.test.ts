import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, dialectUnderTest, type TestDatabase } from './database.js';

describe(`database harness (${dialectUnderTest})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('gives a migrated database of the dialect under test', async () => {
    expect(database.dialect).toBe(dialectUnderTest);
    const towns = await database.db.selectFrom('towns').selectAll().execute();
    expect(towns).toEqual([]);
  });

  it('round-trips instants as ISO-8601 UTC strings on both dialects', async () => {
    const at = '2026-02-14T01:02:03.456Z';
    await database.db
      .insertInto('towns')
      .values({ id: 't1', name: '测试镇', name_en: null, district_code: '310151', district_name: '崇明区', timezone: 'Asia/Shanghai', center_lng: 121.4, center_lat: 31.6, boundary: '{}', rules: '{}', profile_hash: 'x', updated_at: at })
      .execute();
    const row = await database.db.selectFrom('towns').select(['updated_at', 'center_lng']).where('id', '=', 't1').executeTakeFirstOrThrow();
    expect(row.updated_at).toBe(at);
    expect(row.center_lng).toBeCloseTo(121.4, 10);
  });

  it('enforces foreign keys', async () => {
    await expect(
      database.db.insertInto('center_groups').values({ town_id: 'nope', code: 'g', name: 'x', duties: null, updated_at: '2026-01-01T00:00:00.000Z' }).execute(),
    ).rejects.toThrow();
    if (database.dialect === 'sqlite') {
      const r = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(database.db);
      expect(r.rows[0]?.foreign_keys).toBe(1);
    }
  });
});
