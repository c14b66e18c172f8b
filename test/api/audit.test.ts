/** The audit log: append-only in the database itself; readable by auditors, not by the system administrator. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

describe(`audit log (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) at the database', async () => {
    await login(t.app, 'leader');
    const before = await t.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await expect(t.database.db.updateTable('audit_log').set({ outcome: 'failure' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (t.database.dialect === 'postgres') await expect(sql`truncate audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    expect(await t.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('the system administrator may not read it (三员分立); the auditor and the security administrator may', async () => {
    const admin = await login(t.app, 'admin');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: admin } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().permission).toBe('audit:read');
    for (const who of ['auditor', 'securityadmin']) {
      const cookie = await login(t.app, who);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie } })).statusCode).toBe(200);
    }
  });

  it('filters and pages newest first with a cursor, and records that it was read', async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'ghost', password: 'x' } });
    const cookie = await login(t.app, 'auditor');
    const page1 = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=session.login_failed&limit=2', headers: { cookie } });
    expect(page1.statusCode).toBe(200);
    const body1 = page1.json();
    expect(body1.items).toHaveLength(2);
    expect(body1.items[0]).toMatchObject({ actorType: 'anonymous', actorName: 'ghost', action: 'session.login_failed', outcome: 'failure', detail: { reason: 'unknown_user' } });
    expect(body1.items[0].id).toBeGreaterThan(body1.items[1].id);
    expect(body1.nextCursor).toBe(String(body1.items[1].id));
    const page2 = await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=session.login_failed&limit=2&cursor=${body1.nextCursor}`, headers: { cookie } });
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().nextCursor).toBeNull();

    const byActor = await t.app.inject({ method: 'GET', url: '/api/v1/audit?actorName=admin&outcome=denied', headers: { cookie } });
    expect(byActor.json().items.map((i: { action: string }) => i.action)).toEqual(['access.denied']);
    const window = await t.app.inject({ method: 'GET', url: '/api/v1/audit?from=2026-03-02T09:00:00%2B08:00&to=2026-03-02T01:00:00.001Z&action=session.login&actorName=leader', headers: { cookie } });
    expect(window.json().items).toHaveLength(1);
    const empty = await t.app.inject({ method: 'GET', url: '/api/v1/audit?to=2026-03-02T01:00:00.000Z', headers: { cookie } });
    expect(empty.json().items).toEqual([]);

    const readRows = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.read').where('actor_name', '=', 'auditor').execute();
    expect(readRows.length).toBe(6);
  });
});
