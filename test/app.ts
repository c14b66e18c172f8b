/**
 * An app on a fresh real database with a tiny loaded town and one account per role, for API tests:
 *   const t = await createTestApp();
 *   const cookie = await login(t.app, 'dispatcher');
 *   await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { cookie } });
 *   await t.close();
 * Time is a ManualClock (t.clock.advance(ms)); every account's password is `testPassword`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../src/domain/clock.js';
import type { Profile, Role } from '../src/domain/profile/schema.js';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/server/commands/create-user.js';
import { loadProfile } from '../src/server/commands/load-profile.js';
import { systemActor } from '../src/server/commands/record-audit.js';
import type { Config } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { createAppContext } from '../src/server/create-context.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { testProfile } from './profile-fixture.js';

export const testPassword = 'cityops-demo';
export const testTownId = '310151999';

export interface TestUser {
  username: string;
  role: Role;
  station?: string;
  department?: string;
  personnel?: string;
}

/** One account per role; inspector1/station1 belong to station S1, inspector2 to S2, handler1 to D1. */
export const defaultTestUsers: TestUser[] = [
  { username: 'dispatcher', role: 'dispatcher', personnel: 'P4' },
  { username: 'coordinator', role: 'coordinator' },
  { username: 'supervisor', role: 'supervisor' },
  { username: 'teammanager', role: 'team_manager' },
  { username: 'emergency', role: 'emergency_officer' },
  { username: 'leader', role: 'leader' },
  { username: 'inspector1', role: 'inspector', station: 'S1', personnel: 'P1' },
  { username: 'inspector2', role: 'inspector', station: 'S2', personnel: 'P2' },
  { username: 'station1', role: 'station_chief', station: 'S1', department: 'S1-team' },
  { username: 'handler1', role: 'department_handler', department: 'D1', personnel: 'P3' },
  { username: 'handler2', role: 'department_handler', department: 'D2' },
  { username: 'admin', role: 'system_admin' },
  { username: 'securityadmin', role: 'security_admin' },
  { username: 'auditor', role: 'auditor' },
];

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  clock: ManualClock;
  close(): Promise<void>;
}

export interface TestAppOptions {
  users?: TestUser[];
  /** where the clock starts (default 2026-03-02T01:00:00Z, a Monday 09:00 in Shanghai) */
  now?: string;
  config?: Partial<Config>;
  /** adjust the fixture profile before it is loaded */
  profile?: (profile: Profile) => Profile;
}

export function testConfig(patch: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent/cityops-test',
    databaseUrl: null,
    nodeEnv: 'test',
    profileDir: '/nonexistent/cityops-test-profile',
    sessionIdleMinutes: 30,
    logLevel: 'silent',
    tileUrl: null,
    webDir: '/nonexistent/cityops-test-web',
    ...patch,
  };
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(options.now ?? '2026-03-02T01:00:00.000Z');
  const profile = (options.profile ?? ((p) => p))(testProfile(testTownId));
  await loadProfile(database, profile, 'test-profile', { at: clock.now().toISOString(), by: 'test' });
  // a data directory of its own: the field cipher keeps its key file there
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-app-'));
  const ctx: AppContext = createAppContext(database, testConfig({ dataDir, ...options.config }), clock, profile.town.code);
  for (const u of options.users ?? defaultTestUsers) {
    await createUser(
      ctx,
      { username: u.username, password: testPassword, role: u.role, stationCode: u.station ?? null, departmentCode: u.department ?? null, personnelCode: u.personnel ?? null },
      { actor: systemActor },
      { skipPasswordPolicy: true },
    );
  }
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    database,
    clock,
    async close() {
      await app.close();
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in and returns the `cookie` header value to send with later requests. */
export async function login(app: FastifyInstance, username: string, password = testPassword): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cityops_session');
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return `cityops_session=${cookie.value}`;
}
