/** Scoped API keys for machine clients: issue, use, revoke. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`API keys (${dialectUnderTest})`, () => {
  let t: TestApp;
  let security: string;
  beforeAll(async () => {
    t = await createTestApp();
    security = await login(t.app, 'securityadmin');
  });
  afterAll(async () => {
    await t.close();
  });

  const issue = (payload: object, cookie = security) => t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie }, payload });

  it('issues a key shown once; only its prefix and a hash are stored; it authenticates as the machine client', async () => {
    const res = await issue({ name: '视频智能分析', role: 'dispatcher', scopes: ['personnel:read', 'cases:create'] });
    expect(res.statusCode).toBe(201);
    const { key, prefix, id } = res.json();
    expect(key).toMatch(/^cok_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`cok_${prefix}_`)).toBe(true);
    const row = await t.database.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(key.slice(17));

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${key}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ actor: { kind: 'api_key', username: '视频智能分析', role: 'dispatcher', scopes: ['personnel:read', 'cases:create'] }, session: null });
    expect(me.json().actor.permissions).toEqual({ 'personnel:read': ['town'], 'cases:create': ['town'] });

    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { authorization: `Bearer ${key}` } });
    expect(staff.statusCode).toBe(200);
    // a scope the key does not hold: 403 even though its role would allow it
    const users = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: `Bearer ${key}` } });
    expect(users.statusCode).toBe(403);

    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: security } });
    expect(listed.json()[0]).toMatchObject({ id, prefix, lastUsedAt: '2026-03-02T01:00:00.000Z', revokedAt: null });
    expect(listed.body).not.toContain(key);
  });

  it('a revoked key, a wrong secret and a malformed header are 401 problem+json, and audited', async () => {
    const { key, id } = (await issue({ name: '物联感知', role: 'dispatcher', scopes: ['personnel:read'] })).json();
    const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { authorization: `Bearer ${wrongSecret}` } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('INVALID_API_KEY');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { authorization: "Bearer ' OR 1=1 --" } });
    expect(malformed.statusCode).toBe(401);
    expect(malformed.headers['content-type']).toContain('application/problem+json');

    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${id}`, headers: { cookie: security } });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).toBe('2026-03-02T01:00:00.000Z');
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { authorization: `Bearer ${key}` } });
    expect(after.statusCode).toBe(401);

    const reasons = await t.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'apikey.auth_failed').orderBy('id').execute();
    expect(reasons.map((r) => JSON.parse(r.detail ?? '{}').reason)).toEqual(['wrong_secret', 'malformed', 'revoked']);
  });

  it('refuses administrator roles, unknown scopes and scope-less keys', async () => {
    const admin = await issue({ name: '后门', role: 'system_admin', scopes: ['personnel:read'] });
    expect(admin.statusCode).toBe(400);
    expect(admin.json().errors[0].field).toBe('body.role');
    expect((await issue({ name: 'x', role: 'dispatcher', scopes: ['users:create'] })).statusCode).toBe(400);
    expect((await issue({ name: 'x', role: 'dispatcher', scopes: [] })).statusCode).toBe(400);
    const inspectorKey = await issue({ name: '巡查终端', role: 'inspector', scopes: ['cases:read'] });
    expect(inspectorKey.json().errors[0].field).toBe('body.stationCode');
  });

  it('only account managers handle keys: a leader gets 403 and the attempt is audited', async () => {
    const leader = await login(t.app, 'leader');
    const res = await issue({ name: '领导驾驶舱', role: 'leader', scopes: ['cases:read'] }, leader);
    expect(res.statusCode).toBe(403);
    expect(res.json().permission).toBe('api_keys:create');
    const denied = await t.database.db.selectFrom('audit_log').select('outcome').where('action', '=', 'access.denied').where('actor_name', '=', 'leader').execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('revoking an unknown key is 404', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/api-keys/00000000-0000-4000-8000-000000000000', headers: { cookie: security } });
    expect(res.statusCode).toBe(404);
  });
});
