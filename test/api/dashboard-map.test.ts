/**
 * GET /api/v1/dashboard/map on the Dongping profile: the located open cases, red first, with what
 * the screen's popup shows; closed, voided and unlocated cases are not drawn; each inspector's last
 * position is where their latest report of the last 24 hours was made; only town-wide readers may look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardMapDto } from '../../src/contracts/dashboard.js';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';
import { pointInDongfeng } from '../dongping.js';
import { expectDocumented } from '../openapi.js';

type Json = Record<string, unknown>;
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const HOUR = 3_600_000;

describe(`dashboard map (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    d = await dongpingDriver('2026-11-25T01:00:00.000Z');
    ({ t, cookies } = d);
  });
  afterAll(async () => t?.close());
  const logInAll = () => d.logInAll();
  const intake = (body: Json, who = 'dispatcher') => d.intake(body, who);
  const act = (who: string, id: string, action: string, payload: Json = {}) => d.act(who, id, action, payload);
  const map = async (who = 'leader'): Promise<DashboardMapDto> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/map', headers: { cookie: cookies[who]! } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as DashboardMapDto;
  };

  it('draws the located open cases with their popup facts, not the closed, voided or unlocated ones', async () => {
    expect((await map()).cases).toEqual([]);
    const open = await intake({});
    const voided = await intake({ channel: 'hotline_12319' });
    await intake({ location: undefined, address: '东平镇北沿公路 100 号' });
    await act('dispatcher', voided.id, 'void', { reason: '重复工单' });
    await act('dispatcher', open.id, 'register');

    const m = await map();
    expect(m.truncated).toBe(false);
    expect(m.cases.map((c) => c.id)).toEqual([open.id]);
    expect(m.cases[0]).toMatchObject({
      caseNo: open.caseNo,
      lng: pointInDongfeng.lng,
      lat: pointInDongfeng.lat,
      status: 'dispatched',
      deadlineState: 'green',
      categoryName: '无照经营游商',
      stationName: '东风站',
      leadUnitName: expect.any(String),
    });
  });

  it('puts red cases first once the sweep has turned them red', async () => {
    t.clock.advance(50 * HOUR);
    await sweepDeadlines(t.ctx);
    await logInAll();
    const fresh = await intake({ location: pointInQianshao });
    const m = await map();
    const states = m.cases.map((c) => c.deadlineState);
    expect(states[0]).toBe('red');
    expect(m.cases.at(-1)!.id).toBe(fresh.id);
    expect(states.at(-1)).not.toBe('red');
  });

  it("gives each inspector's latest own report of the last 24 hours as their position", async () => {
    expect((await map()).inspectors).toEqual([]);
    await intake({ channel: 'inspector', location: pointInQianshao, description: '前哨路口垃圾堆放' }, 'inspector1');
    t.clock.advance(60_000);
    const later = { lng: 121.845, lat: 31.596 };
    const latest = await intake({ channel: 'inspector', location: later, description: '前哨公路护栏损坏' }, 'inspector1');
    // a dispatcher typing in an inspector's report is not where an inspector is
    await intake({ channel: 'inspector', location: pointInDongfeng, description: '东风路面坑洼' }, 'dispatcher');

    const m = await map();
    expect(m.inspectors).toHaveLength(1);
    expect(m.inspectors[0]).toMatchObject({ lng: later.lng, lat: later.lat, caseNo: latest.caseNo, name: expect.any(String) });

    t.clock.advance(25 * HOUR);
    await logInAll();
    expect((await map()).inspectors).toEqual([]);
  });

  it('is for town-wide readers only, and documented', async () => {
    for (const who of ['dispatcher', 'coordinator', 'supervisor']) await map(who);
    for (const who of ['cgzd', 'inspector1', 'stationdf', 'auditor']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/map', headers: { cookie: cookies[who]! } });
      expect(res.statusCode, who).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/map' });
    expect(anonymous.statusCode).toBe(401);
    await expectDocumented(t.app, { '/api/v1/dashboard/map': ['get'], '/api/v1/dashboard': ['get'] });
  });
});
