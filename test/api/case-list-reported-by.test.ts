/**
 * GET /cases?reportedBy=me (the inspector's 我的上报): only the cases the caller reported itself,
 * never more than the caller's scope; a value other than "me" is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers } from '../dongping.js';

/** a point in 前哨 station, inspector1's */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const users = [...dongpingUsers, { username: 'inspector2', role: 'inspector' as const, station: 'QS' }];

describe(`cases reported by me (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users, now: '2026-03-09T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of ['dispatcher', 'inspector1', 'inspector2']) cookies[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());

  const report = async (who: string, description: string): Promise<string> => {
    const payload = { channel: who === 'dispatcher' ? 'hotline_12345' : 'inspector', description, location: pointInQianshao };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]! }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    t.clock.advance(60_000);
    return res.json().id as string;
  };
  const list = (who: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/cases?${query}`, headers: { cookie: cookies[who]! } });

  it('lists only the caller’s own reports, newest first, while the plain list shows the whole station', async () => {
    const mine1 = await report('inspector1', '前哨村路边垃圾堆放');
    const theirs = await report('inspector2', '前哨村河道漂浮物');
    const hotline = await report('dispatcher', '前哨村市民来电反映路灯不亮');
    const mine2 = await report('inspector1', '前哨村井盖缺失');

    const res = await list('inspector1', 'reportedBy=me');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([mine2, mine1]);

    const all = (await list('inspector1', 'limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(all).toEqual(expect.arrayContaining([mine1, mine2, theirs, hotline]));

    expect((await list('inspector2', 'reportedBy=me')).json().items.map((c: { id: string }) => c.id)).toEqual([theirs]);
    // combined with the other filters as usual
    expect((await list('inspector1', 'reportedBy=me&q=井盖')).json().items.map((c: { id: string }) => c.id)).toEqual([mine2]);
  });

  it('never widens the scope: the dispatcher’s own reports only, none of the inspectors’', async () => {
    const ids = (await list('dispatcher', 'reportedBy=me')).json().items.map((c: { description: string }) => c.description);
    expect(ids).toEqual(['前哨村市民来电反映路灯不亮']);
  });

  it('refuses any value but "me" with a problem naming the field', async () => {
    const res = await list('inspector1', 'reportedBy=inspector2');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json().errors)).toContain('reportedBy');
  });
});
