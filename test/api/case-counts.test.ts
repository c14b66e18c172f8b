/**
 * 我的工作 (GET /cases/counts) on the Dongping profile: the counts per queue and per deadline light
 * are what the list returns, for the town (dispatcher), a unit (cgzd) and a station (its chief);
 * and GET /cases?updatedFrom= lists only the cases changed since then.
 */
import { describe, expect, it } from 'vitest';
import { type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import { dongpingTestApp, dongpingUsers, pointInDongfeng } from '../dongping.js';

type Json = Record<string, unknown>;
interface Summary {
  id: string;
  status: string;
  deadlineState: string;
}
interface Counts {
  queues: Record<'reported' | 'registered' | 'returned' | 'inProgress' | 'feedback' | 'verified' | 'suspended', number>;
  deadlines: Record<'green' | 'yellow' | 'red', number>;
  total: number;
}

/** a point in 前哨 station (grid 310151115006001) */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const users: TestUser[] = [...dongpingUsers, { username: 'stationqs', role: 'station_chief', station: 'QS' }];

describe(`case counts (${dialectUnderTest})`, () => {
  // Monday 2026-03-09 09:00 in Shanghai, a working day
  const { t, cookies, logInAll } = dongpingTestApp({ users, now: '2026-03-09T01:00:00.000Z' });

  const ok = async (who: string, id: string, action: string, payload: Json = {}): Promise<void> => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });
    expect(res.statusCode, `${who} ${action}: ${res.body.slice(0, 400)}`).toBe(200);
  };
  let n = 0;
  const intake = async (location: { lng: number; lat: number }, categoryCode = '09001'): Promise<string> => {
    const payload = { channel: 'hotline_12345', categoryCode, description: `第${++n}件：路口有流动摊贩占道经营`, location };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
    return res.json().id as string;
  };
  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const counts = async (who: string): Promise<Counts> => {
    const res = await get(who, '/api/v1/cases/counts');
    expect(res.statusCode, `${who}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as Counts;
  };
  const list = async (who: string, query = ''): Promise<Summary[]> => {
    const res = await get(who, `/api/v1/cases?limit=200${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json().items as Summary[];
  };
  const expected = (items: Summary[]): Counts => {
    const s = (...st: string[]) => items.filter((i) => st.includes(i.status)).length;
    const open = items.filter((i) => i.status !== 'closed' && i.status !== 'voided');
    const d = (state: string) => open.filter((i) => i.deadlineState === state).length;
    return {
      queues: { reported: s('reported'), registered: s('registered'), returned: s('returned'), inProgress: s('dispatched', 'accepted', 'handling'), feedback: s('feedback'), verified: s('verified'), suspended: s('suspended') },
      deadlines: { green: d('green'), yellow: d('yellow'), red: d('red') },
      total: items.length,
    };
  };

  it('counts what the list shows, per caller scope', async () => {
    // 东风: two left reported, one voided, three dispatched to 城管中队 of which one handled and one reported back
    const [, , voided, d1, d2, d3] = await Promise.all([0, 1, 2, 3, 4, 5].map(() => intake(pointInDongfeng)));
    await ok('dispatcher', voided!, 'void', { reason: '重复工单' });
    for (const id of [d1!, d2!, d3!]) await ok('dispatcher', id, 'register');
    await ok('cgzd', d2!, 'accept');
    await ok('cgzd', d2!, 'start');
    await ok('cgzd', d3!, 'accept');
    await ok('cgzd', d3!, 'start');
    await ok('cgzd', d3!, 'feedback', { text: '已处理完毕' });
    // 前哨: one reported, one dispatched (and so in 城管中队's scope too)
    await intake(pointInQianshao);
    const q2 = await intake(pointInQianshao);
    await ok('dispatcher', q2, 'register');
    // a month later every running clock is overdue; the sweep stores the lights the queues filter on
    t.clock.set('2026-04-09T01:00:00.000Z');
    await logInAll();
    await sweepDeadlines(t.ctx);

    const town = await counts('dispatcher');
    expect(town).toEqual(expected(await list('dispatcher')));
    // hand-counted: 3 reported (2 东风 + 1 前哨), 3 in progress (d1, d2, q2), 1 feedback, 8 cases in all (6 东风 + 2 前哨, the voided one included)
    expect(town.queues).toEqual({ reported: 3, registered: 0, returned: 0, inProgress: 3, feedback: 1, verified: 0, suspended: 0 });
    expect(town.total).toBe(8);
    // d1, d2, q2 (handling) and d3 (awaiting 核查) are overdue; reported cases run no clock yet
    expect(town.deadlines).toEqual({ green: 0, yellow: 0, red: 4 });
    expect(town.deadlines.red).toBe((await list('dispatcher', '&deadline=red')).filter((i) => i.status !== 'closed' && i.status !== 'voided').length);

    const unit = await counts('cgzd');
    expect(unit).toEqual(expected(await list('cgzd')));
    expect(unit.queues.reported).toBe(0);
    expect(unit.queues.inProgress).toBe(3);
    expect(unit.queues.feedback).toBe(1);
    expect(unit.total).toBe(4);

    const df = await counts('stationdf');
    expect(df).toEqual(expected(await list('stationdf')));
    expect(df.total).toBe(6);
    expect(df.queues.reported).toBe(2);

    const qs = await counts('stationqs');
    expect(qs).toEqual(expected(await list('stationqs')));
    expect(qs.total).toBe(2);
    expect(qs.queues).toEqual({ reported: 1, registered: 0, returned: 0, inProgress: 1, feedback: 0, verified: 0, suspended: 0 });
  });

  it('refuses a caller without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases/counts' });
    expect(res.statusCode).toBe(401);
  });

  it('lists only the cases changed since a moment (updatedFrom)', async () => {
    t.clock.set('2026-04-10T01:00:00.000Z');
    await logInAll();
    const since = '2026-04-10T00:30:00.000Z';
    expect(await list('dispatcher', `&updatedFrom=${encodeURIComponent(since)}`)).toEqual([]);
    const fresh = await intake(pointInDongfeng);
    const changed = await list('dispatcher', `&updatedFrom=${encodeURIComponent('2026-04-10T08:30:00+08:00')}`);
    expect(changed.map((i) => i.id)).toEqual([fresh]);
    expect((await get('dispatcher', '/api/v1/cases?updatedFrom=yesterday')).statusCode).toBe(400);
  });
});
