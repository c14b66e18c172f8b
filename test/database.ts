/**
 * The database harness: each test file gets a fresh, migrated database of the dialect under test —
 * SQLite in a temp file by default, PostgreSQL (a copy of the migrated template) when
 * TEST_DATABASE_URL is set. Never a mock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type Database } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { databaseUrlFor } from './pg-url.js';

export interface TestDatabase extends Database {
  /** drops the database (PostgreSQL) or deletes the file (SQLite) */
  destroy(): Promise<void>;
  /** how another process reaches the same database: DATABASE_URL, or the SQLite file */
  url: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (adminUrl && template) {
    const name = `cityops_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.end();
    }
    const database = openPostgres(databaseUrlFor(adminUrl, name), 5);
    return {
      ...database,
      url: databaseUrlFor(adminUrl, name),
      async destroy() {
        await database.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  return createSqliteTestDatabase();
}

/** A fresh, migrated SQLite file whatever the dialect under test (for what only SQLite has: its writer thread). */
export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-test-'));
  const database = openSqlite(path.join(dir, 'test.db'));
  await migrateToLatest(database);
  return {
    ...database,
    url: path.join(dir, 'test.db'),
    async destroy() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const dialectUnderTest = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
