/** Column types that differ by dialect, for migrations (DESIGN D1: instants are timestamptz on PostgreSQL, ISO text on SQLite). */
import { PostgresAdapter, type Kysely } from 'kysely';

export interface ColumnTypes {
  instant: 'timestamptz' | 'text';
  /** flags are 0/1 integers on both dialects, so one code path reads them */
  flag: 'integer';
  /** JSON documents are text on both dialects; queries never reach inside them */
  json: 'text';
  /** auto-increment primary key */
  serial: 'bigserial' | 'integer';
  bigint: 'bigint' | 'integer';
  real: 'double precision' | 'real';
}

// Migrations are written against an untyped Kysely on purpose: they describe the schema's history.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function columnTypes(db: AnyDb): ColumnTypes {
  const pg = isPostgres(db);
  return {
    instant: pg ? 'timestamptz' : 'text',
    flag: 'integer',
    json: 'text',
    serial: pg ? 'bigserial' : 'integer',
    bigint: pg ? 'bigint' : 'integer',
    real: pg ? 'double precision' : 'real',
  };
}
