/** The real Dongping profile, read and validated once per test file, for scenario tests. */
import { fileURLToPath } from 'node:url';
import type { Profile } from '../src/domain/profile/schema.js';
import { readProfileDir } from '../src/server/profile/read-profile-dir.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, login, type TestApp, type TestUser } from './app.js';

export const dongpingDir = fileURLToPath(new URL('../profiles/dongping', import.meta.url));

let cached: Promise<Profile> | null = null;
export function dongpingProfile(): Promise<Profile> {
  cached ??= readProfileDir(dongpingDir).then(({ profile, problems }) => {
    if (!profile) throw new Error(`profiles/dongping has problems: ${JSON.stringify(problems.slice(0, 3))}`);
    return profile;
  });
  return cached;
}

/** Accounts of the loop on the Dongping profile (inspectordf patrols 东风, where 121.47/31.68 lies). */
export const dongpingUsers: TestUser[] = [
  { username: 'dispatcher', role: 'dispatcher' },
  { username: 'coordinator', role: 'coordinator' },
  { username: 'leader', role: 'leader' },
  { username: 'supervisor', role: 'supervisor' },
  { username: 'cgzd', role: 'department_handler', department: 'CGZD' },
  { username: 'scs', role: 'department_handler', department: 'SCS' },
  { username: 'inspectordf', role: 'inspector', station: 'DF' },
  { username: 'inspector1', role: 'inspector', station: 'QS' },
  { username: 'stationdf', role: 'station_chief', station: 'DF' },
  { username: 'auditor', role: 'auditor' },
];

/** A point in 东风 station (grid 310151115001011), outside the expo grids. */
export const pointInDongfeng = { lng: 121.47, lat: 31.68 };

/**
 * A test file's app on the real Dongping profile: made before its tests with every given user logged
 * in (`cookies`), closed after them. `t` stands for the app once it is made.
 */
export function dongpingTestApp(options: { users: TestUser[]; now: string; timeoutMs?: number }): { t: TestApp; cookies: Record<string, string>; logInAll(): Promise<void> } {
  let made: TestApp | undefined;
  const cookies: Record<string, string> = {};
  const t = new Proxy({} as TestApp, {
    get(_, key) {
      if (!made) throw new Error('the test app is made in beforeAll');
      return made[key as keyof TestApp];
    },
  });
  const logInAll = async () => {
    for (const u of options.users) cookies[u.username] = await login(t.app, u.username);
  };
  beforeAll(async () => {
    const profile = await dongpingProfile();
    made = await createTestApp({ profile: () => profile, users: options.users, now: options.now, config: { sessionIdleMinutes: 1_000_000 } });
    await logInAll();
  }, options.timeoutMs);
  afterAll(async () => made?.close());
  return { t, cookies, logInAll };
}
