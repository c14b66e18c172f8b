/**
 * 常态长效 over the API on the Dongping profile: stall orders (09001, owner 城管中队) reported again and
 * again in one small hexagon of 东风 → detection opens a record with exactly those cases, assigned
 * to the owner; the 5th complaint is copied to the leader (P004) once, however often detection runs;
 * plan, progress and 销项 go through policy and the record machine (audited); a case after 销项
 * reopens it; detection catches up from its checkpoint after downtime and never doubles anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecurringDetailDto, RecurringHeatDto, RecurringRecordDto } from '../../src/contracts/recurring.js';
import { cellOf } from '../../src/domain/recurring/index.js';
import { createAppContext } from '../../src/server/create-context.js';
import { detectRecurring } from '../../src/server/jobs/recurring-detection.js';
import { createTestApp, login, type TestApp, type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers } from '../dongping.js';
import { expectDocumented } from '../openapi.js';

type Json = Record<string, unknown>;
const HOUR = 3_600_000;
/** within 20 m of the centre of H3 cell 893099d5393ffff (resolution 9), in grid 310151115001011 of 东风 */
const spot = (i: number) => ({ lng: 121.4695 + (i % 3) * 0.0001, lat: 31.6811 });
/** the same grid, another cell (about 500 m north) */
const elsewhere = { lng: 121.4695, lat: 31.6856 };

const users: TestUser[] = [...dongpingUsers, { username: 'shenting', role: 'leader', personnel: 'P004' }];

describe(`recurring problems (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let n = 0;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    // Monday 2026-03-02 09:00 in Shanghai
    t = await createTestApp({ profile: () => profile, users, now: '2026-03-02T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of users) cookies[u.username] = await login(t.app, u.username);
  });
  afterAll(async () => t?.close());

  const intake = async (body: Json = {}, who = 'dispatcher'): Promise<string> => {
    t.clock.advance(HOUR);
    const payload = { channel: 'hotline_12345', categoryCode: '09001', description: `第${++n}件：路口又有流动摊贩占道经营`, location: spot(n), ...body };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]! }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const get = async (url: string, who = 'supervisor') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[who]! } });
    return { status: res.statusCode, body: res.json() as Json, type: String(res.headers['content-type']) };
  };
  const post = async (url: string, payload: Json, who: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, payload });
    return { status: res.statusCode, body: res.json() as Json, type: String(res.headers['content-type']) };
  };
  const records = async (who = 'supervisor', query = '') => (await get(`/recurring${query}`, who)).body as { items: RecurringRecordDto[]; total: number };
  const detail = async (id: string, who = 'supervisor') => (await get(`/recurring/${id}`, who)).body as unknown as RecurringDetailDto;
  const count = async (table: 'recurring_records' | 'recurring_sightings' | 'recurring_log' | 'recurring_cc' | 'notifications') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const resetCheckpoint = () => t.database.db.updateTable('recurring_checkpoints').set({ seq: 0 }).execute();

  const first: string[] = [];
  let recordId = '';

  it('two stall orders in one spot are seen but are no recurring problem yet', async () => {
    first.push(await intake(), await intake());
    const run = await detectRecurring(t.ctx);
    expect(run.outcomes).toMatchObject({ seen: 2, opened: 0 });
    expect(await count('recurring_sightings')).toBe(2);
    expect((await records()).total).toBe(0);
  });

  it('a case without a category, another category in the spot and a stall order elsewhere in the grid open nothing', async () => {
    // no category and a classifier that is not sure: counted only once a dispatcher registers it
    await intake({ categoryCode: undefined, description: '有人反映情况' });
    await intake({ categoryCode: '01001' });
    await intake({ location: elsewhere });
    const run = await detectRecurring(t.ctx);
    expect(run.outcomes.opened).toBe(0);
    expect((await records()).total).toBe(0);
  });

  it('the third stall order in the spot within 30 days opens a record with exactly those three, for 城管中队', async () => {
    first.push(await intake());
    const run = await detectRecurring(t.ctx);
    expect(run.outcomes).toMatchObject({ opened: 1 });
    const list = await records();
    expect(list.total).toBe(1);
    const r = list.items[0]!;
    recordId = r.id;
    expect(r).toMatchObject({
      status: 'open',
      category: { code: '09001', name: '无照经营游商' },
      place: { kind: 'cell', code: cellOf(121.4695, 31.6811, 9), grid: { code: '310151115001011' } },
      station: { code: 'DF' },
      ownerUnit: { code: 'CGZD' },
      caseCount: 3,
      complaints: 3,
      reopenCount: 0,
    });
    expect(r.place.centre![0]).toBeCloseTo(121.4695, 3);
    const d = await detail(recordId);
    expect(d.cases.map((c) => c.id).sort()).toEqual([...first].sort());
    expect(d.log.map((l) => l.kind)).toEqual(['opened']);
    expect(d.copies).toEqual([]);
  });

  it('is seen by the owner unit and by 东风, not by another unit or another station', async () => {
    expect((await records('cgzd')).total).toBe(1);
    expect((await records('inspectordf')).total).toBe(1);
    expect((await records('scs')).total).toBe(0);
    expect((await records('inspector1')).total).toBe(0);
    expect((await get(`/recurring/${recordId}`, 'scs')).status).toBe(403);
    expect((await get('/recurring', 'auditor')).status).toBe(403);
    // filters
    expect((await records('supervisor', '?status=active&category=09001&unit=CGZD&station=DF')).total).toBe(1);
    expect((await records('supervisor', '?status=struck_off')).total).toBe(0);
  });

  it('running detection again — even from the very start of the chain — changes nothing', async () => {
    const before = await Promise.all([count('recurring_records'), count('recurring_sightings'), count('recurring_log')]);
    expect((await detectRecurring(t.ctx)).events).toBe(0);
    await resetCheckpoint();
    const again = await detectRecurring(t.ctx);
    expect(again.events).toBeGreaterThan(0);
    expect(again.outcomes).toMatchObject({ seen: 0, opened: 0, joined: 0 });
    expect(await Promise.all([count('recurring_records'), count('recurring_sightings'), count('recurring_log')])).toEqual(before);
  });

  it('the 5th complaint is copied to 沈婷 (P004) once, with a notice in her inbox, however often detection runs', async () => {
    await intake();
    expect((await detectRecurring(t.ctx)).outcomes.joined).toBe(1);
    const notices = await count('notifications');
    const fifth = await intake();
    // two nodes (or two overlapping runs) at once, then a rerun from the start
    const runs = await Promise.all([detectRecurring(t.ctx), detectRecurring(t.ctx)]);
    expect(runs[0]!.copied + runs[1]!.copied).toBe(1);
    await resetCheckpoint();
    expect((await detectRecurring(t.ctx)).copied).toBe(0);
    const d = await detail(recordId);
    expect(d).toMatchObject({ caseCount: 5, complaints: 5 });
    expect(d.copies).toEqual([expect.objectContaining({ threshold: 5, complaints: 5, caseId: fifth, leader: { code: 'P004', name: '沈婷' }, notified: 1 })]);
    expect(await count('notifications')).toBe(notices + 1);
    const inbox = (await get('/notifications', 'shenting')).body as { items: Array<{ kind: string; title: { zh: string }; caseId: string }> };
    expect(inbox.items).toEqual([expect.objectContaining({ kind: 'recurring_cc', caseId: fifth })]);
    expect(inbox.items[0]!.title.zh).toContain('重复投诉已达 5 次');
    // the other leader account (not P004) is not copied
    expect(((await get('/notifications', 'leader')).body as { items: unknown[] }).items).toEqual([]);
  });

  it('plan and progress by the owner unit; another unit may not; progress needs a plan first', async () => {
    const url = `/recurring/${recordId}`;
    expect((await post(`${url}/plan`, { text: '调整巡查频次' }, 'scs')).status).toBe(403);
    const early = await post(`${url}/progress`, { text: '已巡查' }, 'cgzd');
    expect(early.status).toBe(409);
    expect(early.type).toContain('application/problem+json');
    expect(early.body.code).toBe('RECURRING_PLAN_FIRST');
    const planned = await post(`${url}/plan`, { text: '早晚高峰定点值守，联合市场所设置疏导点' }, 'cgzd');
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ status: 'planned', plan: '早晚高峰定点值守，联合市场所设置疏导点', allowedActions: ['plan', 'progress'] });
    const progress = await post(`${url}/progress`, { text: '第一周已定点值守 5 天', version: planned.body.version as number }, 'cgzd');
    expect(progress.body).toMatchObject({ status: 'in_progress' });
    const stale = await post(`${url}/progress`, { text: '重复提交', version: planned.body.version as number }, 'cgzd');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('RECURRING_CHANGED');
  });

  it('only the supervisor strikes it off, with a reason; the 销项 is audited', async () => {
    const url = `/recurring/${recordId}/strike-off`;
    expect((await post(url, { reason: '已整治' }, 'cgzd')).status).toBe(403);
    const bad = await post(url, { reason: '   ' }, 'supervisor');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const ok = await post(url, { reason: '疏导点启用一个月未再发生，销项' }, 'supervisor');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'struck_off', struckOff: { reason: '疏导点启用一个月未再发生，销项' }, allowedActions: [] });
    expect((await post(`/recurring/${recordId}/plan`, { text: '再来' }, 'supervisor')).body.code).toBe('RECURRING_STRUCK_OFF');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'recurring.strike-off').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ resource_type: 'recurring', resource_id: recordId, actor_name: 'supervisor' });
  });

  it('a stall order in the spot after 销项 reopens the record', async () => {
    t.clock.advance(24 * HOUR);
    // sessions last a working day at most: log in again
    for (const u of users) cookies[u.username] = await login(t.app, u.username);
    const back = await intake();
    expect((await detectRecurring(t.ctx)).outcomes.reopened).toBe(1);
    const d = await detail(recordId);
    expect(d).toMatchObject({ status: 'reopened', reopenCount: 1, caseCount: 6 });
    expect(d.cases.find((c) => c.id === back)).toMatchObject({ reopened: true });
    expect(d.log.map((l) => l.kind)).toEqual(['opened', 'plan', 'progress', 'strike-off', 'reopened']);
    expect(d.allowedActions).toEqual(['plan']);
    expect((await records()).total).toBe(1);
  });

  it('catches up after downtime from its checkpoint — in a restarted process, a batch at a time — and counts registered cases', async () => {
    // while detection is down: a classifier-guessed case registered as a stall order, and three more
    const guessed = await intake({ categoryCode: undefined, description: '流动摊贩占道' });
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${guessed}/actions/register`, headers: { cookie: cookies.dispatcher! }, payload: { categoryCode: '09001' } });
    for (let i = 0; i < 3; i++) await intake();
    // a new process on the same database: nothing in memory, only the checkpoint it left
    const restarted = createAppContext(t.database, t.ctx.config, t.clock, t.ctx.townId);
    let runs = 0;
    let joined = 0;
    for (;;) {
      const r = await detectRecurring(restarted, { batchSize: 2, maxBatches: 1 });
      joined += r.outcomes.joined;
      runs++;
      if (r.events === 0) break;
    }
    expect(runs).toBeGreaterThan(2);
    expect(joined).toBe(4);
    const d = await detail(recordId);
    expect(d.caseCount).toBe(10);
    expect(d.cases.map((c) => c.id)).toContain(guessed);
    // 10 complaints: the second threshold, once
    expect(d.copies.map((c) => c.threshold)).toEqual([5, 10]);
  });

  it('draws the heat: cases per hexagon over the window, with the hexagon and the record there', async () => {
    const heat = (await get('/recurring/heat')).body as unknown as RecurringHeatDto;
    expect(heat).toMatchObject({ resolution: 9, days: 30 });
    const hot = heat.cells[0]!;
    expect(hot).toMatchObject({ cell: cellOf(121.4695, 31.6811, 9), count: 11, activeRecords: [recordId] });
    expect(hot.boundary).toHaveLength(6);
    const other = heat.cells.find((c) => c.cell === cellOf(elsewhere.lng, elsewhere.lat, 9));
    expect(other).toMatchObject({ count: 1, activeRecords: [] });
    expect(((await get('/recurring/heat?category=01001')).body as unknown as RecurringHeatDto).cells.map((c) => c.count)).toEqual([1]);
    // 城管中队 sees the heat of what it owns; another station sees its own area (nothing here)
    expect(((await get('/recurring/heat', 'inspector1')).body as unknown as RecurringHeatDto).cells).toEqual([]);
  });

  it('answers bad input with problem+json, never a 5xx', async () => {
    for (const url of ['/recurring?status=bogus', '/recurring?limit=0', '/recurring/not-a-uuid', '/recurring/heat?days=0', '/recurring?category=9']) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.type, url).toContain('application/problem+json');
    }
    const missing = await get('/recurring/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const extra = await post(`/recurring/${recordId}/plan`, { text: '措施', extra: 1 }, 'supervisor');
    expect(extra.status).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    await expectDocumented(t.app, {
      '/api/v1/recurring': ['get'],
      '/api/v1/recurring/heat': ['get'],
      '/api/v1/recurring/{id}': ['get'],
      '/api/v1/recurring/{id}/plan': ['post'],
      '/api/v1/recurring/{id}/progress': ['post'],
      '/api/v1/recurring/{id}/strike-off': ['post'],
    });
  });
});
