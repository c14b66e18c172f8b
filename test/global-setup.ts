/**
 * Runs once per `vitest run`. With TEST_DATABASE_URL set, it migrates one PostgreSQL template database;
 * every test file then gets its own fresh copy (CREATE DATABASE … TEMPLATE), which is fast.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPostgres } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { databaseUrlFor } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    project.provide('pgTemplate', null);
    return async () => {};
  }
  const template = `cityops_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = openPostgres(databaseUrlFor(adminUrl, template), 2);
  await migrateToLatest(database);
  await database.close();
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
