/**
 * The seed's whole loop through the API on the Dongping profile (issue: the closed loop, test 1): a
 * 12345 order about an unlicensed street stall arrives twice (one case), is routed to 城管中队 by rule,
 * returned as not theirs, designated, handled, fails verification, is reworked, passes, the citizen is
 * dissatisfied, the case is closed, and the hash-chained record verifies — and breaks when tampered with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyRecord } from '../../src/server/commands/verify-record.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { tinyPng } from '../images.js';

describe('the closed loop of a street-stall order', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const profile = await dongpingProfile();
    // Monday 2026-03-02 09:00 in Shanghai
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-02T01:00:00.000Z' });
    for (const u of dongpingUsers) cookies[u.username] = await login(t.app, u.username);
  });
  afterAll(async () => t?.close());

  const act = (who: string, id: string, action: string, payload: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]! }, payload });

  const order = {
    channel: 'hotline_12345',
    externalId: '12345-2026030200017',
    description: '东平镇北沿公路森林公园门口有人无证摆摊卖水果，三轮车流动摊贩占道，影响通行',
    location: pointInDongfeng,
    address: '崇明区东平镇北沿公路森林公园南门',
    reporter: { name: '陈建国', phone: '13916720835' },
    channelData: { orderNo: '2026030200017', callType: 'complaint' },
  };

  it('runs the whole loop, each step by the right role, and the record verifies', async () => {
    // arrives twice: one case
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: order });
    expect(first.statusCode).toBe(201);
    const created = first.json();
    expect(created.status).toBe('reported');
    expect(created.station.code).toBe('DF');
    expect(created.reporter).toEqual({ name: '陈**', phone: '139****0835', masked: true });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: order });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(created.id);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! } });
    expect(list.json().items).toHaveLength(1);
    const id: string = created.id;

    // 立案 with the category confirmed → dispatched by rule to 城管中队 (谁牵头谁办理: lead CGZD, assists SCS, SRS)
    const registered = await act('dispatcher', id, 'register', { categoryCode: '09001' });
    expect(registered.statusCode).toBe(200);
    const r = registered.json();
    expect(r.status).toBe('dispatched');
    expect(r.leadUnit.code).toBe('CGZD');
    expect(r.assistUnits.map((u: { code: string }) => u.code)).toEqual(['SCS', 'SRS']);
    expect(r.routing.rule).toBe('lead');
    expect(r.routing.explanation.zh).toContain('谁牵头谁办理');
    expect(r.routing.explanation.zh).toContain('城管中队');
    expect(r.routing.explanation.zh).not.toMatch(/\bCGZD\b/);
    expect(r.events.map((e: { action: string }) => e.action)).toEqual(['report', 'register', 'dispatch']);
    expect(r.events[2].actor.type).toBe('system');
    expect(r.deadlines.find((d: { step: string; stoppedAt: string | null }) => d.step === 'accept' && d.stoppedAt === null)).toBeTruthy();

    // an assisting unit may not drive the case; the lead unit returns it as not theirs
    expect((await act('scs', id, 'accept')).statusCode).toBe(403);
    const returned = await act('cgzd', id, 'return', { reason: '该摊位位于森林公园管理范围内，不属于城管中队职责' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect(returned.json().routing.leadUnit).not.toBe('CGZD');

    // 指定谁谁办理: the coordinator designates 城管中队, which can no longer return it (首接责任制)
    expect((await act('dispatcher', id, 'designate', { leadUnit: 'CGZD', reason: 'x' })).statusCode).toBe(403);
    const designated = await act('coordinator', id, 'designate', { leadUnit: 'CGZD', assistUnits: ['SCS'], reason: '道路沿线无序设摊属城管中队牵头整治，指定办理' });
    expect(designated.json()).toMatchObject({ status: 'dispatched', designated: true });
    const refusedReturn = await act('cgzd', id, 'return', { reason: '再次退回' });
    expect(refusedReturn.statusCode).toBe(409);
    expect(refusedReturn.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED_IN_STATE', state: 'dispatched' });
    expect(refusedReturn.json().allowedActions).toContain('accept');

    // 谁牵头谁办理: the lead unit convenes the assisting unit and the meeting is kept with the case
    const meeting = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/joint-meetings`,
      headers: { cookie: cookies.cgzd! },
      payload: { heldAt: '2026-03-02T02:30:00Z', participants: ['CGZD', 'SCS'], minutes: '城管中队与市场所会商：联合劝离，市场所核查经营资质', decisions: '明日上午联合整治' },
    });
    expect(meeting.statusCode).toBe(201);
    expect(meeting.json().jointMeetings[0].participants.map((p: { name: string }) => p.name)).toEqual(['城管中队', '市场所']);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/joint-meetings`, headers: { cookie: cookies.scs! }, payload: { heldAt: '2026-03-02T02:30:00Z', participants: ['SCS'], minutes: 'x' } })).statusCode).toBe(403);

    // handled, with a photo
    expect((await act('cgzd', id, 'accept')).json().status).toBe('accepted');
    expect((await act('cgzd', id, 'start')).json().status).toBe('handling');
    const upload = await t.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { cookie: cookies.cgzd!, 'content-type': 'multipart/form-data; boundary=X' }, payload: multipartPng(tinyPng()) });
    expect(upload.statusCode).toBe(201);
    const photo: string = upload.json().id;
    expect((await act('cgzd', id, 'feedback', { text: '已劝离摊贩，现场恢复', photos: [photo] })).json().status).toBe('feedback');

    // fails verification on site → rework → passes
    expect((await act('inspector1', id, 'verify', { result: 'pass' })).statusCode).toBe(403); // another station's inspector
    const failed = await act('inspectordf', id, 'verify', { result: 'fail', reason: '摊贩仍在原处经营' });
    expect(failed.json()).toMatchObject({ status: 'handling', reworkCount: 1 });
    expect((await act('cgzd', id, 'feedback', { text: '会同市场所暂扣经营工具，摊贩已撤离', photos: [photo] })).json().status).toBe('feedback');
    expect((await act('inspectordf', id, 'verify', { result: 'pass' })).json().status).toBe('verified');

    // the citizen is dissatisfied; the case is closed with it on record
    expect((await act('dispatcher', id, 'visit', { outcome: 'dissatisfied', note: '市民认为处理不及时' })).json()).toMatchObject({ status: 'visited', visitOutcome: 'dissatisfied' });
    const closed = (await act('dispatcher', id, 'close')).json();
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeTruthy();
    expect(closed.allowedActions).toEqual([]);
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual([
      'report', 'register', 'dispatch', 'return', 'designate', 'joint-meeting', 'accept', 'start', 'feedback', 'verify', 'feedback', 'verify', 'visit', 'close',
    ]);
    expect(closed.deadlines.every((d: { state: string }) => d.state === 'done')).toBe(true);

    const verdict = await verifyRecord(t.database, t.ctx.townId);
    expect(verdict).toMatchObject({ ok: true, count: 14 });
  });

  it('refuses an action not allowed now with 409 naming the state and the allowed actions, and changes nothing', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies.dispatcher! }, payload: { ...order, externalId: '12345-2026030200018' } });
    const id = res.json().id;
    const refused = await act('dispatcher', id, 'close');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED_IN_STATE', state: 'reported' });
    expect(refused.json().allowedActions).toEqual(expect.arrayContaining(['register', 'void']));
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.dispatcher! } });
    expect(after.json()).toMatchObject({ status: 'reported', version: 1 });
  });

  it('detects a rewritten and a deleted event', async () => {
    expect((await verifyRecord(t.database, t.ctx.townId)).ok).toBe(true);
    const db = t.database.db;
    // the database itself refuses: the record is append-only
    await expect(sql`UPDATE case_events SET reason = '无' WHERE seq = 4`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM case_events WHERE seq = 4`.execute(db)).rejects.toThrow(/append-only/);
    // someone with the database owner's rights switches that off: the chain still tells
    if (t.database.dialect === 'postgres') await sql`ALTER TABLE case_events DISABLE TRIGGER USER`.execute(db);
    else await sql`DROP TRIGGER case_events_no_update; DROP TRIGGER case_events_no_delete`.execute(db).catch(async () => {
      await sql`DROP TRIGGER case_events_no_update`.execute(db);
      await sql`DROP TRIGGER case_events_no_delete`.execute(db);
    });
    const head = await sql<{ seq: number }>`SELECT max(seq) AS seq FROM case_events`.execute(db);
    const last = Number(head.rows[0]!.seq);
    await sql`DELETE FROM case_events WHERE seq = ${last}`.execute(db);
    expect(await verifyRecord(t.database, t.ctx.townId)).toMatchObject({ ok: false, firstBadSeq: last, reason: 'gap_in_sequence' });
    await sql`UPDATE case_events SET reason = '无' WHERE seq = 4`.execute(db);
    expect(await verifyRecord(t.database, t.ctx.townId)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'hash_mismatch' });
  });
});

function multipartPng(bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from('--X\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n'),
    bytes,
    Buffer.from('\r\n--X--\r\n'),
  ]);
}
