/**
 * The organisation read endpoints on the Dongping profile (R1): stations with the temporary 花博园区
 * station in force only in its period, grids as GeoJSON, departments with duty lists derived from the
 * catalogue, categories, locate (WGS84 and GCJ-02, outside the town, out of range), health without
 * login, and the OpenAPI document listing every route of cases, attachments, stream and organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/domain/profile/schema.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { expectDocumented } from '../openapi.js';

interface Station {
  code: string;
  temporary: boolean;
  inForce: boolean;
  validFrom: string | null;
  validTo: string | null;
  takesOverGrids: string[];
  gridCount: number;
}

/** inside 花博园西北网格 (310151115001006), a 东风 grid the 花博园区 station takes over in its period */
const pointInExpoGrid = { lng: 121.4676, lat: 31.7002 };

describe(`organisation endpoints (${dialectUnderTest})`, () => {
  let t: TestApp;
  let profile: Profile;
  let cookie: string;
  beforeAll(async () => {
    profile = await dongpingProfile();
    // Monday 2026-03-09 09:00 in Shanghai
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-09T01:00:00.000Z' });
    cookie = await login(t.app, 'inspectordf');
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('lists the six stations and the temporary 花博园区 station, in force only in its period', async () => {
    const res = await get('/api/v1/stations');
    expect(res.statusCode).toBe(200);
    const stations = res.json() as Station[];
    expect(stations.map((s) => s.code).sort()).toEqual(['CJ', 'DF', 'FW', 'GL', 'HBY', 'QJ', 'QS']);
    const hby = stations.find((s) => s.code === 'HBY')!;
    expect(hby).toMatchObject({ temporary: true, validFrom: '2021-03-01', validTo: '2021-07-31', inForce: false, gridCount: 6 });
    expect(hby.takesOverGrids).toContain('310151115001006');
    expect(stations.filter((s) => s.code !== 'HBY').every((s) => !s.temporary && s.inForce)).toBe(true);
    const grids = new Map<string, number>();
    for (const g of profile.grids) grids.set(g.properties.stationCode, (grids.get(g.properties.stationCode) ?? 0) + 1);
    expect(stations.find((s) => s.code === 'DF')!.gridCount).toBe(12);
    expect(stations.find((s) => s.code === 'QS')!.gridCount).toBe(grids.get('QS'));
    expect((await get(`/api/v1/locate?lng=${pointInExpoGrid.lng}&lat=${pointInExpoGrid.lat}`)).json()).toMatchObject({ gridCode: '310151115001006', stationCode: 'DF' });

    // during the Flower Expo (Tuesday 2021-06-01) it is in force and its grids are its own
    t.clock.set('2021-06-01T02:00:00.000Z');
    cookie = await login(t.app, 'inspectordf');
    const then = (await get('/api/v1/stations')).json() as Station[];
    expect(then.find((s) => s.code === 'HBY')!.inForce).toBe(true);
    expect((await get(`/api/v1/locate?lng=${pointInExpoGrid.lng}&lat=${pointInExpoGrid.lat}`)).json()).toMatchObject({ gridCode: '310151115001006', stationCode: 'HBY' });
    // a 东风 grid it does not take over stays 东风's
    expect((await get(`/api/v1/locate?lng=${pointInDongfeng.lng}&lat=${pointInDongfeng.lat}`)).json().stationCode).toBe('DF');
    // the last day of its period is in force, the day after is not (Shanghai dates)
    t.clock.set('2021-07-31T15:59:00.000Z'); // 23:59 on 31 July in Shanghai
    cookie = await login(t.app, 'inspectordf');
    expect(((await get('/api/v1/stations')).json() as Station[]).find((s) => s.code === 'HBY')!.inForce).toBe(true);
    t.clock.set('2021-07-31T16:01:00.000Z'); // 00:01 on 1 August in Shanghai
    cookie = await login(t.app, 'inspectordf');
    expect(((await get('/api/v1/stations')).json() as Station[]).find((s) => s.code === 'HBY')!.inForce).toBe(false);

    t.clock.set('2026-03-09T01:00:00.000Z');
    cookie = await login(t.app, 'inspectordf');
  });

  it('serves the grids as GeoJSON, all or one station’s', async () => {
    const res = await get('/api/v1/grids');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(profile.grids.length);
    const grid = body.features.find((f: { id: string }) => f.id === '310151115001011');
    expect(grid.properties).toMatchObject({ code: '310151115001011', name: '东风11号网格', stationCode: 'DF', stationName: '东风站' });
    expect(['Polygon', 'MultiPolygon']).toContain(grid.geometry.type);
    const qs = (await get('/api/v1/grids?station=QS')).json();
    expect(qs.features.map((f: { id: string }) => f.id).sort()).toEqual(['310151115006001', '310151115006002', '310151115006003', '310151115006004', '310151115006005', '310151115006006']);
    expect((await get('/api/v1/grids?station=XX')).json().features).toEqual([]);
  });

  it('lists departments with their duty lists derived from the catalogue', async () => {
    const res = await get('/api/v1/departments');
    expect(res.statusCode).toBe(200);
    const departments = res.json() as Array<{ code: string; shortName: string; duties: { owns: string[]; leads: string[]; assists: string[] } }>;
    const cgzd = departments.find((d) => d.code === 'CGZD')!;
    expect(cgzd.shortName).toBe('城管中队');
    expect(cgzd.duties.owns).toContain('09001');
    expect(cgzd.duties.leads).toContain('09001');
    expect(departments.find((d) => d.code === 'SCS')!.duties.assists).toContain('09001');
    expect(departments.find((d) => d.code === 'HW')!.duties.owns).toContain('06010');
    // each list is exactly the catalogue's, for every department
    for (const d of departments) {
      const owns = profile.categories.filter((c) => c.owner === d.code).map((c) => c.code).sort();
      const leads = profile.categories.filter((c) => c.lead === d.code).map((c) => c.code).sort();
      const assists = profile.categories.filter((c) => c.assists.includes(d.code)).map((c) => c.code).sort();
      expect(d.duties, d.code).toEqual({ owns, leads, assists });
    }
  });

  it('lists the category catalogue with owners and time limits', async () => {
    const categories = (await get('/api/v1/categories')).json() as Array<{ code: string; name: string; owner: string; lead: string | null; assists: string[]; stationLevel: boolean; limits: Array<{ urgency: string; steps: Record<string, { amount: number; unit: string }> }> }>;
    expect(categories).toHaveLength(profile.categories.length);
    const stall = categories.find((c) => c.code === '09001')!;
    expect(stall).toMatchObject({ name: '无照经营游商', owner: 'CGZD', lead: 'CGZD', assists: ['SCS', 'SRS'], stationLevel: false });
    expect(stall.limits.find((l) => l.urgency === 'normal')!.steps.handle).toEqual({ amount: 2, unit: 'workHour' });
    expect(categories.find((c) => c.code === '06010')).toMatchObject({ name: '暴露垃圾', stationLevel: true });
  });

  it('locates a point: inside → grid and station; GCJ-02 converted; outside → 422; out of range → 400', async () => {
    const inside = await get(`/api/v1/locate?lng=${pointInDongfeng.lng}&lat=${pointInDongfeng.lat}`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toEqual({ lng: 121.47, lat: 31.68, gridCode: '310151115001011', gridName: '东风11号网格', stationCode: 'DF', stationName: '东风站' });

    const gcj = await get('/api/v1/locate?lng=121.47&lat=31.68&crs=gcj02');
    expect(gcj.statusCode).toBe(200);
    const p = gcj.json();
    // GCJ-02 lies about 0.004° east and 0.002° south of WGS84 here: the WGS84 point is west and north
    expect(p.lng).toBeLessThan(121.47);
    expect(p.lng).toBeGreaterThan(121.46);
    expect(p.lat).toBeGreaterThan(31.68);
    expect(p.lat).toBeLessThan(31.685);
    expect(p.stationCode).toBe('DF');

    const outside = await get('/api/v1/locate?lng=121.47&lat=31.23');
    expect(outside.statusCode).toBe(422);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json()).toMatchObject({ code: 'OUTSIDE_TOWN' });
    expect(outside.json().message.zh).toBeTruthy();

    const range = await get('/api/v1/locate?lng=200&lat=31.68');
    expect(range.statusCode).toBe(400);
    expect(range.json().code).toBe('VALIDATION_FAILED');
    expect(range.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.lng']);
    expect((await get('/api/v1/locate?lng=121.47')).json().errors.map((e: { field: string }) => e.field)).toEqual(['query.lat']);
  });

  it('asks for a login for the organisation but not for health', async () => {
    for (const url of ['/api/v1/stations', '/api/v1/grids', '/api/v1/departments', '/api/v1/categories', '/api/v1/locate?lng=121.47&lat=31.68']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: { dialect: dialectUnderTest, ok: true }, profile: { townCode: '310151115', townName: '东平镇' } });
    // the hash the profile was loaded with (test/app.ts loads it as 'test-profile')
    expect(health.json().profile.hash).toBe('test-profile');
  });

  it('documents every route of cases, attachments, stream and organisation in OpenAPI', async () => {
    const expected: Record<string, string[]> = {
      '/api/v1/cases': ['post', 'get'],
      '/api/v1/cases/{id}': ['get'],
      '/api/v1/cases/{id}/reporter': ['get'],
      '/api/v1/cases/{id}/joint-meetings': ['post'],
      '/api/v1/cases/{id}/actions/{action}': ['post'],
      '/api/v1/attachments': ['post'],
      '/api/v1/cases/{id}/attachments': ['post'],
      '/api/v1/attachments/{id}': ['get'],
      '/api/v1/stream': ['get'],
      '/api/v1/stations': ['get'],
      '/api/v1/grids': ['get'],
      '/api/v1/departments': ['get'],
      '/api/v1/categories': ['get'],
      '/api/v1/locate': ['get'],
      '/api/v1/health': ['get'],
    };
    const doc = await expectDocumented(t.app, expected);
    // the action names are documented as the path parameter's values
    const action = doc.paths['/api/v1/cases/{id}/actions/{action}'].post.parameters.find((p: { name: string; in: string }) => p.name === 'action' && p.in === 'path');
    expect(action.schema.enum).toEqual(expect.arrayContaining(['register', 'dispatch', 'handle-locally', 'decide-extension']));
    const intake = doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(intake)).toContain('hotline_12345');
  });
});
