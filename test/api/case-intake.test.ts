/**
 * Intake over the API on the Dongping profile (R2, R3): every channel's own fields, coordinate
 * conversion, address-only intake, classification, resends (external id, Idempotency-Key), possible
 * duplicates linked both ways and never merged, the list's filters and cursor, and the reporter's
 * personal data masked everywhere except the audited reporter endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import { GroupCommitter } from '../../src/server/db/group-commit.js';
import { verifyRecord } from '../../src/server/commands/verify-record.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { loseNextWriteAnswer } from '../lost-answer.js';

type Json = Record<string, unknown>;
interface Summary {
  id: string;
  status: string;
  channel: string;
  station: { code: string } | null;
  reporter: { name: string | null; phone: string | null; masked: boolean } | null;
  createdAt: string;
  deadlineState: string;
}

/** centroid-ish points of grids in other stations (see profiles/dongping/grids.geojson) */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };
const pointInDongfeng3 = { lng: 121.47173, lat: 31.71922 };
const pointInFengwei = { lng: 121.51055, lat: 31.68883 };
/** 人民广场, Shanghai: outside every grid of the town */
const pointOutsideTown = { lng: 121.47, lat: 31.23 };

function metersBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe(`case intake (${dialectUnderTest})`, () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    // Monday 2026-03-02 09:00 in Shanghai; sessions do not idle out while the clock jumps
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-02T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
  });
  afterAll(async () => t?.close());

  /** moves the clock; sessions have a maximum lifetime, so everyone logs in again */
  async function setClock(iso: string): Promise<void> {
    t.clock.set(iso);
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
  }

  const intake = (payload: Json, headers: Record<string, string> = {}, who = 'dispatcher') =>
    t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]!, ...headers }, payload });
  const get = (url: string, who = 'dispatcher') => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const act = (id: string, action: string, payload: Json = {}, who = 'dispatcher') =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });
  const caseCount = async () => Number((await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const base = { description: '东平镇北沿公路森林公园门口有人无证摆摊卖水果', location: pointInDongfeng };

  describe('each channel with its own fields', () => {
    const good: Record<string, Json> = {
      hotline_12345: { orderNo: '2026030200101', callType: 'complaint', hotlineDeadline: '2026-03-05T09:00:00Z' },
      hotline_12319: { orderNo: '12319-0001', callType: 'request' },
      police_110: { alarmNo: '110-20260302-77', kind: 'dispute', policeStation: '东平派出所' },
      inspector: { inspectorCode: 'P034', gridCode: '310151115001011' },
      video_patrol: { cameraId: 'CAM-DF-0012', operator: '王小燕' },
      video_ai: { cameraId: 'CAM-DF-0013', algorithm: 'street-vendor-v2', score: 0.87 },
      sensor: { deviceId: 'WL-0001', metric: 'water_level', value: 3.2, threshold: 3, unit: 'm' },
      department: { departmentCode: 'CGZD' },
      citizen: { app: '瀛洲E管家' },
      leader: { leaderName: '沈婷', instruction: '请城管中队尽快处置' },
    };
    const bad: Record<string, { channelData: Json | undefined; field: string }> = {
      hotline_12345: { channelData: { callType: 'rant' }, field: 'body.channelData.callType' },
      hotline_12319: { channelData: { hotlineDeadline: '2026-03-05T09:00:00Z' }, field: 'body.channelData.hotlineDeadline' },
      police_110: { channelData: { kind: 'robbery' }, field: 'body.channelData.kind' },
      inspector: { channelData: { gridCode: '123' }, field: 'body.channelData.gridCode' },
      video_patrol: { channelData: { operator: '王小燕' }, field: 'body.channelData.cameraId' },
      video_ai: { channelData: { cameraId: 'CAM-1', algorithm: 'a', score: 1.5 }, field: 'body.channelData.score' },
      sensor: { channelData: { deviceId: 'WL-1', metric: 'water_level', value: 'high' }, field: 'body.channelData.value' },
      department: { channelData: { departmentCode: 'not a code!' }, field: 'body.channelData.departmentCode' },
      citizen: { channelData: { app: 'wechat' }, field: 'body.channelData.app' },
      leader: { channelData: { instruction: '请处理' }, field: 'body.channelData.leaderName' },
    };

    it('accepts every channel with its own fields and keeps them', async () => {
      for (const [channel, channelData] of Object.entries(good)) {
        const res = await intake({ ...base, channel, channelData });
        expect(res.statusCode, `${channel}: ${res.body.slice(0, 300)}`).toBe(201);
        const detail = (await get(`/api/v1/cases/${res.json().id}`)).json();
        expect(detail.channel).toBe(channel);
        expect(detail.channelData).toEqual(channelData);
        expect(detail.status).toBe('reported');
      }
    });

    it('refuses one wrong channelData per channel with the field path, and creates nothing', async () => {
      const before = await caseCount();
      for (const [channel, { channelData, field }] of Object.entries(bad)) {
        const res = await intake({ ...base, channel, channelData });
        expect(res.statusCode, `${channel}: ${res.body.slice(0, 300)}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const body = res.json();
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(body.errors.map((e: { field: string }) => e.field), channel).toContain(field);
      }
      // a 110 transfer without its kind
      const no110Kind = await intake({ ...base, channel: 'police_110' });
      expect(no110Kind.statusCode).toBe(400);
      expect(no110Kind.json().errors.map((e: { field: string }) => e.field)).toContain('body.channelData');
      // a channel's field given to another channel is unknown there
      const crossed = await intake({ ...base, channel: 'citizen', channelData: { cameraId: 'CAM-1' } });
      expect(crossed.statusCode).toBe(400);
      expect(crossed.json().errors.map((e: { field: string }) => e.field)).toContain('body.channelData.cameraId');
      expect(await caseCount()).toBe(before);
    });
  });

  describe('location', () => {
    it('converts GCJ-02 input to WGS84: the stored point lies 400–700 m west of the input', async () => {
      const input = { lng: 121.47, lat: 31.68 };
      const res = await intake({ ...base, channel: 'citizen', location: { ...input, crs: 'gcj02' } });
      expect(res.statusCode).toBe(201);
      const stored = res.json().location as { lng: number; lat: number };
      const d = metersBetween(input, stored);
      expect(d).toBeGreaterThan(400);
      expect(d).toBeLessThan(700);
      expect(stored.lng).toBeLessThan(input.lng);
      // mostly west: the east–west shift is larger than the north–south one
      expect(Math.abs(stored.lng - input.lng) * 94_800).toBeGreaterThan(Math.abs(stored.lat - input.lat) * 111_000);
      expect(res.json().station.code).toBe('DF');
      // the same numbers as WGS84 are stored as given
      const plain = await intake({ ...base, channel: 'citizen', location: input });
      expect(plain.json().location).toEqual(input);
    });

    it('takes an address without coordinates: the station it names, no point; or, naming no place of the town, none', async () => {
      const res = await intake({ channel: 'hotline_12345', description: '东平镇某小区门口路灯不亮', address: '崇明区东平镇东风路 88 号' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ address: '崇明区东平镇东风路 88 号', location: null, grid: null, station: { code: 'DF' } });
      const nowhere = await intake({ channel: 'hotline_12345', description: '某小区门口路灯不亮', address: '崇明区某某路 88 号' });
      expect(nowhere.statusCode).toBe(201);
      expect(nowhere.json()).toMatchObject({ location: null, grid: null, station: null });
    });

    it('refuses a point outside the town with 422 OUTSIDE_TOWN and creates nothing', async () => {
      const before = await caseCount();
      const res = await intake({ ...base, channel: 'citizen', location: pointOutsideTown });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'OUTSIDE_TOWN' });
      expect(res.json().errors[0].field).toBe('body.location');
      expect(await caseCount()).toBe(before);
    });

    it('needs either coordinates or an address', async () => {
      const res = await intake({ channel: 'citizen', description: '路灯不亮' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('body.location');
    });
  });

  describe('classification', () => {
    it('refuses an unknown category with 422', async () => {
      const before = await caseCount();
      const res = await intake({ ...base, channel: 'hotline_12345', categoryCode: '99999' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
      expect(res.json().errors[0].field).toBe('body.categoryCode');
      expect(await caseCount()).toBe(before);
    });

    it('suggests a 井盖 category for a manhole text without categoryCode', async () => {
      const res = await intake({ channel: 'hotline_12345', description: '东风路上一个污水井盖破损了，车辆经过很危险', location: pointInDongfeng3 });
      expect(res.statusCode).toBe(201);
      const c = res.json().classification;
      expect(c.suggestions.length).toBeGreaterThan(0);
      const top = c.suggestions[0];
      expect(top.name).toContain('井盖');
      expect(top.confidence).toBeGreaterThan(0);
      expect(top.confidence).toBeLessThanOrEqual(1);
      expect(top.matchedTerms.length).toBeGreaterThan(0);
      if (!c.lowConfidence) {
        expect(c.source).toBe('classifier');
        expect(res.json().category.code).toBe(top.code);
      }
    });

    it('keeps the caller’s category as given', async () => {
      const res = await intake({ ...base, channel: 'hotline_12345', categoryCode: '09001' });
      expect(res.json().category).toEqual({ code: '09001', name: '无照经营游商' });
      expect(res.json().classification.source).toBe('intake');
    });
  });

  describe('resends', () => {
    it('returns the existing case for a resent external id: 200, same id, no second case', async () => {
      const order = { ...base, channel: 'hotline_12345', externalId: '12345-RESEND-1' };
      const first = await intake(order);
      expect(first.statusCode).toBe(201);
      const before = await caseCount();
      const again = await intake({ ...order, description: '重复推送的同一工单（内容略有不同）' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      expect(await caseCount()).toBe(before);
      // the same external id on another channel is another order
      const other = await intake({ ...order, channel: 'hotline_12319' });
      expect(other.statusCode).toBe(201);
      expect(other.json().id).not.toBe(first.json().id);
    });

    it('returns the existing case for a resend that would now be refused: unknown category, outside the town, unknown photo', async () => {
      const order = { ...base, channel: 'hotline_12345', externalId: '12345-RESEND-2', categoryCode: '09001' };
      const first = await intake(order);
      expect(first.statusCode).toBe(201);
      const before = await caseCount();
      for (const changed of [{ categoryCode: '99999' }, { location: pointOutsideTown }, { photos: ['a'.repeat(64)] }]) {
        const again = await intake({ ...order, ...changed });
        expect(again.statusCode, JSON.stringify(changed)).toBe(200);
        expect(again.json().id).toBe(first.json().id);
      }
      expect(await caseCount()).toBe(before);
      // the same refusals without a known external id
      expect((await intake({ ...order, externalId: '12345-RESEND-3', categoryCode: '99999' })).json()).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
      expect((await intake({ ...order, externalId: '12345-RESEND-3', location: pointOutsideTown })).json()).toMatchObject({ code: 'OUTSIDE_TOWN' });
      expect((await intake({ ...order, externalId: '12345-RESEND-3', photos: ['a'.repeat(64)] })).json()).toMatchObject({ code: 'UNKNOWN_ATTACHMENT' });
      expect(await caseCount()).toBe(before);
    });

    it('answers with the case when its commit went through but the answer was lost: no error, no second case', async () => {
      // a committer whose writer commits the batch and then loses the answer once (a dropped connection)
      const database = t.ctx.database;
      const realWrite = database.write;
      let answerLost = false;
      const committer = new GroupCommitter(database.db, {
        writer: {
          commit: async (queries) => {
            await database.db.transaction().execute(async (trx) => {
              for (const query of queries) await trx.executeQuery(query);
            });
            if (!answerLost) {
              answerLost = true;
              throw new Error('Connection terminated unexpectedly');
            }
          },
        },
      });
      database.write = committer.write.bind(committer);
      try {
        // the first intake reads the heads in a transaction of the committer's own; the second's batch goes to the writer
        expect((await intake({ ...base, channel: 'citizen', description: '应答丢失测试：第一件' })).statusCode).toBe(201);
        const before = await caseCount();
        const res = await intake({ ...base, channel: 'citizen', description: '应答丢失测试：已提交但应答丢失' });
        expect(answerLost).toBe(true);
        expect(res.statusCode).toBe(200);
        expect(res.json().description).toBe('应答丢失测试：已提交但应答丢失');
        expect(await caseCount()).toBe(before + 1);
      } finally {
        database.write = realWrite;
      }
      // the server's own committer, whose heads that other committer moved, reads them afresh and carries on
      expect((await intake({ ...base, channel: 'citizen', description: '应答丢失测试：之后的一件' })).statusCode).toBe(201);
      expect(await verifyRecord(database, t.ctx.townId)).toMatchObject({ ok: true });
    });

    it('answers an Idempotency-Key intake whose commit answer was lost with its case, and replays the key after', async () => {
      // the key's row is written in the case's own transaction, the ordinary (not group-committed) way
      const database = t.ctx.database;
      const lossy = loseNextWriteAnswer(database);
      const order = { ...base, channel: 'citizen', description: '应答丢失测试：带幂等键' };
      const before = await caseCount();
      let first;
      try {
        first = await intake(order, { 'idempotency-key': 'lost-answer-key-0001' });
      } finally {
        lossy.restore();
      }
      expect(lossy.lost()).toBe(true);
      expect(first.statusCode).toBe(200);
      expect(first.json().description).toBe(order.description);
      const again = await intake(order, { 'idempotency-key': 'lost-answer-key-0001' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      expect(await caseCount()).toBe(before + 1);
      expect(await verifyRecord(database, t.ctx.townId)).toMatchObject({ ok: true });
    });

    it('replays an Idempotency-Key repeat with 200 and refuses the key for another body', async () => {
      const order = { ...base, channel: 'citizen', description: '幂等键测试：门口有人摆摊' };
      const first = await intake(order, { 'idempotency-key': 'intake-key-0001' });
      expect(first.statusCode).toBe(201);
      const before = await caseCount();
      const again = await intake(order, { 'idempotency-key': 'intake-key-0001' });
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.json().id).toBe(first.json().id);
      expect(await caseCount()).toBe(before);
      const reused = await intake({ ...order, description: '另一件事' }, { 'idempotency-key': 'intake-key-0001' });
      expect(reused.statusCode).toBe(422);
      expect(reused.headers['content-type']).toContain('application/problem+json');
      expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await caseCount()).toBe(before);
    });
  });

  describe('possible duplicates', () => {
    it('links the same category within 50 m both ways, and keeps two cases', async () => {
      const a = await intake({ channel: 'hotline_12345', categoryCode: '09001', description: '东风3号网格路口有流动摊贩', location: pointInDongfeng3 });
      // about 20 m north
      const b = await intake({ channel: 'inspector', categoryCode: '09001', description: '巡查发现三轮车摆摊卖菜', location: { lng: pointInDongfeng3.lng, lat: pointInDongfeng3.lat + 0.00018 } });
      expect(b.statusCode).toBe(201);
      const aId: string = a.json().id;
      const bId: string = b.json().id;
      expect(b.json().duplicates).toEqual([expect.objectContaining({ caseId: aId, reasons: ['same_category_nearby'] })]);
      expect(b.json().duplicates[0].distanceMeters).toBeGreaterThan(15);
      expect(b.json().duplicates[0].distanceMeters).toBeLessThan(25);
      const aDetail = (await get(`/api/v1/cases/${aId}`)).json();
      const bDetail = (await get(`/api/v1/cases/${bId}`)).json();
      expect(aDetail.duplicates.map((d: { caseId: string }) => d.caseId)).toEqual([bId]);
      expect(bDetail.duplicates.map((d: { caseId: string }) => d.caseId)).toEqual([aId]);
      expect(aDetail.status).toBe('reported');
      expect(bDetail.status).toBe('reported');
      // 80 m away is not a duplicate
      const far = await intake({ channel: 'inspector', categoryCode: '09001', description: '又一处摊贩', location: { lng: pointInDongfeng3.lng, lat: pointInDongfeng3.lat + 0.00072 } });
      expect(far.json().duplicates).toEqual([]);
    });

    it('answers a new case with what reading it back shows: intake builds its answer without reading, and both agree', async () => {
      const first = await intake({ channel: 'hotline_12345', externalId: 'AGREE-1', description: '路口有人摆摊卖水果，占道经营', location: pointInFengwei, reporter: { name: '钱小红', phone: '13900001111' }, channelData: { orderNo: 'AGREE-1', callType: 'complaint' } });
      expect(first.statusCode).toBe(201);
      // a suggested category, channel fields, a routing decision, a reporter, and a duplicate by the same caller
      const answer = await intake({ channel: 'hotline_12345', externalId: 'AGREE-2', description: '路口有人摆摊卖水果，占道经营', location: pointInFengwei, reporter: { name: '钱小红', phone: '13900001111' }, channelData: { orderNo: 'AGREE-2', callType: 'complaint' } });
      expect(answer.statusCode).toBe(201);
      const body = answer.json();
      expect(body.classification.suggestions.length).toBeGreaterThan(0);
      expect(body.classification.suggestions[0].name).toEqual(expect.any(String));
      expect(body.routing.leadUnit).toEqual(expect.any(String));
      expect(body.duplicates.map((d: { caseId: string }) => d.caseId)).toEqual([first.json().id]);
      expect(body.channelData).toEqual({ orderNo: 'AGREE-2', callType: 'complaint' });
      expect((await get(`/api/v1/cases/${body.id}`)).json()).toEqual(body);
    });

    it('links the same caller with a similar text, in whatever format the phone was written', async () => {
      const a = await intake({ channel: 'hotline_12345', description: '风伟4号网格附近工地夜间施工噪音扰民，影响休息', address: '东平镇风伟村', reporter: { name: '李海', phone: '13817001234' } });
      const b = await intake({ channel: 'hotline_12345', description: '风伟4号网格附近工地夜间施工噪音扰民，严重影响休息', location: pointInFengwei, reporter: { name: '李海', phone: '138 1700 1234' } });
      expect(b.statusCode, b.body.slice(0, 300)).toBe(201);
      const aId: string = a.json().id;
      expect(b.json().duplicates).toEqual([expect.objectContaining({ caseId: aId, reasons: ['same_caller_same_subject'] })]);
      expect((await get(`/api/v1/cases/${aId}`)).json().duplicates.map((d: { caseId: string }) => d.caseId)).toEqual([b.json().id]);
      // the same caller about something else is not linked
      const c = await intake({ channel: 'hotline_12345', description: '家门口的路灯坏了三天', address: '东平镇风伟村', reporter: { phone: '13817001234' } });
      expect(c.json().duplicates).toEqual([]);
    });
  });

  describe('the list', () => {
    it('finds all orders of one caller written in different formats', async () => {
      const phones = ['13916720835', '+86 139 1672 0835', '139-1672-0835'];
      const ids: string[] = [];
      for (const [i, phone] of phones.entries()) {
        const res = await intake({ channel: 'hotline_12345', description: `来电人第${i + 1}次反映：小区垃圾桶满溢`, address: `东平镇长江村 ${i + 1} 号`, reporter: { name: '陈建国', phone } });
        expect(res.statusCode, `${phone}: ${res.body.slice(0, 300)}`).toBe(201);
        ids.push(res.json().id);
      }
      await intake({ channel: 'hotline_12345', description: '另一位来电人', address: '东平镇长江村', reporter: { phone: '13916720836' } });
      // one spelling is stored, so the mask and the unmasked read agree whatever was typed
      expect((await get(`/api/v1/cases/${ids[1]}`)).json().reporter.phone).toBe('139****0835');
      expect((await get(`/api/v1/cases/${ids[1]}/reporter`)).json().phone).toBe('13916720835');
      for (const query of ['13916720835', '+86 139 1672 0835']) {
        const res = await get(`/api/v1/cases?callerPhone=${encodeURIComponent(query)}`);
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        expect(res.json().items.map((i: Summary) => i.id).sort()).toEqual([...ids].sort());
      }
    });

    it('filters by status, channel, station, category, department, deadline, text and time, and masks the reporter', async () => {
      await setClock('2026-03-03T01:00:00.000Z'); // Tuesday 09:00
      const tag = '筛选测试甲';
      const mk = async (channel: string, location: { lng: number; lat: number }) =>
        (await intake({ channel, categoryCode: '09001', description: `${tag} 流动摊贩占道 ${channel}`, location, reporter: { name: '王秀英', phone: '13700001111' } })).json().id as string;
      const qsCase = await mk('citizen', pointInQianshao);
      const dfCase = await mk('sensor', { lng: 121.4627, lat: 31.6723 });
      t.clock.set('2026-03-03T02:00:00.000Z'); // 10:00 (sessions live on)
      const registered = await mk('video_patrol', { lng: 121.4813, lat: 31.7169 });
      expect((await act(registered, 'register')).json().status).toBe('dispatched');
      const ids = (res: { json(): { items: Summary[] } }) => res.json().items.map((i) => i.id);
      const q = `q=${encodeURIComponent(tag)}`;

      expect(ids(await get(`/api/v1/cases?${q}`)).sort()).toEqual([qsCase, dfCase, registered].sort());
      expect(ids(await get(`/api/v1/cases?${q}&status=dispatched`))).toEqual([registered]);
      expect(ids(await get(`/api/v1/cases?${q}&status=reported,dispatched`)).sort()).toEqual([qsCase, dfCase, registered].sort());
      expect(ids(await get(`/api/v1/cases?${q}&channel=sensor,citizen`)).sort()).toEqual([qsCase, dfCase].sort());
      expect(ids(await get(`/api/v1/cases?${q}&station=QS`))).toEqual([qsCase]);
      const byStation = (await get('/api/v1/cases?station=QS&limit=200')).json().items as Summary[];
      expect(byStation.every((i) => i.station?.code === 'QS')).toBe(true);
      expect(ids(await get(`/api/v1/cases?${q}&from=2026-03-03T01:30:00Z`))).toEqual([registered]);
      expect(ids(await get(`/api/v1/cases?${q}&to=2026-03-03T01:30:00Z`)).sort()).toEqual([qsCase, dfCase].sort());
      expect(ids(await get(`/api/v1/cases?${q}&from=2026-03-03T09:00:00%2B08:00&to=2026-03-03T09:30:00%2B08:00`)).sort()).toEqual([qsCase, dfCase].sort());

      // by category, and by the unit the case is with (dispatched by rule to 城管中队)
      const lid = (await intake({ channel: 'citizen', categoryCode: '01001', description: `${tag} 井盖缺失`, location: pointInQianshao, reporter: { name: '王秀英', phone: '13700001111' } })).json().id as string;
      expect(ids(await get(`/api/v1/cases?${q}&category=01001`))).toEqual([lid]);
      expect(ids(await get(`/api/v1/cases?${q}&category=09001`)).sort()).toEqual([qsCase, dfCase, registered].sort());
      expect(ids(await get(`/api/v1/cases?${q}&department=CGZD`))).toEqual([registered]);
      expect(ids(await get(`/api/v1/cases?${q}&department=HW`))).toEqual([]);

      // deadlines: the accept clock (2 working hours from 10:00) turns yellow past 80 % of them and red once due; the sweep records it
      expect(ids(await get(`/api/v1/cases?${q}&deadline=green`))).toEqual([registered]);
      const acceptDue = ((await get(`/api/v1/cases/${registered}`)).json().deadlines as Array<{ step: string; dueAt: string }>).find((d) => d.step === 'accept')!.dueAt;
      await setClock(new Date(Date.parse(acceptDue) - 5 * 60_000).toISOString()); // five working minutes before it is due
      await sweepDeadlines(t.ctx);
      expect(ids(await get(`/api/v1/cases?${q}&deadline=yellow`))).toEqual([registered]);
      expect(ids(await get(`/api/v1/cases?${q}&deadline=green,red`))).toEqual([]);
      await setClock('2026-03-03T06:00:00.000Z'); // 14:00
      await sweepDeadlines(t.ctx);
      expect(ids(await get(`/api/v1/cases?${q}&deadline=red`))).toEqual([registered]);
      expect(ids(await get(`/api/v1/cases?${q}&deadline=green,yellow`))).toEqual([]);

      // masked in the list and in the detail
      const items = (await get(`/api/v1/cases?${q}`)).json().items as Summary[];
      for (const item of items) expect(item.reporter).toEqual({ name: '王**', phone: '137****1111', masked: true });
      const detail = await get(`/api/v1/cases/${qsCase}`);
      expect(detail.json().reporter).toEqual({ name: '王**', phone: '137****1111', masked: true });
      expect(detail.body).not.toContain('13700001111');
      expect(detail.body).not.toContain('王秀英');
    });

    it('pages with a cursor: limit=2 over 5 cases visits each exactly once, newest first', async () => {
      const tag = '分页测试乙';
      const created: string[] = [];
      // three share one instant (ties are broken by id), two come later
      for (let i = 0; i < 5; i += 1) {
        if (i >= 3) t.clock.advance(60_000);
        created.push((await intake({ channel: 'citizen', description: `${tag} 第${i}件`, address: `东平镇 ${i} 号` })).json().id);
      }
      const seen: string[] = [];
      const pages: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/api/v1/cases?q=${encodeURIComponent(tag)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: Summary[]; nextCursor: string | null };
        pages.push(body.items.length);
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor && pages.length < 10);
      expect(pages).toEqual([2, 2, 1]);
      expect([...seen].sort()).toEqual([...created].sort());
      expect(new Set(seen).size).toBe(5);
      // newest first: the two later ones lead
      expect(seen.slice(0, 2)).toEqual([created[4], created[3]]);
      const bad = await get('/api/v1/cases?cursor=not-a-cursor');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('query.cursor');
    });
  });

  describe('the reporter’s personal data', () => {
    it('is unmasked for a dispatcher, audited, and refused to an inspector and a department handler', async () => {
      const res = await intake({ channel: 'hotline_12345', categoryCode: '09001', description: '报告人信息测试：路口摆摊', location: pointInDongfeng, reporter: { name: '赵丽华', phone: '13600002222' } });
      const id: string = res.json().id;
      expect(res.json().reporter).toEqual({ name: '赵**', phone: '136****2222', masked: true });
      const reporter = await get(`/api/v1/cases/${id}/reporter`);
      expect(reporter.statusCode).toBe(200);
      expect(reporter.json()).toEqual({ name: '赵丽华', phone: '13600002222' });

      const audit = await get(`/api/v1/audit?action=personal_data.read&resourceId=${id}`, 'auditor');
      expect(audit.statusCode).toBe(200);
      const rows = audit.json().items as Array<{ actor: { name: string }; action: string; resourceType: string; resourceId: string }>;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'personal_data.read', resourceType: 'case', resourceId: id });
      expect(JSON.stringify(rows[0])).toContain('dispatcher');

      // the inspector of the case's station reads the case but not the reporter
      expect((await get(`/api/v1/cases/${id}`, 'inspectordf')).statusCode).toBe(200);
      const asInspector = await get(`/api/v1/cases/${id}/reporter`, 'inspectordf');
      expect(asInspector.statusCode).toBe(403);
      expect(asInspector.body).not.toContain('13600002222');
      // the lead unit after dispatch reads the case but not the reporter
      expect((await act(id, 'register')).json().leadUnit.code).toBe('CGZD');
      expect((await get(`/api/v1/cases/${id}`, 'cgzd')).statusCode).toBe(200);
      const asHandler = await get(`/api/v1/cases/${id}/reporter`, 'cgzd');
      expect(asHandler.statusCode).toBe(403);
      expect(asHandler.headers['content-type']).toContain('application/problem+json');
      // refusals are not personal-data reads
      const after = (await get(`/api/v1/audit?action=personal_data.read&resourceId=${id}`, 'auditor')).json().items;
      expect(after).toHaveLength(1);
    });
  });
});
