/**
 * 监督考评 indicators (GET /api/v1/assessment/indicators) on the Dongping profile: a month of 城管中队's
 * cases driven through the API — handled on time, returned and designated with 市场所 assisting,
 * extended, reworked, one left to go overdue, one found by the unit itself — gives the counts and
 * rates computed by hand; the counters kept by every append equal a recount of the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorsDto } from '../../src/contracts/assessment.js';
import { rebuildAssessment, verifyAssessment } from '../../src/server/assessment/recount-assessment.js';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';

type Json = Record<string, unknown>;
const HOUR = 3_600_000;

describe(`assessment indicators (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    // Monday 2026-11-02 09:00 Shanghai
    d = await dongpingDriver('2026-11-02T01:00:00.000Z');
    ({ t, cookies } = d);
  });
  afterAll(async () => t?.close());
  const logInAll = () => d.logInAll();
  const act = async (who: string, id: string, action: string, payload: Json = {}) => {
    await d.act(who, id, action, payload);
  };
  const intake = async (who: string, body: Json = {}): Promise<string> => (await d.intake({ reporter: { name: '李四', phone: '13916720835' }, ...body }, who)).id;
  const indicators = async (query: string, who = 'supervisor') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/assessment/indicators?${query}`, headers: { cookie: cookies[who]! } });
    return { status: res.statusCode, body: res.json() as IndicatorsDto & Json };
  };

  it('counts a month of 城管中队 as computed by hand', async () => {
    // A: handled on time, the citizen satisfied
    const a = await intake('dispatcher');
    await act('dispatcher', a, 'register'); // routed to 城管中队 by rule
    await act('cgzd', a, 'accept');
    await act('cgzd', a, 'start');
    await act('cgzd', a, 'feedback', { text: '已劝离' });
    await act('inspectordf', a, 'verify', { result: 'pass' });
    await act('dispatcher', a, 'visit', { outcome: 'satisfied' });
    await act('dispatcher', a, 'close');
    // B: returned, designated back with 市场所 assisting, extended, reworked once, the citizen dissatisfied
    const b = await intake('dispatcher');
    await act('dispatcher', b, 'register');
    await act('cgzd', b, 'return', { reason: '非本单位职责' });
    await act('coordinator', b, 'designate', { leadUnit: 'CGZD', assistUnits: ['SCS'], reason: '指定办理' });
    await act('cgzd', b, 'accept');
    await act('cgzd', b, 'start');
    await act('cgzd', b, 'extend', { reason: '需会同市场所核查', limit: { amount: 3, unit: 'workHour' } });
    await act('coordinator', b, 'decide-extension', { decision: 'approve' });
    await act('cgzd', b, 'feedback', { text: '已处理' });
    await act('inspectordf', b, 'verify', { result: 'fail', reason: '摊贩仍在' });
    await act('cgzd', b, 'feedback', { text: '再次处理，已撤离' });
    await act('inspectordf', b, 'verify', { result: 'pass' });
    await act('dispatcher', b, 'visit', { outcome: 'dissatisfied' });
    await act('dispatcher', b, 'close');
    // C: dispatched and left alone; D: found by 城管中队 itself (部门自查)
    const c = await intake('dispatcher');
    await act('dispatcher', c, 'register');
    await intake('cgzd', { channel: 'department', channelData: { departmentCode: 'CGZD' }, reporter: undefined });
    // two working days later C's 签收 is long overdue: the sweep's red
    t.clock.advance(50 * HOUR);
    await sweepDeadlines(t.ctx);
    await logInAll();

    const { status, body } = await indicators('period=2026-11');
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body).toMatchObject({ subject: 'unit', from: '2026-11-01', to: '2026-11-30' });
    const cgzd = body.items.find((i) => i.key === 'CGZD')!;
    expect(cgzd.name).toBe('城管中队');
    expect(cgzd.indicators).toMatchObject({
      dispatched: 4, // A, B, B again by designation, C
      designated: 1,
      ledJoint: 4, // 无序设摊 is led by 城管中队 with 市场所 and 司法所 assisting, so every dispatch is joint
      returned: 1,
      accepted: 2,
      handled: 3,
      reworked: 1,
      extensionRequested: 1,
      extended: 1,
      closed: 2,
      proactive: 1,
      visits: { satisfied: 1, dissatisfied: 1, unreachable: 0 },
    });
    const i = cgzd.indicators as { overdue: number; rates: Record<string, number | null> };
    expect(i.overdue).toBeGreaterThanOrEqual(1);
    expect(i.rates).toMatchObject({ closure: 2 / 4, return: 1 / 4, rework: 1 / 3, extension: 1 / 4, satisfaction: 1 / 2, proactive: 1 / 4 });
    expect(body.items.find((u) => u.key === 'SCS')!.indicators).toMatchObject({ assisted: 4, dispatched: 0 });
    expect((body.items.find((u) => u.key === 'SCS')!.indicators as { rates: Record<string, unknown> }).rates.closure).toBeNull();

    const stations = await indicators('subject=station&period=2026-Q4');
    expect(stations.body.items.find((s) => s.key === 'DF')!.indicators).toEqual({ reported: 4, proactive: 0, proactiveShare: 0 });
    const inspectors = await indicators('subject=inspector&from=2026-11-01&to=2026-11-30');
    const df = inspectors.body.items.find((s) => s.name === 'inspectordf')!;
    expect(df.indicators).toMatchObject({ verified: 3 });
    // another month knows nothing of it
    const october = await indicators('period=2026-10&key=CGZD');
    expect(october.body.items).toHaveLength(1);
    expect(october.body.items[0]!.indicators).toMatchObject({ dispatched: 0, closed: 0 });
  });

  it('keeps counters equal to a recount of the record, and rebuild reproduces them', async () => {
    expect((await verifyAssessment(t.database, t.ctx.townId)).differences).toEqual([]);
    const before = (await indicators('period=2026')).body;
    const r = await rebuildAssessment(t.database, t.ctx.townId, t.clock.now().toISOString());
    expect(r.events).toBeGreaterThan(20);
    expect((await indicators('period=2026')).body).toEqual(before);
    expect((await verifyAssessment(t.database, t.ctx.townId)).differences).toEqual([]);
  });

  it('answers a bad period with a problem naming the field, and refuses the unauthorised', async () => {
    for (const [query, field] of [['period=2026-13', 'query.period'], ['period=2026-11&from=2026-11-01', 'query.period'], ['from=2026-11-01', 'query.to'], ['from=2026-11-30&to=2026-11-01', 'query.to'], ['subject=team', 'query.subject']] as const) {
      const res = await indicators(query);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.body.errors), query).toContain(field);
    }
    expect((await indicators('period=2026-11', 'cgzd')).status).toBe(403);
    expect((await indicators('period=2026-11', 'inspector1')).status).toBe(403);
  });
});
