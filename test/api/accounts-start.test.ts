/** Accounts at start: demo accounts outside production (Dongping's included), and the production admin check. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAdminExists, NoAdminError } from '../../src/server/commands/assert-admin-exists.js';
import { ensureDemoUsers } from '../../src/server/commands/ensure-demo-users.js';
import { loadProfile } from '../../src/server/commands/load-profile.js';
import { profileContentHash, readProfileDir } from '../../src/server/profile/read-profile-dir.js';
import { createTestApp, login, testConfig, type TestApp } from '../app.js';
import { createTestDatabase, dialectUnderTest } from '../database.js';
import { ManualClock } from '../../src/domain/clock.js';

describe(`demo accounts and the admin check (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ users: [{ username: 'leader', role: 'leader' }] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the missing demo accounts with the demo password and never touches existing ones', async () => {
    const before = await t.database.db.selectFrom('users').select(['password_hash', 'role']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    const result = await ensureDemoUsers(t.ctx, [
      { username: 'leader', personnel: 'P4', role: 'dispatcher' },
      { username: 'inspector1', personnel: 'P1', role: 'inspector', station: 'S1' },
      { username: 'cgzd', personnel: 'P3', role: 'department_handler', department: 'D1' },
      { username: 'broken', personnel: 'P1', role: 'inspector', station: 'NOPE' },
    ]);
    expect(result).toEqual({
      created: ['inspector1', 'cgzd'],
      existing: ['leader'],
      failed: [{ username: 'broken', reason: 'The request is not valid; body.stationCode: no station NOPE' }],
    });
    const after = await t.database.db.selectFrom('users').select(['password_hash', 'role']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const cookie = await login(t.app, 'cgzd', 'cityops-demo');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.json().actor).toMatchObject({ role: 'department_handler', departmentCode: 'D1', displayName: '王五' });
    expect((await ensureDemoUsers(t.ctx, [{ username: 'cgzd', personnel: 'P3', role: 'department_handler', department: 'D1' }])).created).toEqual([]);
  });

  it('refuses to create demo accounts in production', async () => {
    const ctx = { ...t.ctx, config: testConfig({ nodeEnv: 'production' }) };
    await expect(ensureDemoUsers(ctx, [{ username: 'x9', personnel: 'P1', role: 'leader' }])).rejects.toThrow(/production/);
  });

  it('assertAdminExists fails without an active system administrator', async () => {
    await expect(assertAdminExists(t.database, t.ctx.townId)).rejects.toBeInstanceOf(NoAdminError);
    await expect(assertAdminExists(t.database, t.ctx.townId)).rejects.toThrow('cityops user create --username admin --role admin');
    await ensureDemoUsers(t.ctx, [{ username: 'admin', personnel: 'P4', role: 'system_admin' }]);
    await expect(assertAdminExists(t.database, t.ctx.townId)).resolves.toBeUndefined();
    await t.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'admin').execute();
    await expect(assertAdminExists(t.database, t.ctx.townId)).rejects.toBeInstanceOf(NoAdminError);
  });
});

describe(`the Dongping profile's demo accounts (${dialectUnderTest})`, () => {
  it('all exist after a first start, each with the documented role and scope', async () => {
    const database = await createTestDatabase();
    try {
      const { profile, problems } = await readProfileDir(path.resolve('profiles/dongping'));
      expect(problems).toEqual([]);
      if (!profile) throw new Error('profile did not load');
      const clock = new ManualClock('2026-03-02T01:00:00Z');
      await loadProfile(database, profile, profileContentHash(profile), { at: clock.now().toISOString(), by: 'test' });
      const ctx = { database, clock, townId: profile.town.code, config: testConfig() };
      const result = await ensureDemoUsers(ctx, profile.demoUsers);
      expect(result.failed).toEqual([]);
      const rows = await database.db.selectFrom('users').select(['username', 'role', 'station_code', 'department_code']).orderBy('username').execute();
      const byName = Object.fromEntries(rows.map((r) => [r.username, [r.role, r.station_code ?? r.department_code ?? '-'].join(' ')]));
      expect(byName).toMatchObject({
        admin: 'system_admin -',
        dispatcher: 'dispatcher -',
        coordinator: 'coordinator -',
        supervisor: 'supervisor -',
        leader: 'leader -',
        inspector1: 'inspector QS',
        station1: 'station_chief QS',
        cgzd: 'department_handler CGZD',
        scs: 'department_handler SCS',
        securityadmin: 'security_admin -',
        auditor: 'auditor -',
      });
    } finally {
      await database.destroy();
    }
  });
});
