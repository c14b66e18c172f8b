/**
 * The case actions over the API on the Dongping profile (R4–R7): each refused to a wrong role (403)
 * and in a wrong state (409 naming the state and what is allowed) without changing anything;
 * extension, suspension, urging, escalation, instructions, local handling, station-level routing,
 * who sees which cases, and If-Match against a stale edit.
 */
import { describe, expect, it } from 'vitest';
import { type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingTestApp, dongpingUsers, pointInDongfeng } from '../dongping.js';
import { tinyJpeg, tinyPng } from '../images.js';

type Json = Record<string, unknown>;
interface Detail {
  id: string;
  status: string;
  version: number;
  leadUnit: { code: string } | null;
  assistUnits: Array<{ code: string }>;
  station: { code: string } | null;
  escalationLevel: string;
  extensionPending: boolean;
  allowedActions: string[];
  events: Array<{ action: string; data: Json; actor: { type: string; name: string } }>;
  deadlines: Array<{ step: string; dueAt: string; stoppedAt: string | null; paused: boolean }>;
  photos: string[];
  closedAt: string | null;
  routing: { rule: string; leadUnit: string | null } | null;
}

/** a point in 前哨 station (grid 310151115006001) */
const pointInQianshao = { lng: 121.8438, lat: 31.5955 };

const users: TestUser[] = [
  ...dongpingUsers,
  { username: 'stationqs', role: 'station_chief', station: 'QS' },
  { username: 'hw', role: 'department_handler', department: 'HW' },
];

function multipart(bytes: Buffer, filename: string, type: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--X\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from('\r\n--X--\r\n'),
  ]);
}

describe(`case actions over the API (${dialectUnderTest})`, () => {
  // Monday 2026-03-09 09:00 in Shanghai, a working day
  const { t, cookies, logInAll } = dongpingTestApp({ users, now: '2026-03-09T01:00:00.000Z' });

  async function setClock(iso: string): Promise<void> {
    t.clock.set(iso);
    await logInAll();
  }
  const act = (who: string, id: string, action: string, payload: Json = {}, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie: cookies[who]!, ...headers }, payload });
  const ok = async (who: string, id: string, action: string, payload: Json = {}): Promise<Detail> => {
    const res = await act(who, id, action, payload);
    expect(res.statusCode, `${who} ${action}: ${res.body.slice(0, 400)}`).toBe(200);
    return res.json() as Detail;
  };
  const detail = async (id: string, who = 'dispatcher'): Promise<Detail> => (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies[who]! } })).json() as Detail;
  const intake = async (payload: Json, who = 'dispatcher'): Promise<string> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]! }, payload });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
    return res.json().id as string;
  };
  let n = 0;
  /** a 12345 order about a street stall in 东风 (09001: lead 城管中队, assisted by 市场所 and 市容所) */
  const reported = () => intake({ channel: 'hotline_12345', categoryCode: '09001', description: `第${++n}件：路口有流动摊贩占道经营`, location: pointInDongfeng, reporter: { phone: '13916720835' } });
  const dispatched = async () => {
    const id = await reported();
    expect((await ok('dispatcher', id, 'register')).leadUnit?.code).toBe('CGZD');
    return id;
  };
  const handling = async () => {
    const id = await dispatched();
    await ok('cgzd', id, 'accept');
    await ok('cgzd', id, 'start');
    return id;
  };
  const upload = async (who: string, bytes: Buffer, name: string, type: string): Promise<string> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/attachments', headers: { cookie: cookies[who]!, 'content-type': 'multipart/form-data; boundary=X' }, payload: multipart(bytes, name, type) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const dueOf = (d: Detail, step: string) => d.deadlines.find((c) => c.step === step && c.stoppedAt === null)?.dueAt;

  const validInput = (photo: string): Record<string, Json> => ({
    register: {},
    void: { reason: '重复工单' },
    dispatch: { leadUnit: 'CGZD' },
    accept: {},
    return: { reason: '不属于本单位职责' },
    designate: { leadUnit: 'CGZD', reason: '指定办理' },
    start: {},
    feedback: { text: '已处理完毕' },
    verify: { result: 'pass' },
    visit: { outcome: 'satisfied' },
    close: {},
    extend: { reason: '需要协调多个部门', limit: { amount: 1, unit: 'workDay' } },
    'decide-extension': { decision: 'refuse', reason: '不同意延期' },
    suspend: { reason: '等待市民补充材料' },
    resume: {},
    urge: { note: '请尽快处理' },
    escalate: { reason: '处置不力，提请上级' },
    instruct: { text: '请相关部门高度重视' },
    'handle-locally': { text: '现场已清理', beforePhotos: [photo], afterPhotos: [photo] },
  });

  it('refuses every action to a wrong role with 403 and changes nothing', async () => {
    const photo = await upload('dispatcher', tinyPng(), 'p.png', 'image/png');
    const inputs = validInput(photo);
    const id = await handling();
    const wrong: Record<string, string> = {
      register: 'inspectordf', void: 'cgzd', dispatch: 'leader', accept: 'dispatcher', return: 'dispatcher', designate: 'dispatcher',
      start: 'inspectordf', feedback: 'dispatcher', verify: 'cgzd', visit: 'inspectordf', close: 'cgzd', extend: 'dispatcher',
      'decide-extension': 'dispatcher', suspend: 'dispatcher', resume: 'dispatcher', urge: 'cgzd', escalate: 'inspectordf',
      instruct: 'dispatcher', 'handle-locally': 'dispatcher',
    };
    const before = await detail(id);
    for (const [action, who] of Object.entries(wrong)) {
      const res = await act(who, id, action, inputs[action]);
      expect(res.statusCode, `${who} ${action}: ${res.body.slice(0, 300)}`).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code, `${who} ${action}`).toBe('ROLE_NOT_ALLOWED');
      expect(res.json().message.zh).toBeTruthy();
      expect(res.json().message.en).toBeTruthy();
    }
    // in role but out of scope: an assisting unit, another station's inspector and chief, an unassigned unit
    const outOfScope: Array<[string, string]> = [['scs', 'accept'], ['hw', 'feedback'], ['inspector1', 'verify'], ['stationqs', 'escalate']];
    for (const [who, action] of outOfScope) {
      const res = await act(who, id, action, inputs[action]);
      expect(res.statusCode, `${who} ${action}`).toBe(403);
      expect(res.json().code, `${who} ${action}`).toBe('OUT_OF_SCOPE');
    }
    const after = await detail(id);
    expect(after.version).toBe(before.version);
    expect(after.events).toEqual(before.events);
    expect(after.status).toBe('handling');
  });

  it('tells a unit that may not read the case nothing about its state', async () => {
    const id = await dispatched();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: cookies.hw! } })).statusCode).toBe(403);
    const res = await act('hw', id, 'accept');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
    expect(res.json().state).toBeUndefined();
    expect(res.json().allowedActions ?? []).toEqual([]);
  });

  it('refuses every action in a wrong state with 409 naming the state and the allowed actions, and changes nothing', async () => {
    const photo = await upload('dispatcher', tinyPng(), 'p.png', 'image/png');
    const inputs = validInput(photo);
    const cases = { reported: await reported(), dispatched: await dispatched(), handling: await handling(), voided: await reported() };
    await ok('dispatcher', cases.voided, 'void', { reason: '重复工单' });
    const table: Array<[string, string, keyof typeof cases]> = [
      ['register', 'dispatcher', 'dispatched'],
      ['void', 'dispatcher', 'dispatched'],
      ['dispatch', 'dispatcher', 'dispatched'],
      ['designate', 'coordinator', 'dispatched'],
      ['accept', 'cgzd', 'handling'],
      ['return', 'cgzd', 'handling'],
      ['start', 'cgzd', 'dispatched'],
      ['feedback', 'cgzd', 'dispatched'],
      ['verify', 'inspectordf', 'dispatched'],
      ['visit', 'dispatcher', 'dispatched'],
      ['close', 'dispatcher', 'dispatched'],
      ['extend', 'cgzd', 'dispatched'],
      ['decide-extension', 'coordinator', 'handling'],
      ['suspend', 'coordinator', 'reported'],
      ['resume', 'coordinator', 'dispatched'],
      ['urge', 'dispatcher', 'voided'],
      ['escalate', 'dispatcher', 'voided'],
      ['instruct', 'leader', 'voided'],
      ['handle-locally', 'inspectordf', 'dispatched'],
    ];
    expect(new Set(table.map(([a]) => a)).size).toBe(19);
    const before = new Map<string, Detail>();
    for (const id of Object.values(cases)) before.set(id, await detail(id));
    for (const [action, who, state] of table) {
      const id = cases[state];
      const res = await act(who, id, action, inputs[action]);
      expect(res.statusCode, `${who} ${action} on ${state}: ${res.body.slice(0, 300)}`).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('ACTION_NOT_ALLOWED_IN_STATE');
      expect(body.state).toBe(state);
      // what the refusal offers instead is what the case shows this actor
      expect(body.allowedActions, `${who} ${action}`).toEqual((await detail(id, who)).allowedActions);
      expect(body.allowedActions).not.toContain(action);
    }
    for (const id of Object.values(cases)) {
      const after = await detail(id);
      expect(after.version).toBe(before.get(id)!.version);
      expect(after.events.length).toBe(before.get(id)!.events.length);
    }
  });

  it('extends: the lead unit asks, an approval without a limit grants the requested one; a refusal keeps the deadline', async () => {
    await setClock('2026-03-09T01:00:00.000Z'); // Monday 09:00
    const id = await handling();
    // 处置 of 09001 (normal) is 2 working hours from 09:00 → 11:00
    expect(dueOf(await detail(id), 'handle')).toBe('2026-03-09T03:00:00.000Z');
    expect((await ok('cgzd', id, 'extend', { reason: '需会同市场所核查', limit: { amount: 3, unit: 'workHour' } })).extensionPending).toBe(true);
    // a second request while one is pending is refused
    expect((await act('cgzd', id, 'extend', { reason: '再次申请', limit: { amount: 1, unit: 'workHour' } })).statusCode).toBe(409);
    const approved = await ok('coordinator', id, 'decide-extension', { decision: 'approve' });
    expect(approved.extensionPending).toBe(false);
    // 11:00 + 3 working hours: 11:00–11:30, then 13:00–15:30
    expect(dueOf(approved, 'handle')).toBe('2026-03-09T07:30:00.000Z');
    expect(approved.events.at(-1)).toMatchObject({ action: 'decide-extension', data: { decision: 'approve', limit: { amount: 3, unit: 'workHour' } } });

    await ok('cgzd', id, 'extend', { reason: '仍需时间', limit: { amount: 1, unit: 'workDay' } });
    const refused = await ok('leader', id, 'decide-extension', { decision: 'refuse', reason: '应按期办结' });
    expect(refused.extensionPending).toBe(false);
    expect(dueOf(refused, 'handle')).toBe('2026-03-09T07:30:00.000Z');
    expect(refused.status).toBe('handling');
  });

  it('suspends and resumes: the deadline moves by the paused working time', async () => {
    await setClock('2026-03-09T02:00:00.000Z'); // Monday 10:00
    const id = await dispatched();
    const accepted = await ok('cgzd', id, 'accept');
    // 2 working hours from 10:00: 10:00–11:30 and 13:00–13:30
    expect(dueOf(accepted, 'handle')).toBe('2026-03-09T05:30:00.000Z');
    t.clock.set('2026-03-09T03:00:00.000Z'); // 11:00
    const suspended = await ok('coordinator', id, 'suspend', { reason: '等待市民补充材料' });
    expect(suspended.status).toBe('suspended');
    expect(suspended.deadlines.find((d) => d.step === 'handle')?.paused).toBe(true);
    t.clock.set('2026-03-09T05:30:00.000Z'); // 13:30: 2.5 h on the wall, 1 working hour (11:00–11:30, 13:00–13:30)
    const resumed = await ok('coordinator', id, 'resume');
    expect(resumed.status).toBe('accepted');
    expect(resumed.deadlines.find((d) => d.step === 'handle')?.paused).toBe(false);
    expect(dueOf(resumed, 'handle')).toBe('2026-03-09T06:30:00.000Z');
  });

  it('urges, escalates station → center → leader, and takes a leader’s instruction', async () => {
    await setClock('2026-03-09T01:00:00.000Z');
    const id = await dispatched();
    const v0 = (await detail(id)).version;
    const urged = await ok('dispatcher', id, 'urge', { note: '请尽快签收' });
    expect(urged.status).toBe('dispatched');
    expect(urged.version).toBe(v0 + 1);
    expect(urged.events.at(-1)?.action).toBe('urge');

    const byStation = await ok('stationdf', id, 'escalate', { reason: '站内无法协调' });
    expect(byStation.escalationLevel).toBe('center');
    expect((await act('stationdf', id, 'escalate', { reason: '再升级' })).statusCode).toBe(409);
    const byCenter = await ok('dispatcher', id, 'escalate', { reason: '需领导协调' });
    expect(byCenter.escalationLevel).toBe('leader');
    const top = await act('dispatcher', id, 'escalate', { reason: '再升级' });
    expect(top.statusCode).toBe(409);
    expect(top.json().state).toBe('dispatched');

    expect((await act('dispatcher', id, 'instruct', { text: '批示' })).json().code).toBe('ROLE_NOT_ALLOWED');
    const instructed = await ok('leader', id, 'instruct', { text: '请城管中队会同市场所三日内整治到位' });
    expect(instructed.events.at(-1)).toMatchObject({ action: 'instruct', data: { text: '请城管中队会同市场所三日内整治到位' } });
    expect(instructed.status).toBe('dispatched');
  });

  it('lets an inspector of the case’s station handle an inspector report on the spot, with photos, and close it', async () => {
    const before = await upload('inspectordf', tinyPng(), 'before.png', 'image/png');
    const after = await upload('inspectordf', tinyJpeg(), 'after.jpg', 'image/jpeg');
    const id = await intake({ channel: 'inspector', categoryCode: '06010', description: '路边有暴露垃圾一堆', location: pointInDongfeng, photos: [before] }, 'inspectordf');
    const input = { text: '已联系保洁清理完毕', beforePhotos: [before], afterPhotos: [after] };
    expect((await act('inspector1', id, 'handle-locally', input)).json().code).toBe('OUT_OF_SCOPE');
    expect((await act('inspectordf', id, 'handle-locally', { text: '已清理', beforePhotos: [before], afterPhotos: [] })).statusCode).toBe(400);
    const unknown = await act('inspectordf', id, 'handle-locally', { ...input, afterPhotos: ['a'.repeat(64)] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('UNKNOWN_ATTACHMENT');
    const closed = await ok('inspectordf', id, 'handle-locally', input);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeTruthy();
    expect(closed.photos.sort()).toEqual([before, after].sort());
    expect(closed.allowedActions).toEqual([]);
    // a hotline order cannot be handled on the spot
    const hotline = await reported();
    const refused = await act('inspectordf', hotline, 'handle-locally', input);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().state).toBe('reported');
  });

  it('dispatches a station-level category in 前哨 to the 前哨 station team at 立案', async () => {
    const id = await intake({ channel: 'hotline_12345', categoryCode: '06010', description: '前哨公路边暴露垃圾无人清理', location: pointInQianshao });
    const registered = await ok('dispatcher', id, 'register');
    expect(registered.station?.code).toBe('QS');
    expect(registered.status).toBe('dispatched');
    expect(registered.leadUnit?.code).toBe('ST-QS');
    expect(registered.events.map((e) => e.action)).toEqual(['report', 'register', 'dispatch']);
    expect(registered.events[2]!.actor.type).toBe('system');
    // the 前哨 chief acts for the station team; the owner department (环卫所) does not
    expect((await act('hw', id, 'accept')).statusCode).toBe(403);
    expect((await ok('stationqs', id, 'accept')).status).toBe('accepted');
  });

  it('times an urgent case on the natural clock, also in a category that lists no urgent limits', async () => {
    // Friday 2026-03-13 17:30 in Shanghai, half an hour before the weekend
    await setClock('2026-03-13T09:30:00.000Z');
    // 道路遗撒 (06014) lists normal limits only: 签收 2 working hours, 处置 4 working hours
    const urgent = await intake({ channel: 'hotline_12345', categoryCode: '06014', urgency: 'urgent', description: '北沿公路有渣土车遗撒，影响行车安全', location: pointInDongfeng });
    const normal = await intake({ channel: 'hotline_12345', categoryCode: '06014', description: '北沿公路有少量遗撒', location: pointInDongfeng });
    const u = await ok('dispatcher', urgent, 'register');
    const n = await ok('dispatcher', normal, 'register');
    expect(u.status).toBe('dispatched');
    // urgent: two hours from now, that evening; normal: two working hours, on Monday
    expect(dueOf(u, 'accept')).toBe('2026-03-13T11:30:00.000Z');
    expect(Date.parse(dueOf(n, 'accept')!)).toBeGreaterThanOrEqual(Date.parse('2026-03-16T00:00:00.000Z'));
    await setClock('2026-03-13T10:00:00.000Z');
    await ok('cgzd', urgent, 'accept');
    const started = await ok('cgzd', urgent, 'start');
    expect(dueOf(started, 'handle')).toBe('2026-03-13T14:00:00.000Z');
    await setClock('2026-03-09T01:00:00.000Z');
  });

  describe('locating a report without coordinates', () => {
    type Placed = Detail & { location: { lng: number; lat: number } | null; grid: { code: string } | null };
    const intakeRaw = (payload: Json, who = 'dispatcher') => t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: cookies[who]! }, payload });
    const placed = async (payload: Json): Promise<Placed> => {
      const res = await intakeRaw(payload);
      expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
      return res.json() as Placed;
    };
    const reportEvent = (d: Placed) => d.events.find((e) => e.action === 'report')!.data;

    it('by a place of the town its address names: a grid, or only a station', async () => {
      const park = await placed({ channel: 'hotline_12345', description: '公园门口有人乱扔垃圾', address: '崇明区东平镇东平森林公园南侧停车场' });
      expect(park).toMatchObject({ location: null, grid: { code: '310151115001012' }, station: { code: 'DF' } });
      expect(reportEvent(park).locatedBy).toBe('address');
      // a station's name and nothing finer: the station, no grid — enough for its own forces to be sent
      const qs = await placed({ channel: 'hotline_12345', categoryCode: '06010', description: '小区门口暴露垃圾无人清理', address: '前哨社区某小区门口' });
      expect(qs).toMatchObject({ location: null, grid: null, station: { code: 'QS' } });
      expect((await ok('dispatcher', qs.id, 'register')).leadUnit?.code).toBe('ST-QS');
      // an address naming no place of the town stays unlocated
      const none = await placed({ channel: 'hotline_12345', description: '路灯不亮', address: '某某路 88 号' });
      expect(none).toMatchObject({ location: null, grid: null, station: null });
      expect(reportEvent(none).locatedBy).toBeNull();
    });

    it('by the grid an inspector names, or the device that alarms', async () => {
      const grid = await placed({ channel: 'inspector', description: '前哨1号网格内井盖缺失', channelData: { gridCode: '310151115006001' } }, );
      expect(grid).toMatchObject({ location: null, grid: { code: '310151115006001' }, station: { code: 'QS' } });
      expect(reportEvent(grid).locatedBy).toBe('grid');
      const before = (await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
      const unknown = await intakeRaw({ channel: 'inspector', description: '网格编码写错了', channelData: { gridCode: '310151115009999' } });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_GRID', errors: [{ field: 'body.channelData.gridCode' }] });
      expect((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(before);
      const sensor = await placed({ channel: 'sensor', description: '前哨闸外河水位超警戒', channelData: { deviceId: 'IOT-SW-003', metric: '外河水位', value: 4.6, threshold: 4.2 } });
      expect(sensor).toMatchObject({ location: { lng: 121.88, lat: 31.575 }, station: { code: 'QS' } });
      expect(reportEvent(sensor).locatedBy).toBe('device');
      // a device the town does not have, and nothing else to tell where: refused, nothing created
      const count = (await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
      const stranger = await intakeRaw({ channel: 'sensor', description: '水位告警', channelData: { deviceId: 'IOT-NOSUCH-9', metric: '外河水位', value: 4.6 } });
      expect(stranger.statusCode).toBe(422);
      expect(stranger.json()).toMatchObject({ code: 'UNKNOWN_DEVICE', errors: [{ field: 'body.channelData.deviceId' }] });
      expect((await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toBe(count);
    });

    it('by the dispatcher at 立案, by a grid or by coordinates; a point outside the town is refused and changes nothing', async () => {
      const id = (await placed({ channel: 'hotline_12345', categoryCode: '09001', description: '有流动摊贩占道经营', address: '某某路 88 号' })).id;
      const outside = await act('dispatcher', id, 'register', { location: { lng: 121.2, lat: 31.2 } });
      expect(outside.statusCode).toBe(422);
      expect(outside.json()).toMatchObject({ code: 'OUTSIDE_TOWN', errors: [{ field: 'body.location' }] });
      expect((await detail(id)).status).toBe('reported');
      // a case located already is not moved at 立案
      const located = await intake({ channel: 'hotline_12345', categoryCode: '09001', description: '有摊贩', location: pointInDongfeng });
      const moved = await act('dispatcher', located, 'register', { gridCode: '310151115006001' });
      expect(moved.statusCode).toBe(422);
      expect(moved.json()).toMatchObject({ code: 'ALREADY_LOCATED', errors: [{ field: 'body.gridCode' }] });
      expect((await detail(located)).status).toBe('reported');
      const registered = (await ok('dispatcher', id, 'register', { gridCode: '310151115001002' })) as Placed;
      expect(registered).toMatchObject({ status: 'dispatched', grid: { code: '310151115001002' }, station: { code: 'DF' }, leadUnit: { code: 'CGZD' } });
      const other = (await placed({ channel: 'citizen', categoryCode: '09001', description: '摊贩占道', address: '某某路 99 号' })).id;
      const byPoint = (await ok('dispatcher', other, 'register', { location: pointInQianshao })) as Placed;
      expect(byPoint).toMatchObject({ location: pointInQianshao, station: { code: 'QS' } });
      const third = (await placed({ channel: 'citizen', categoryCode: '09001', description: '摊贩占道', address: '某某路 100 号' })).id;
      const both = await act('dispatcher', third, 'register', { location: pointInQianshao, gridCode: '310151115001002' });
      expect(both.statusCode, both.body.slice(0, 300)).toBe(400);
      expect(both.json().code).toBe('VALIDATION_FAILED');
      expect(both.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'body.gridCode' })]));
      expect((await detail(third)).status).toBe('reported');
    });
  });

  it('looks for possible duplicates again when 立案 gives an unclassified order its category, and links them both ways', async () => {
    type WithDuplicates = Detail & { duplicates: Array<{ caseId?: string; id?: string; caseNo: string; reasons: string[] }> };
    const near = { lng: 121.4702, lat: 31.6801 }; // about 25 m from pointInDongfeng
    const first = await intake({ channel: 'hotline_12345', categoryCode: '09001', description: '路口有流动摊贩占道经营卖水果', location: pointInDongfeng });
    // the classifier cannot place this one: no category, so no duplicate by category at intake
    const second = await intake({ channel: 'citizen', description: '来电反映的情况需要进一步了解', location: near });
    const before = (await detail(second)) as WithDuplicates;
    expect(before.duplicates.map((d) => JSON.stringify(d))).not.toContain(first);
    const registered = (await ok('dispatcher', second, 'register', { categoryCode: '09001' })) as WithDuplicates;
    expect(JSON.stringify(registered.duplicates)).toContain(first);
    expect(registered.events.find((e) => e.action === 'register')!.data.duplicates).toContain(first);
    expect(JSON.stringify(((await detail(first)) as WithDuplicates).duplicates)).toContain(second);
    // registered once only: the links are not written twice
    const links = await t.ctx.database.db.selectFrom('case_links').select('other_case_id').where('case_id', '=', second).execute();
    expect(links.filter((l) => l.other_case_id === first)).toHaveLength(1);
  });

  it('leaves a case no routing rule can place to a coordinator’s designation: a dispatcher may not pick a unit (指定谁谁办理)', async () => {
    // nothing in the catalogue matches, and the dispatcher registers it without a category
    const id = await intake({ channel: 'hotline_12345', description: '来电反映的情况需要进一步了解', location: pointInDongfeng });
    const registered = await ok('dispatcher', id, 'register');
    expect(registered.status).toBe('registered');
    expect(registered.routing?.rule).toBe('designate_no_rule');
    expect(registered.allowedActions).not.toContain('dispatch');
    const refused = await act('dispatcher', id, 'dispatch', { leadUnit: 'CGZD' });
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ACTION_NOT_ALLOWED_IN_STATE', state: 'registered' });
    expect(refused.json().message.zh).toContain('须由协调人员指定');
    expect(refused.json().allowedActions).toEqual((await detail(id)).allowedActions);
    expect((await detail(id)).version).toBe(registered.version);
    expect((await detail(id, 'coordinator')).allowedActions).toContain('designate');
    const designated = await ok('coordinator', id, 'designate', { leadUnit: 'CGZD', reason: '协调会确定由城管中队办理' });
    expect(designated).toMatchObject({ status: 'dispatched', leadUnit: { code: 'CGZD' } });
    expect((await detail(id, 'cgzd')).allowedActions).not.toContain('return');
  });

  it('shows a department handler only its cases and a station chief only its station’s', async () => {
    const assigned = await dispatched(); // lead CGZD, assists SCS and SRS, in 东风
    const unassigned = await reported(); // 东风, nobody assigned yet
    const qs = await intake({ channel: 'citizen', description: '前哨路灯不亮', location: pointInQianshao });
    const list = async (who: string) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: cookies[who]! } });
      expect(res.statusCode).toBe(200);
      return res.json().items as Detail[];
    };
    const cgzd = await list('cgzd');
    expect(cgzd.map((c) => c.id)).toContain(assigned);
    expect(cgzd.map((c) => c.id)).not.toContain(unassigned);
    expect(cgzd.every((c) => c.leadUnit?.code === 'CGZD' || c.assistUnits.some((u) => u.code === 'CGZD'))).toBe(true);
    const scs = await list('scs');
    expect(scs.map((c) => c.id)).toContain(assigned);
    expect(scs.every((c) => c.leadUnit?.code === 'SCS' || c.assistUnits.some((u) => u.code === 'SCS'))).toBe(true);
    const df = await list('stationdf');
    expect(df.map((c) => c.id)).toEqual(expect.arrayContaining([assigned, unassigned]));
    expect(df.map((c) => c.id)).not.toContain(qs);
    expect(df.every((c) => c.station?.code === 'DF' || c.leadUnit?.code === 'ST-DF')).toBe(true);
    const qsList = await list('stationqs');
    expect(qsList.map((c) => c.id)).toContain(qs);
    expect(qsList.every((c) => c.station?.code === 'QS' || c.leadUnit?.code === 'ST-QS')).toBe(true);
    // and the detail of a case outside the scope is refused
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${unassigned}`, headers: { cookie: cookies.cgzd! } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${qs}`, headers: { cookie: cookies.stationdf! } })).statusCode).toBe(403);
  });

  it('refuses an edit with a stale If-Match version with 409 CASE_CHANGED', async () => {
    const id = await dispatched();
    const current = (await detail(id)).version;
    const stale = await act('cgzd', id, 'accept', {}, { 'if-match': String(current - 1) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CASE_CHANGED', currentVersion: current });
    expect((await detail(id)).status).toBe('dispatched');
    const fresh = await act('cgzd', id, 'accept', {}, { 'if-match': String(current) });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().version).toBe(current + 1);
    const bad = await act('cgzd', id, 'start', {}, { 'if-match': 'W/"abc"' });
    expect(bad.statusCode).toBe(400);
  });
});
