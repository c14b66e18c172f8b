/** Log in, who am I, log out, lockout, idle timeout — on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

const minutes = (n: number) => n * 60_000;

async function auditActions(t: TestApp, username: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_name', '=', username).orderBy('id').execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe(`session (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in: 200, an httpOnly SameSite=Lax session cookie on Path=/, the actor and its permissions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'dispatcher', password: 'cityops-demo' } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^cityops_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const body = res.json();
    expect(body.actor).toMatchObject({ kind: 'user', username: 'dispatcher', role: 'dispatcher', displayName: '赵六', personnelCode: 'P4', scopes: null });
    expect(body.actor.permissions['citizen_data:read']).toEqual(['town']);
    expect(body.actor.permissions['users:create']).toBeUndefined();
    expect(body.session).toEqual({ expiresAt: '2026-03-02T13:00:00.000Z', idleMinutes: 30 });
  });

  it('never stores the raw token: sessions.id is its SHA-256', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'leader', password: 'cityops-demo' } });
    const token = res.cookies.find((c) => c.name === 'cityops_session')?.value ?? '';
    const ids = (await t.database.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(ids).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('sets Secure behind an https proxy (x-forwarded-proto)', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/session', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'coordinator', password: 'cityops-demo' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
  });

  it('GET /session says who I am; without a cookie it is 401 problem+json', async () => {
    const cookie = await login(t.app, 'inspector1');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().actor).toMatchObject({ username: 'inspector1', role: 'inspector', stationCode: 'S1' });
    expect(me.json().actor.permissions['cases:read']).toEqual(['own_station']);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect(anon.json().code).toBe('UNAUTHENTICATED');
  });

  it('DELETE /session logs out: the cookie is cleared and no longer works', async () => {
    const cookie = await login(t.app, 'supervisor');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/cityops_session=;/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(await auditActions(t, 'supervisor')).toEqual(['session.login:success', 'session.logout:success']);
  });

  it('a wrong password is 401 INVALID_CREDENTIALS problem+json, same as an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'leader', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody', password: 'nope' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await auditActions(t, 'nobody')).toEqual(['session.login_failed:failure']);
  });

  it('an unknown username costs as much time as a wrong password (one argon2id verification each)', async () => {
    const time = async (username: string) => {
      const started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'not-the-password' } });
      expect(res.statusCode).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 4; i++) {
      unknown.push(await time('nobody2'));
      wrong.push(await time('auditor'));
    }
    // without the dummy verification an unknown user answers ~10× faster
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    await login(t.app, 'auditor'); // a success resets the failure count
  });

  it('5 consecutive failures lock the account for 15 minutes (423 even with the right password), then it opens', async () => {
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'teammanager', password } });
    for (let i = 1; i <= 4; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const fifth = await attempt('wrong');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', lockedUntil: '2026-03-02T01:15:00.000Z' });
    const right = await attempt('cityops-demo');
    expect(right.statusCode).toBe(423);
    expect(right.headers['content-type']).toContain('application/problem+json');

    t.clock.advance(minutes(14) + 59_000);
    expect((await attempt('cityops-demo')).statusCode).toBe(423);
    t.clock.advance(1_000);
    expect((await attempt('cityops-demo')).statusCode).toBe(200);
    const user = await t.database.db.selectFrom('users').select(['failed_attempts', 'locked_until']).where('username', '=', 'teammanager').executeTakeFirstOrThrow();
    expect(user).toEqual({ failed_attempts: 0, locked_until: null });
    expect(await auditActions(t, 'teammanager')).toEqual([
      ...Array(5).fill('session.login_failed:failure'),
      'session.locked:success',
      'session.login_failed:denied',
      'session.login_failed:denied',
      'session.login:success',
    ]);
    t.clock.set('2026-03-02T01:00:00.000Z');
  });

  it('a success resets the failure count: 4 failures, a success, 4 failures do not lock', async () => {
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'emergency', password } });
    for (let i = 0; i < 4; i++) await attempt('wrong');
    expect((await attempt('cityops-demo')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt('cityops-demo')).statusCode).toBe(200);
  });

  it('an idle session expires after sessionIdleMinutes; activity slides it (at most one write a minute)', async () => {
    const start = t.clock.now().getTime();
    const cookie = await login(t.app, 'handler1');
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    t.clock.set(new Date(start + minutes(29)));
    expect((await me()).statusCode).toBe(200); // slides last_seen_at to +29
    t.clock.set(new Date(start + minutes(29) + 30_000));
    expect((await me()).statusCode).toBe(200); // within a minute: no write
    const row = await t.database.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select('s.last_seen_at').where('u.username', '=', 'handler1').executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(new Date(start + minutes(29)).toISOString());
    t.clock.set(new Date(start + minutes(58)));
    expect((await me()).statusCode).toBe(200);
    t.clock.set(new Date(start + minutes(88)));
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
    expect((await me()).json().code).toBe('UNAUTHENTICATED'); // the row is gone
    expect(await auditActions(t, 'handler1')).toEqual(['session.login:success', 'session.expired:success']);
    t.clock.set('2026-03-02T01:00:00.000Z');
  });

  it('a session ends after 12 hours whatever the activity', async () => {
    const start = t.clock.now().getTime();
    const cookie = await login(t.app, 'handler2');
    for (let m = 20; m < 12 * 60; m += 20) {
      t.clock.set(new Date(start + minutes(m)));
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(200);
    }
    t.clock.set(new Date(start + minutes(12 * 60)));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    t.clock.set('2026-03-02T01:00:00.000Z');
  });

  it('a deactivated user is refused at login and loses open sessions', async () => {
    const cookie = await login(t.app, 'station1');
    const admin = await login(t.app, 'admin');
    const id = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'station1').executeTakeFirstOrThrow()).id;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie: admin }, payload: { active: false } });
    expect(patch.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'station1', password: 'cityops-demo' } });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('INVALID_CREDENTIALS');
  });
});
