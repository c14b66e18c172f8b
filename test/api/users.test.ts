/** Accounts over HTTP: who may list, create and change them (三员分立), on a real database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`users (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: string;
  let security: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, 'admin');
    security = await login(t.app, 'securityadmin');
  });
  afterAll(async () => {
    await t.close();
  });
  const idOf = async (username: string) => (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('the system administrator lists accounts, without any secret', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users?role=inspector', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((u: { username: string }) => u.username)).toEqual(['inspector1', 'inspector2']);
    expect(res.body).not.toContain('argon2');
    expect(res.json()[0]).toMatchObject({ role: 'inspector', stationCode: 'S1', displayName: '张三丰', active: true, locked: false });
  });

  it('a dispatcher gets 403 problem+json naming the missing permission, and the refusal is audited', async () => {
    const cookie = await login(t.app, 'dispatcher');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', permission: 'users:read', reason: 'OUT_OF_SCOPE' });
    expect(res.json().message.en).toBe('users:read is allowed only for your own account');
    const row = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').where('actor_name', '=', 'dispatcher').executeTakeFirstOrThrow();
    expect(row.outcome).toBe('denied');
    expect(JSON.parse(row.detail ?? '{}')).toMatchObject({ permission: 'users:read', method: 'GET', url: '/api/v1/users' });
  });

  it('creates a user (system admin) who can then log in; the creation is audited', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie: admin },
      payload: { username: 'inspector3', password: 'Qianshao-2026', role: 'inspector', stationCode: 'S2', displayName: '钱七' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'inspector3', role: 'inspector', stationCode: 'S2', displayName: '钱七' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'inspector3', password: 'Qianshao-2026' } })).statusCode).toBe(200);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').where('actor_name', '=', 'admin').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.resource_id).toBe(res.json().id);
    expect(audit[0]?.detail).not.toContain('Qianshao');
  });

  it('refuses a weak password, a scope that does not fit the role, unknown codes and a taken username', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload });
    const weak = await post({ username: 'x1', password: 'password', role: 'leader' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.password']);
    const noStation = await post({ username: 'x2', password: 'Qianshao-2026', role: 'station_chief' });
    expect(noStation.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.stationCode']);
    const unknown = await post({ username: 'x3', password: 'Qianshao-2026', role: 'department_handler', departmentCode: 'NOPE', personnelCode: 'P99' });
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.departmentCode', 'body.personnelCode']);
    const taken = await post({ username: 'leader', password: 'Qianshao-2026', role: 'leader' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('USERNAME_TAKEN');
    const count = await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('username', 'in', ['x1', 'x2', 'x3']).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('the security administrator may not create accounts but may assign roles and unlock', async () => {
    const create = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: security }, payload: { username: 'x4', password: 'Qianshao-2026', role: 'leader' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().permission).toBe('users:create');

    const id = await idOf('inspector2');
    const victim = await login(t.app, 'inspector2');
    const role = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: security }, payload: { role: 'station_chief', stationCode: 'S2' } });
    expect(role.statusCode).toBe(200);
    expect(role.json()).toMatchObject({ role: 'station_chief', stationCode: 'S2' });
    // a change of role ends the user's sessions
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: victim } })).statusCode).toBe(401);

    const rename = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: security }, payload: { displayName: '李四四' } });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().permission).toBe('users:update');
  });

  it('unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'coordinator', password: 'wrong' } });
    const id = await idOf('coordinator');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/users?role=coordinator', headers: { cookie: security } });
    expect(list.json()[0]).toMatchObject({ locked: true, lockedUntil: '2026-03-02T01:15:00.000Z' });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: security }, payload: { unlock: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, lockedUntil: null, failedAttempts: 0 });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'coordinator', password: 'cityops-demo' } })).statusCode).toBe(200);
  });

  it('nobody changes their own role or disables themselves', async () => {
    const id = await idOf('admin');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin }, payload: { role: 'leader' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SELF_CHANGE_FORBIDDEN');
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin }, payload: { active: false } });
    expect(off.json().code).toBe('SELF_CHANGE_FORBIDDEN');
  });

  it('the auditor may change nothing', async () => {
    const auditor = await login(t.app, 'auditor');
    const id = await idOf('leader');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: auditor }, payload: { unlock: true } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: auditor } })).statusCode).toBe(403);
  });

  it('PATCH of an unknown id is 404', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/users/00000000-0000-4000-8000-000000000000', headers: { cookie: admin }, payload: { displayName: '某人' } });
    expect(res.statusCode).toBe(404);
  });
});
