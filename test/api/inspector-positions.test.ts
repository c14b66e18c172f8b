/**
 * POST /api/v1/inspectors/me/positions (the phone app's GPS feed) and what GET /dashboard/map makes
 * of it, on the Dongping profile: only an inspector posts, for themselves; a point outside the town,
 * in the future or older than 24 hours refuses the batch with the point's field path; a resent
 * batch stores nothing twice; GCJ-02 is stored as WGS84; the map shows the fresher of the latest GPS
 * fix and the latest report, grey (stale) after 15 minutes; the housekeeping purges points older than 24 h.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardMapDto } from '../../src/contracts/dashboard.js';
import type { ReportPositionsDto } from '../../src/contracts/inspector-positions.js';
import { toWgs84 } from '../../src/domain/geo/index.js';
import { purgePositionsBefore } from '../../src/server/db/repositories/inspector-position-repository.js';
import type { TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingDriver, type DongpingDriver } from '../dongping-driver.js';
import { pointInDongfeng } from '../dongping.js';
import { expectDocumented } from '../openapi.js';

type Json = Record<string, unknown>;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
/** 人民广场, well outside 东平镇 */
const outsideTown = { lng: 121.4737, lat: 31.2304 };
const url = '/api/v1/inspectors/me/positions';

describe(`inspector positions (${dialectUnderTest})`, () => {
  let d: DongpingDriver;
  let t: TestApp;
  let cookies: Record<string, string>;
  beforeAll(async () => {
    d = await dongpingDriver('2026-11-25T01:00:00.000Z');
    ({ t, cookies } = d);
  });
  afterAll(async () => t?.close());

  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();
  const post = (payload: unknown, who = 'inspector1') => t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload: payload as Json });
  const report = async (points: Json[], who = 'inspector1'): Promise<ReportPositionsDto> => {
    const res = await post({ points }, who);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    return res.json() as ReportPositionsDto;
  };
  const map = async (): Promise<DashboardMapDto> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/dashboard/map', headers: { cookie: cookies.leader! } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as DashboardMapDto;
  };
  const trackCount = async (): Promise<number> => {
    const r = await t.database.db.selectFrom('inspector_position_track').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const inspectorOnMap = async (username: string) => (await map()).inspectors.find((i) => i.name.includes(username));

  it('is for an inspector, for their own position only', async () => {
    const body = { points: [{ ...pointInQianshao, at: ago(0) }] };
    for (const who of ['dispatcher', 'leader', 'stationdf', 'auditor']) {
      const res = await post(body, who);
      expect(res.statusCode, who).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await t.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    expect(await trackCount()).toBe(0);
    await expectDocumented(t.app, { [url]: ['post'] });
  });

  it('refuses the whole batch naming each bad point: outside the town, in the future, older than 24 h', async () => {
    const res = await post({
      points: [
        { ...pointInQianshao, at: ago(2 * MINUTE) },
        { ...outsideTown, at: ago(MINUTE) },
        { ...pointInQianshao, at: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString() },
        { ...pointInQianshao, at: ago(25 * HOUR) },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as { code: string; message: { zh: string; en: string }; errors: Array<{ field: string; message: { zh: string; en: string } }> };
    expect(problem.code).toBe('POSITION_REFUSED');
    expect(problem.message.zh).toMatch(/\p{Script=Han}/u);
    expect(problem.errors.map((e) => e.field)).toEqual(['body.points.1', 'body.points.2.at', 'body.points.3.at']);
    expect(problem.errors[0]!.message.en).toContain('outside the town');
    expect(problem.errors[1]!.message.en).toContain('future');
    expect(problem.errors[2]!.message.en).toContain('24 hours');
    // nothing of it was stored, not even the good first point
    expect(await trackCount()).toBe(0);
    expect(await inspectorOnMap('inspector1')).toBeUndefined();
  });

  it('refuses a batch of more than 50 points, an empty one and malformed points (400, field path)', async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ ...pointInQianshao, at: ago((51 - i) * 1000) }));
    const cases: Array<[unknown, string]> = [
      [{ points: many }, 'body.points'],
      [{ points: [] }, 'body.points'],
      [{ points: [{ lng: '121.84', lat: 31.59, at: ago(0) }] }, 'body.points.0.lng'],
      [{ points: [{ ...pointInQianshao, at: 'yesterday' }] }, 'body.points.0.at'],
      [{ points: [{ ...pointInQianshao, at: ago(0), crs: 'mars' }] }, 'body.points.0.crs'],
      [{ points: [{ ...pointInQianshao, at: ago(0), accuracy: -1 }] }, 'body.points.0.accuracy'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 100)).toBe(400);
      expect((res.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
    }
    // exactly 50 is fine
    expect((await report(many.slice(1))).accepted).toBe(50);
  });

  it('stores a resent batch once, and an older batch does not move the latest position', async () => {
    await t.database.db.deleteFrom('inspector_position_track').execute();
    await t.database.db.deleteFrom('inspector_positions').execute();
    const batch = [
      { lng: 121.84, lat: 31.595, accuracy: 12, at: ago(3 * MINUTE) },
      { lng: 121.841, lat: 31.5952, accuracy: 9.5, at: ago(2 * MINUTE) },
      { lng: 121.842, lat: 31.5954, at: ago(MINUTE) },
    ];
    const first = await report(batch);
    expect(first).toMatchObject({ accepted: 3, duplicates: 0, latest: { lng: 121.842, lat: 31.5954, accuracy: null, at: batch[2]!.at } });
    // the phone lost the answer and sends the same batch again; then the same instants written with +08:00
    const again = await report(batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
    const shifted = batch.map((p) => ({ ...p, at: new Date(Date.parse(p.at) + 8 * HOUR).toISOString().replace('Z', '+08:00') }));
    expect(await report(shifted)).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await trackCount()).toBe(3);
    // a point buffered offline arrives late: kept in the track, the latest stays the newest fix
    const late = await report([{ lng: 121.839, lat: 31.5949, at: ago(10 * MINUTE) }]);
    expect(late).toMatchObject({ accepted: 1, duplicates: 0, latest: { lng: 121.842, at: batch[2]!.at } });
    expect(await trackCount()).toBe(4);
  });

  it('converts GCJ-02 (高德/腾讯) to WGS84 before storing', async () => {
    const gcj = { lng: 121.4745, lat: 31.6782 };
    const [lng, lat] = toWgs84(gcj.lng, gcj.lat, 'gcj02');
    const res = await report([{ ...gcj, crs: 'gcj02', at: ago(0) }], 'inspectordf');
    expect(res.latest.lng).toBeCloseTo(lng, 6);
    expect(res.latest.lat).toBeCloseTo(lat, 6);
    // the Mars offset is a few hundred metres: the stored point is not the one typed
    expect(Math.abs(res.latest.lng - gcj.lng)).toBeGreaterThan(0.002);
  });

  it('the map shows the GPS fix over an older report, a newer report over an older fix, grey once stale', async () => {
    // inspector1: a report first, then a GPS fix a minute later → gps
    await d.intake({ channel: 'inspector', location: pointInDongfeng, description: '东风路口垃圾堆放' }, 'inspector1');
    t.clock.advance(MINUTE);
    await report([{ ...pointInQianshao, accuracy: 6, at: ago(0) }]);
    let i1 = await inspectorOnMap('inspector1');
    expect(i1).toMatchObject({ source: 'gps', lng: pointInQianshao.lng, lat: pointInQianshao.lat, accuracy: 6, caseNo: null, stale: false, stationName: expect.stringContaining('前哨') });

    // inspectordf: a GPS fix, then a report two minutes later → report
    await report([{ lng: 121.471, lat: 31.681, at: ago(0) }], 'inspectordf');
    t.clock.advance(2 * MINUTE);
    const newer = await d.intake({ channel: 'inspector', location: pointInDongfeng, description: '东风路面坑洼' }, 'inspectordf');
    const df = await inspectorOnMap('inspectordf');
    expect(df).toMatchObject({ source: 'report', lng: pointInDongfeng.lng, lat: pointInDongfeng.lat, caseNo: newer.caseNo, accuracy: null, stale: false, stationName: '东风站' });
    expect((await map()).inspectors).toHaveLength(2);

    // 16 minutes without news: both grey, still where they were
    t.clock.advance(16 * MINUTE);
    await d.logInAll();
    i1 = await inspectorOnMap('inspector1');
    expect(i1).toMatchObject({ source: 'gps', stale: true, lng: pointInQianshao.lng });
    expect(await inspectorOnMap('inspectordf')).toMatchObject({ source: 'report', stale: true });
    // a fresh fix: not stale any more
    await report([{ ...pointInQianshao, at: ago(0) }]);
    expect(await inspectorOnMap('inspector1')).toMatchObject({ source: 'gps', stale: false });
  });

  it('the housekeeping purges points older than 24 hours; the map forgets them', async () => {
    expect(await trackCount()).toBeGreaterThan(0);
    t.clock.advance(25 * HOUR);
    await d.logInAll();
    expect((await map()).inspectors).toEqual([]);
    const purged = await purgePositionsBefore(t.database.db, ago(24 * HOUR));
    expect(purged).toBeGreaterThan(0);
    expect(await trackCount()).toBe(0);
    const latest = await t.database.db.selectFrom('inspector_positions').selectAll().execute();
    expect(latest).toEqual([]);
  });
});
