/**
 * 一屏观全镇 (GET /api/v1/dashboard) on the Dongping profile: the snapshot's figures are what the
 * case list says; the counters kept by every write equal a recount of all cases after intake,
 * actions, voids and the deadline sweep; `rebuild` reproduces them exactly; only town-wide readers
 * of cases may look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../src/contracts/dashboard.js';
import { rebuildDashboard, verifyDashboard } from '../../src/server/dashboard/rebuild-dashboard.js';
import { allCounters, naiveTodayCounts } from '../../src/server/db/repositories/dashboard-repository.js';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';

type Json = Record<string, unknown>;
/** a point in 前哨 station */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const HOUR = 3_600_000;

describe(`dashboard (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    // Wednesday 2026-11-25 09:00 Shanghai, a working day
    d = await dongpingDriver('2026-11-25T01:00:00.000Z');
    ({ t, cookies } = d);
  });
  afterAll(async () => t?.close());
  const logInAll = () => d.logInAll();
  const act = (who: string, id: string, action: string, payload: Json = {}) => d.act(who, id, action, payload);
  const intake = async (body: Json): Promise<string> => (await d.intake(body)).id;
  const dashboard = async (who = 'leader'): Promise<DashboardDto> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie: cookies[who]! } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as DashboardDto;
  };
  const listAll = async (): Promise<Array<{ id: string; status: string; deadlineState: string; station: { code: string } | null; channel: string }>> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: cookies.dispatcher! } });
    return res.json().items;
  };
  const expectCountersEqualRecount = async () => {
    const verdict = await verifyDashboard(t.database, t.ctx.townId);
    expect(verdict.differences).toEqual([]);
    return verdict;
  };

  let closedId = '';
  let urgentId = '';

  it('counts intake, dispatch, handling, closing and voiding as they happen', async () => {
    const empty = await dashboard();
    expect(empty.now.open).toBe(0);
    expect(empty.today.new).toBe(0);
    expect(empty.stations.map((s) => s.code)).toContain('DF');

    closedId = await intake({ reporter: { name: '张三', phone: '13916720835' } });
    const handling = await intake({});
    const voided = await intake({ channel: 'hotline_12319' });
    urgentId = await intake({ location: pointInQianshao, urgency: 'urgent', description: '前哨路口井盖缺失，车辆经过危险' });
    await intake({ channel: 'inspector', categoryCode: undefined, description: '河道漂浮垃圾较多' });

    await act('dispatcher', voided, 'void', { reason: '重复工单' });
    for (const id of [closedId, handling]) expect((await act('dispatcher', id, 'register')).status).toBe('dispatched');
    await act('cgzd', handling, 'accept');
    await act('cgzd', handling, 'start');
    await act('cgzd', closedId, 'accept');
    await act('cgzd', closedId, 'start');
    await act('cgzd', closedId, 'feedback', { text: '已劝离摊贩' });
    await act('inspectordf', closedId, 'verify', { result: 'pass' });
    await act('dispatcher', closedId, 'visit', { outcome: 'satisfied' });
    await act('dispatcher', closedId, 'close');

    const d = await dashboard();
    const items = await listAll();
    const open = items.filter((i) => i.status !== 'closed' && i.status !== 'voided');
    expect(d.date).toBe('2026-11-25');
    expect(d.now.open).toBe(open.length);
    expect(d.now.open).toBe(3);
    expect(d.now.inHandling).toBe(1);
    expect(d.now.urgent).toBe(1);
    expect(d.now.byStatus).toMatchObject({ closed: 1, voided: 1, handling: 1, reported: 2 });
    expect(d.today).toMatchObject({ new: 5, registered: 2, dispatched: 2, closed: 1, closedOnTime: 1, voided: 1, onTimeRate: 1, visits: { satisfied: 1, dissatisfied: 0, unreachable: 0 }, satisfactionRate: 1 });
    expect(d.byChannel.find((c) => c.channel === 'hotline_12345')?.today.new).toBe(3);
    expect(d.byChannel.find((c) => c.channel === 'hotline_12319')?.today).toMatchObject({ new: 1, voided: 1 });
    const df = d.stations.find((s) => s.code === 'DF')!;
    expect(df).toMatchObject({ open: open.filter((i) => i.station?.code === 'DF').length, inHandling: 1 });
    expect(df.today.new).toBe(items.filter((i) => i.station?.code === 'DF').length);
    expect(d.stations.find((s) => s.code === 'QS')).toMatchObject({ open: 1, urgent: 1 });
    const cgzd = d.departments.find((u) => u.code === 'CGZD')!;
    expect(cgzd).toMatchObject({ open: 1, rank: 1, month: { dispatched: 2, closed: 1, closedOnTime: 1, onTimeRate: 1 } });
    expect(d.topCategories[0]).toMatchObject({ code: '09001', todayNew: 4 });
    expect(d.trends.hourly).toHaveLength(24);
    expect(d.trends.hourly[9]).toMatchObject({ label: '09', new: 5, closed: 1 });
    expect(d.trends.daily).toHaveLength(30);
    expect(d.trends.daily.at(-1)).toMatchObject({ bucket: 'd:2026-11-25', new: 5, closed: 1 });
    expect(d.trends.weekly.at(-1)).toMatchObject({ bucket: 'w:2026-W48', new: 5 });
    expect(d.alerts).toEqual([expect.objectContaining({ caseId: urgentId, kind: 'urgent', stationCode: 'QS' })]);
    expect(d.lastSeq).toBeGreaterThan(10);
    await expectCountersEqualRecount();
  });

  it('the deadline sweep turns lights red, raises alerts, and the counters still equal a recount', async () => {
    const before = await dashboard();
    // two working days later the handling case and the undispatched ones are long overdue
    t.clock.advance(50 * HOUR);
    await sweepDeadlines(t.ctx);
    await logInAll();
    const d = await dashboard();
    const items = await listAll();
    const red = items.filter((i) => i.status !== 'closed' && i.status !== 'voided' && i.deadlineState === 'red').length;
    expect(red).toBeGreaterThan(0);
    expect(d.now.lights.red).toBe(red);
    expect(d.alerts.some((a) => a.kind === 'red')).toBe(true);
    // a new day: today's flow starts again, the week keeps counting
    expect(d.date).toBe('2026-11-27');
    expect(d.today.new).toBe(0);
    expect(d.trends.daily.at(-3)).toMatchObject({ bucket: 'd:2026-11-25', new: 5 });
    expect(d.now.open).toBe(before.now.open);
    await expectCountersEqualRecount();
  });

  it('rebuild reproduces the counters exactly; the naive GROUP BY agrees with the snapshot', async () => {
    const stored = (await allCounters(t.database.db, t.ctx.townId)).map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const result = await rebuildDashboard(t.database, t.ctx.townId, t.clock.now().toISOString());
    expect(result.cases).toBe(5);
    const rebuilt = (await allCounters(t.database.db, t.ctx.townId)).map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(rebuilt).toEqual(stored);

    const d = await dashboard();
    const naive = await naiveTodayCounts(t.database.db, t.ctx.townId, '2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z');
    const naiveOpen = naive.byState.filter((r) => r.status !== 'closed' && r.status !== 'voided').reduce((a, r) => a + Number(r.n), 0);
    expect(naiveOpen).toBe(d.now.open);
    expect(naive.byCreated.reduce((a, r) => a + Number(r.n), 0)).toBe(d.trends.daily.at(-3)!.new);
  });

  it('a damaged counter is found by verify and repaired by rebuild', async () => {
    await t.database.write(async (trx) => {
      await trx.updateTable('dashboard_counters').set({ n: 99 }).where('town_id', '=', t.ctx.townId).where('dim', '=', 'town').where('bucket', '=', 'now').where('metric', '=', 'open').execute();
    });
    const broken = await verifyDashboard(t.database, t.ctx.townId);
    expect(broken.differences).toEqual([expect.objectContaining({ dim: 'town', key: '*', metric: 'open', stored: 99, recounted: 3 })]);
    await rebuildDashboard(t.database, t.ctx.townId, t.clock.now().toISOString());
    await expectCountersEqualRecount();
    expect((await dashboard()).now.open).toBe(3);
  });

  it('only town-wide readers of cases may see it; others get a problem', async () => {
    expect((await dashboard('dispatcher')).now.open).toBe(3);
    expect((await dashboard('supervisor')).now.open).toBe(3);
    for (const who of ['cgzd', 'inspector1', 'stationdf', 'auditor']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard', headers: { cookie: cookies[who]! } });
      expect(res.statusCode, who).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard' });
    expect(anonymous.statusCode).toBe(401);
  });
});
