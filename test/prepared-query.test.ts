/**
 * Prepared queries (repositories/prepared-query.ts): compiled once per database, run with each call's
 * own values, constants of the query kept; a query whose argument is not a bound parameter is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import { preparedQuery } from '../src/server/db/repositories/prepared-query.js';
import { createTestDatabase, type TestDatabase } from './database.js';

describe('preparedQuery', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db
      .insertInto('towns')
      .values(['t1', 't2'].map((id) => ({ id, name: id, district_code: '310151', district_name: '崇明区', timezone: 'Asia/Shanghai', center_lng: 121.4, center_lat: 31.6, boundary: '{}', rules: '{}', profile_hash: 'x', updated_at: '2026-11-25T00:00:00.000Z' })))
      .execute();
  });
  afterAll(() => database.destroy());

  // a constant of the query ('310151') sits between the two arguments among the parameters
  const townsNamed = preparedQuery((db, name: string, id: string) => db.selectFrom('towns').select(['id', 'name']).where('name', '=', name).where('district_code', '=', '310151').where('id', '=', id));

  it('runs one compilation with each call’s own values, and keeps the query’s constants', async () => {
    let compilations = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        compilations++;
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    };
    const db = database.db.withPlugin(counting);
    expect(await townsNamed(db, 't1', 't1')).toEqual([{ id: 't1', name: 't1' }]);
    expect(await townsNamed(db, 't2', 't2')).toEqual([{ id: 't2', name: 't2' }]);
    expect(await townsNamed(db, 't1', 't2')).toEqual([]);
    expect(compilations).toBe(1);
    // another database (here: the same one without the plugin) compiles its own
    expect(await townsNamed(database.db, 't2', 't2')).toEqual([{ id: 't2', name: 't2' }]);
    expect(compilations).toBe(1);
  });

  it('refuses a query in which an argument is not a bound parameter', async () => {
    const inlined = preparedQuery((db, id: string) => db.selectFrom('towns').select('id').where(sql.ref('id'), '=', sql.lit(id)));
    await expect(inlined(database.db, 't1')).rejects.toThrow(/argument 0 is not a bound parameter/);
  });
});
