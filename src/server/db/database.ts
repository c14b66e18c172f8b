/**
 * The one query layer (DESIGN D1): Kysely over better-sqlite3 (embedded default) or PostgreSQL.
 * Instants are ISO-8601 UTC strings in TypeScript on both dialects: text on SQLite, timestamptz on
 * PostgreSQL parsed back to ISO strings here, so repositories never see a Date.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import { GroupCommitter, type FlushWriter, type WriteOptions } from './group-commit.js';
import { SqliteWriter } from './sqlite-writer.js';
import pg from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  /**
   * runs a write transaction, group-committed with the writes that arrive meanwhile (see
   * group-commit.ts); `run` may be run again if its batch fails, so it must start from scratch
   */
  write<T>(run: (trx: Transaction<DB>) => Promise<T>, options?: WriteOptions): Promise<T>;
  dialect: Dialect;
  /** where the SQLite file lives, or the PostgreSQL URL without its password */
  location: string;
  close(): Promise<void>;
}

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v) => new Date(v).toISOString());
pg.types.setTypeParser(TIMESTAMP_OID, (v) => new Date(`${v}Z`).toISOString());
// counts and ids fit in a double for any town's data; keep them numbers on both dialects
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  const pragmas = [
    'journal_mode = WAL',
    'synchronous = FULL',
    // checkpoint every 10 000 pages (40 MB of WAL) rather than SQLite's 1 000: a page rewritten by many
    // commits (counters, the right edge of the time-ordered indexes) is copied to the database once per
    // checkpoint, so fewer checkpoints copy fewer pages; the WAL file is cut back to 64 MB after each
    'wal_autocheckpoint = 10000',
    `journal_size_limit = ${64 * 1024 * 1024}`,
    'foreign_keys = ON',
    'busy_timeout = 5000',
  ];
  for (const p of pragmas) sqlite.pragma(p);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // a file database commits its new cases' batches on a writer thread (sqlite-writer.ts)
  const writer = file === ':memory:' ? undefined : new SqliteWriter(file, pragmas);
  const committer = new GroupCommitter(db, { writer });
  return {
    db,
    write: (run, options) => committer.write(run, options),
    dialect: 'sqlite',
    location: file,
    close: async () => {
      // a batch in the writer's hands is committed before the writer closes: its messages are in order
      await writer?.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and preparing is a good
 * part of a small query's cost. The one connection runs one statement at a time, so sharing is safe.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = sqlite.prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  };
  return new Proxy(sqlite, {
    get: (target, prop) => {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      // native methods must be called on the real database object
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle connection that the server drops (restart, failover, an administrator's terminate) must
  // not crash the process: the pool discards it and the next query opens a new one
  pool.on('error', (error) => {
    console.warn(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const committer = new GroupCommitter(db, { writer: autocommitWriter(db, pool) });
  return { db, write: (run, options) => committer.write(run, options), dialect: 'postgres', location: url.replace(/:\/\/([^:@/]+):[^@]*@/, '://$1:***@'), close: () => db.destroy() };
}

/**
 * PostgreSQL commits a batch's flush from the pool: its writes are one statement (combined-statement.ts)
 * and so a transaction of their own, with no BEGIN and no COMMIT to wait for; more (a flush beyond the
 * protocol's parameter limit) take a transaction. Given the pool, the one statement is a named one: its
 * rows are JSON parameters (bulk-insert.ts), so its text depends only on the tables it writes, and each
 * connection parses and plans each text once (an INSERT's generic plan is its custom plan) instead of
 * at every flush.
 */
export function autocommitWriter(db: Kysely<DB>, pool?: pg.Pool): FlushWriter {
  let naming = pool !== undefined;
  return {
    commit: async (queries) => {
      const name = naming && queries.length === 1 ? statementName(queries[0]!.sql) : undefined;
      if (name) {
        try {
          await pool!.query({ name, text: queries[0]!.sql, values: queries[0]!.parameters as unknown[] });
          return;
        } catch (error) {
          // a connection pooler that does not keep named statements (PgBouncer's transaction mode before
          // 1.21) loses them, or finds them already made on another connection; nothing was run: unnamed from now on
          if (!lostNamedStatement(error)) throw error;
          console.warn(`PostgreSQL lost a named statement (${(error as Error).message}): the flush is sent unnamed from now on`);
          naming = false;
        }
      }
      if (queries.length === 1) await db.executeQuery(queries[0]!);
      else await db.transaction().execute(async (trx) => {
        for (const query of queries) await trx.executeQuery(query);
      });
    },
  };
}

/** invalid_sql_statement_name (26000), duplicate_prepared_statement (42P05) */
function lostNamedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '26000' || code === '42P05';
}

/** at most this many texts are named: each connection keeps every one it has run */
const NAMED_STATEMENTS_LIMIT = 200;
const statementNames = new Map<string, string>();

/** a name for the flush's text, the same in every process (a hash of the text); undefined past the limit */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < NAMED_STATEMENTS_LIMIT) {
    name = `cityops_flush_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

export function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Database {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(path.join(options.dataDir, 'cityops.db'));
}
