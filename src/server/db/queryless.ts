/**
 * A Kysely that compiles as the real one does but runs nothing: the group committer runs a batch of
 * jobs that defer all their writes on it, with no transaction and no connection (group-commit.ts). A
 * job that reads after all (a serial head the batch does not hold) gets NeedsConnection, and its batch
 * then goes the ordinary way.
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection } from 'kysely';
import type { DB } from './schema.js';
import { isPostgres } from './migrations/column-types.js';

export class NeedsConnection extends Error {
  constructor() {
    super('a job run without a connection tried to read or write the database');
    this.name = 'NeedsConnection';
  }
}

class RefusingDriver extends DummyDriver {
  override acquireConnection(): Promise<DatabaseConnection> {
    return Promise.reject(new NeedsConnection());
  }
}

/** a queryless instance of `db`'s dialect */
export function querylessLike(db: Kysely<DB>): Kysely<DB> {
  const postgres = isPostgres(db);
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new RefusingDriver(),
      createIntrospector: (k) => (postgres ? new PostgresIntrospector(k) : new SqliteIntrospector(k)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
}
