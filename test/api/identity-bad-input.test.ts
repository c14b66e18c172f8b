/**
 * Bad input on every identity endpoint: malformed JSON, wrong types, unknown fields, oversized bodies,
 * SQL and script fragments → 4xx problem+json, never 5xx, and nothing changed in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Case {
  name: string;
  method: Method;
  url: string;
  body?: string;
  contentType?: string;
  as?: 'admin' | 'security' | 'none';
}

const sqlFragment = "' OR 1=1 --";
const script = '<script>alert(1)</script>';
const big = JSON.stringify({ username: 'a'.repeat(2_000_000), password: 'x' });
const json = (v: unknown) => JSON.stringify(v);

describe(`identity endpoints reject bad input (${dialectUnderTest})`, () => {
  let t: TestApp;
  let cookies: Record<'admin' | 'security', string>;
  let leaderId: string;
  let keyId: string;
  beforeAll(async () => {
    t = await createTestApp();
    cookies = { admin: await login(t.app, 'admin'), security: await login(t.app, 'securityadmin') };
    leaderId = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
    const key = await t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: cookies.security }, payload: { name: '热线', role: 'dispatcher', scopes: ['cases:create'] } });
    keyId = key.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const cases = (): Case[] => [
    // POST /session
    { name: 'login: malformed JSON', method: 'POST', url: '/api/v1/session', body: '{"username": "admin", ' , as: 'none' },
    { name: 'login: empty body', method: 'POST', url: '/api/v1/session', body: '', as: 'none' },
    { name: 'login: wrong types', method: 'POST', url: '/api/v1/session', body: json({ username: 123, password: true }), as: 'none' },
    { name: 'login: unknown field', method: 'POST', url: '/api/v1/session', body: json({ username: 'admin', password: 'cityops-demo', role: 'system_admin' }), as: 'none' },
    { name: 'login: SQL in username', method: 'POST', url: '/api/v1/session', body: json({ username: sqlFragment, password: sqlFragment }), as: 'none' },
    { name: 'login: script in username', method: 'POST', url: '/api/v1/session', body: json({ username: script, password: 'x' }), as: 'none' },
    { name: 'login: oversized', method: 'POST', url: '/api/v1/session', body: big, as: 'none' },
    { name: 'login: plain text', method: 'POST', url: '/api/v1/session', body: 'username=admin', contentType: 'text/plain', as: 'none' },
    { name: 'login: XML', method: 'POST', url: '/api/v1/session', body: '<login><username>admin</username></login>', contentType: 'application/xml', as: 'none' },
    { name: 'login: array body', method: 'POST', url: '/api/v1/session', body: json([{ username: 'admin' }]), as: 'none' },
    // GET /users
    { name: 'users: unknown query', method: 'GET', url: '/api/v1/users?where=1', as: 'admin' },
    { name: 'users: SQL in role filter', method: 'GET', url: `/api/v1/users?role=${encodeURIComponent(sqlFragment)}`, as: 'admin' },
    { name: 'users: bad active flag', method: 'GET', url: '/api/v1/users?active=yes', as: 'admin' },
    // POST /users
    { name: 'create user: malformed JSON', method: 'POST', url: '/api/v1/users', body: '{"username":', as: 'admin' },
    { name: 'create user: wrong types', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 12345678, role: 'leader' }), as: 'admin' },
    { name: 'create user: unknown field', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 'Qianshao-2026', role: 'leader', isAdmin: true }), as: 'admin' },
    { name: 'create user: unknown role', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 'Qianshao-2026', role: 'root' }), as: 'admin' },
    { name: 'create user: SQL in username', method: 'POST', url: '/api/v1/users', body: json({ username: sqlFragment, password: 'Qianshao-2026', role: 'leader' }), as: 'admin' },
    { name: 'create user: script in display name', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 'Qianshao-2026', role: 'leader', displayName: script }), as: 'admin' },
    { name: 'create user: SQL in display name', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 'Qianshao-2026', role: 'leader', displayName: sqlFragment }), as: 'admin' },
    { name: 'create user: SQL in station code', method: 'POST', url: '/api/v1/users', body: json({ username: 'newbie', password: 'Qianshao-2026', role: 'inspector', stationCode: sqlFragment }), as: 'admin' },
    { name: 'create user: oversized', method: 'POST', url: '/api/v1/users', body: big, as: 'admin' },
    // PATCH /users/:id
    { name: 'patch user: malformed JSON', method: 'PATCH', url: '/api/v1/users/{leader}', body: '{', as: 'admin' },
    { name: 'patch user: empty patch', method: 'PATCH', url: '/api/v1/users/{leader}', body: json({}), as: 'admin' },
    { name: 'patch user: wrong types', method: 'PATCH', url: '/api/v1/users/{leader}', body: json({ active: 'no' }), as: 'admin' },
    { name: 'patch user: unknown field', method: 'PATCH', url: '/api/v1/users/{leader}', body: json({ passwordHash: 'x' }), as: 'admin' },
    { name: 'patch user: unlock false', method: 'PATCH', url: '/api/v1/users/{leader}', body: json({ unlock: false }), as: 'admin' },
    { name: 'patch user: SQL in id', method: 'PATCH', url: `/api/v1/users/${encodeURIComponent("1' OR '1'='1")}`, body: json({ displayName: '某人' }), as: 'admin' },
    { name: 'patch user: script in name', method: 'PATCH', url: '/api/v1/users/{leader}', body: json({ displayName: script }), as: 'admin' },
    { name: 'patch user: oversized', method: 'PATCH', url: '/api/v1/users/{leader}', body: big, as: 'admin' },
    // API keys
    { name: 'create key: malformed JSON', method: 'POST', url: '/api/v1/api-keys', body: '[', as: 'security' },
    { name: 'create key: wrong types', method: 'POST', url: '/api/v1/api-keys', body: json({ name: 'x', role: 'dispatcher', scopes: 'cases:create' }), as: 'security' },
    { name: 'create key: unknown field', method: 'POST', url: '/api/v1/api-keys', body: json({ name: 'x', role: 'dispatcher', scopes: ['cases:create'], secret: 'mine' }), as: 'security' },
    { name: 'create key: SQL in name', method: 'POST', url: '/api/v1/api-keys', body: json({ name: sqlFragment, role: 'dispatcher', scopes: ['cases:create'] }), as: 'security' },
    { name: 'create key: script in name', method: 'POST', url: '/api/v1/api-keys', body: json({ name: script, role: 'dispatcher', scopes: ['cases:create'] }), as: 'security' },
    { name: 'create key: oversized', method: 'POST', url: '/api/v1/api-keys', body: big, as: 'security' },
    { name: 'revoke key: SQL in id', method: 'DELETE', url: `/api/v1/api-keys/${encodeURIComponent(sqlFragment)}`, as: 'security' },
    { name: 'list keys: unknown query', method: 'GET', url: '/api/v1/api-keys?all=1', as: 'security' },
    // GET /audit
    { name: 'audit: SQL in action', method: 'GET', url: `/api/v1/audit?action=${encodeURIComponent(sqlFragment)}`, as: 'security' },
    { name: 'audit: script in actorName', method: 'GET', url: `/api/v1/audit?actorName=${encodeURIComponent(script)}`, as: 'security' },
    { name: 'audit: bad cursor', method: 'GET', url: '/api/v1/audit?cursor=-1', as: 'security' },
    { name: 'audit: limit too big', method: 'GET', url: '/api/v1/audit?limit=100000', as: 'security' },
    { name: 'audit: bad date', method: 'GET', url: '/api/v1/audit?from=yesterday', as: 'security' },
    { name: 'audit: unknown query', method: 'GET', url: '/api/v1/audit?order=asc', as: 'security' },
    // personnel
    { name: 'personnel: SQL in station', method: 'GET', url: `/api/v1/personnel?station=${encodeURIComponent(sqlFragment)}`, as: 'admin' },
    { name: 'personnel: unknown query', method: 'GET', url: '/api/v1/personnel?phone=1', as: 'admin' },
    { name: 'personnel: script in code', method: 'GET', url: `/api/v1/personnel/${encodeURIComponent(script)}`, as: 'admin' },
    // DELETE /session with a body it does not take
    { name: 'logout: garbage cookie', method: 'DELETE', url: '/api/v1/session', as: 'none' },
  ];

  async function snapshot() {
    const count = async (table: 'users' | 'api_keys' | 'audit_log') =>
      Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const users = await t.database.db.selectFrom('users').select(['id', 'username', 'role', 'display_name', 'active', 'failed_attempts', 'locked_until', 'station_code']).orderBy('id').execute();
    const keys = await t.database.db.selectFrom('api_keys').select(['id', 'name', 'revoked_at']).orderBy('id').execute();
    return { users, keys, counts: [await count('users'), await count('api_keys'), await count('audit_log')] };
  }

  it('answers every case with 4xx problem+json and changes nothing', async () => {
    const before = await snapshot();
    const seen: string[] = [];
    for (const c of cases()) {
      const cookie = c.as === 'admin' ? cookies.admin : c.as === 'security' ? cookies.security : undefined;
      const res = await t.app.inject({
        method: c.method,
        url: c.url.replace('{leader}', leaderId).replace('{key}', keyId),
        headers: {
          ...(c.body !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
          ...(cookie ? { cookie } : c.name.includes('garbage') ? { cookie: `cityops_session=${encodeURIComponent(sqlFragment)}` } : {}),
        },
        ...(c.body !== undefined ? { payload: c.body } : {}),
      });
      seen.push(`${c.name}: ${res.statusCode}`);
      expect(res.statusCode, `${c.name}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, c.name).toBeLessThan(500);
      expect(res.headers['content-type'], c.name).toContain('application/problem+json');
      const body = res.json();
      expect(typeof body.code, c.name).toBe('string');
      expect(body.message?.zh, c.name).toBeTruthy();
      expect(res.body, c.name).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await snapshot()).toEqual(before);
    // a few exact codes, so the table above cannot pass by accident
    expect(seen).toContain('login: malformed JSON: 400');
    expect(seen).toContain('login: oversized: 413');
    expect(seen).toContain('login: XML: 415');
    expect(seen).toContain('create user: unknown field: 400');
    expect(seen).toContain('logout: garbage cookie: 401');
  });
});
