/** Staff phones: masked unless the role may see them; each unmasked read is audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';

interface Staff {
  code: string;
  phone: string;
  phoneMasked: boolean;
}
const phones = (list: Staff[]) => Object.fromEntries(list.map((p) => [p.code, p.phone]));

describe(`personnel (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  const reads = () => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.read').orderBy('id').execute();

  it('an inspector sees every phone masked, and nothing is audited', async () => {
    const cookie = await login(t.app, 'inspector1');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(phones(res.json())).toEqual({ P1: '138****5678', P2: '139****1111', P3: '021-****3456', P4: '137****2222' });
    expect(res.json().every((p: Staff) => p.phoneMasked)).toBe(true);
    expect(res.json()[0]).toMatchObject({ code: 'P1', name: '张三丰', position: '网格巡查员', stationCode: 'S1', grids: ['310151999001001'] });
    expect(await reads()).toEqual([]);
  });

  it('a dispatcher sees them unmasked, and the read leaves a personal_data.read audit row', async () => {
    const cookie = await login(t.app, 'dispatcher');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { cookie } });
    expect(phones(res.json())).toEqual({ P1: '13812345678', P2: '13900001111', P3: '021-69123456', P4: '13700002222' });
    const rows = await reads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_type: 'user', actor_name: 'dispatcher', outcome: 'success', resource_type: 'personnel', resource_id: null });
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toEqual({ fields: ['phone'], ids: ['P1', 'P2', 'P3', 'P4'] });

    const one = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/P3', headers: { cookie } });
    expect(one.json()).toMatchObject({ code: 'P3', phone: '021-69123456', phoneMasked: false });
    expect((await reads()).map((r) => r.resource_id)).toEqual([null, 'P3']);
  });

  it("a station chief sees the phones of their own station's people only", async () => {
    const cookie = await login(t.app, 'station1');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/personnel', headers: { cookie } });
    expect(phones(res.json())).toEqual({ P1: '13812345678', P2: '139****1111', P3: '021-****3456', P4: '137****2222' });
    const last = (await reads()).at(-1);
    expect(last).toMatchObject({ actor_name: 'station1', resource_id: 'P1' });
  });

  it('filters by station; an unknown code is 404; anonymous is 401', async () => {
    const cookie = await login(t.app, 'supervisor');
    const s2 = await t.app.inject({ method: 'GET', url: '/api/v1/personnel?station=S2', headers: { cookie } });
    expect(s2.json().map((p: Staff) => p.code)).toEqual(['P2']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/personnel/P99', headers: { cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/personnel' })).statusCode).toBe(401);
  });
});
