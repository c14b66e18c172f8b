/**
 * In-app notifications over the API on the Dongping profile: made by the outbox relay (never before
 * it), addressed to a unit, a station, a role; each person sees their own, unread first; marking read
 * works; a second relay of the same rows creates nothing twice; no notice names the reporter.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { relayOutbox } from '../../src/server/jobs/outbox-relay.js';
import { sweepDeadlines } from '../../src/server/jobs/sla-sweep.js';
import { type TestUser } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingTestApp, dongpingUsers, pointInDongfeng } from '../dongping.js';

interface Notice {
  id: number;
  kind: string;
  title: { zh: string; en: string };
  caseId: string;
  caseNo: string;
  recipient: { type: string; code: string };
  readAt: string | null;
}
interface Page {
  items: Notice[];
  nextCursor: string | null;
  unread: number;
}

const users: TestUser[] = [...dongpingUsers, { username: 'srs', role: 'department_handler', department: 'SRS' }, { username: 'coordinator2', role: 'coordinator' }];

describe(`notifications (${dialectUnderTest})`, () => {
  // Monday 2026-03-09 09:00 in Shanghai
  const { t, cookies, logInAll } = dongpingTestApp({ users, now: '2026-03-09T01:00:00.000Z' });

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const act = async (who: string, id: string, action: string, payload: Record<string, unknown> = {}) => {
    const res = await call(who, 'POST', `/cases/${id}/actions/${action}`, payload);
    expect(res.statusCode, `${who} ${action}: ${res.body.slice(0, 300)}`).toBe(200);
  };
  const inbox = async (who: string, query = ''): Promise<Page> => {
    const res = await call(who, 'GET', `/notifications${query}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Page;
  };
  const titles = async (who: string, caseId: string) => (await inbox(who, '?limit=200')).items.filter((n) => n.caseId === caseId).map((n) => n.title.zh);
  let n = 0;
  const dispatchedCase = async (): Promise<{ id: string; caseNo: string }> => {
    const res = await call('dispatcher', 'POST', '/cases', {
      channel: 'hotline_12345',
      categoryCode: '09001',
      description: `第${++n}件：路口有流动摊贩占道经营`,
      location: pointInDongfeng,
      reporter: { name: '陈建国', phone: '13916720835' },
    });
    expect(res.statusCode).toBe(201);
    await act('dispatcher', res.json().id, 'register');
    return { id: res.json().id, caseNo: res.json().caseNo };
  };
  const count = async () => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM notifications`.execute(t.database.db)).rows[0]!.n);

  it('the lead unit sees 「新派遣案件」 after dispatch, not before the relay ran; assisting units too; nobody else', async () => {
    const c = await dispatchedCase();
    expect(await inbox('cgzd')).toEqual({ items: [], nextCursor: null, unread: 0 });

    await relayOutbox(t.ctx);
    const page = await inbox('cgzd');
    expect(page.unread).toBe(1);
    expect(page.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'dispatched',
        title: { zh: '新派遣案件', en: 'New case dispatched' },
        caseId: c.id,
        caseNo: c.caseNo,
        seq: expect.any(Number),
        recipient: { type: 'unit', code: 'CGZD' },
        readAt: null,
        createdAt: '2026-03-09T01:00:00.000Z',
      },
    ]);
    // 谁牵头谁办理: lead CGZD, assisted by SCS and SRS
    expect(await titles('scs', c.id)).toEqual(['新派遣案件']);
    expect(await titles('srs', c.id)).toEqual(['新派遣案件']);
    for (const who of ['dispatcher', 'coordinator', 'inspectordf', 'stationdf', 'leader', 'auditor']) expect(await titles(who, c.id), who).toEqual([]);
    // never the reporter
    const body = (await call('cgzd', 'GET', '/notifications')).body;
    for (const secret of ['陈建国', '13916720835', '0835', 'reporter']) expect(body).not.toContain(secret);
  });

  it('marks one read (only one’s own), then all; read ones come after unread ones', async () => {
    await dispatchedCase();
    await relayOutbox(t.ctx);
    const before = await inbox('cgzd');
    expect(before.unread).toBe(2);
    const [newest, older] = before.items;
    expect(newest!.id).toBeGreaterThan(older!.id);

    // someone the notice is not addressed to cannot see or mark it
    const foreign = await call('dispatcher', 'POST', `/notifications/${older!.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const read = await call('cgzd', 'POST', `/notifications/${older!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: older!.id, readAt: '2026-03-09T01:00:00.000Z' });
    // the unit shares its inbox: another handler of CGZD would see it read too
    const after = await inbox('cgzd');
    expect(after.unread).toBe(1);
    expect(after.items.map((i) => [i.id, i.readAt !== null])).toEqual([[newest!.id, false], [older!.id, true]]);
    expect((await inbox('cgzd', '?unread=true')).items.map((i) => i.id)).toEqual([newest!.id]);
    expect((await inbox('cgzd', '?unread=false')).items.map((i) => i.id)).toEqual([older!.id]);

    // paging crosses from unread into read
    const p1 = await inbox('cgzd', '?limit=1');
    expect(p1.items.map((i) => i.id)).toEqual([newest!.id]);
    const p2 = await inbox('cgzd', `?limit=1&cursor=${p1.nextCursor}`);
    expect(p2.items.map((i) => i.id)).toEqual([older!.id]);
    expect(p2.nextCursor).toBeNull();

    expect((await call('cgzd', 'POST', '/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await inbox('cgzd')).unread).toBe(0);
    expect((await inbox('scs')).unread).toBe(2);
    expect((await call('cgzd', 'POST', '/notifications/read-all')).json()).toEqual({ marked: 0 });
  });

  it('follows the loop: 退回 → dispatchers, 反馈 → the station, 核查不通过 → the lead unit, 催办/督办/批示, 延期 → coordinators', async () => {
    const c = await dispatchedCase();
    await act('cgzd', c.id, 'return', { reason: '不属于城管中队职责' });
    await relayOutbox(t.ctx);
    expect(await titles('dispatcher', c.id)).toEqual(['案件被退回']);
    expect(await titles('coordinator', c.id)).toEqual([]);

    await act('coordinator', c.id, 'designate', { leadUnit: 'CGZD', reason: '道路沿线无序设摊属城管中队牵头整治' });
    await act('cgzd', c.id, 'accept');
    await act('cgzd', c.id, 'start');
    await act('cgzd', c.id, 'extend', { reason: '需会同市场所联合整治', limit: { amount: 3, unit: 'workDay' } });
    await act('dispatcher', c.id, 'urge', { note: '请尽快处置' });
    await act('leader', c.id, 'instruct', { text: '请城管中队本周内整治到位' });
    await act('dispatcher', c.id, 'escalate', { reason: '群众反映强烈' });
    await act('cgzd', c.id, 'feedback', { text: '已劝离摊贩' });
    await act('inspectordf', c.id, 'verify', { result: 'fail', reason: '摊贩仍在原处经营' });
    expect(await titles('cgzd', c.id)).toEqual(['新派遣案件']); // nothing new before the relay
    await relayOutbox(t.ctx);

    expect(await titles('cgzd', c.id)).toEqual(['核查未通过，请返工', '督办', '领导批示', '催办', '新派遣案件', '新派遣案件']);
    expect(await titles('coordinator', c.id)).toEqual(['延期申请']);
    expect(await titles('coordinator2', c.id)).toEqual(['延期申请']);
    // the verification task goes to the station: its inspector and its chief
    expect(await titles('inspectordf', c.id)).toEqual(['待核查']);
    expect(await titles('stationdf', c.id)).toEqual(['待核查']);
    expect(await titles('inspector1', c.id)).toEqual([]); // another station
    expect(await titles('dispatcher', c.id)).toEqual(['案件被退回']);
  });

  it('the deadline sweep’s automatic 催办 and 督办 reach the lead unit', async () => {
    const c = await dispatchedCase();
    await relayOutbox(t.ctx);
    // the 签收 limit passes unanswered: the system urges at yellow and escalates at red
    t.clock.advance(30 * 86_400_000);
    await logInAll();
    const swept = await sweepDeadlines(t.ctx);
    expect(swept.urged + swept.escalated).toBeGreaterThan(0);
    await relayOutbox(t.ctx);
    const got = await titles('cgzd', c.id);
    expect(got).toContain('督办');
    expect(got.at(-1)).toBe('新派遣案件');
    const events = (await call('dispatcher', 'GET', `/cases/${c.id}`)).json().events as Array<{ action: string; actor: { type: string } }>;
    const automatic = events.filter((e) => e.action === 'urge' || e.action === 'escalate');
    expect(automatic.length).toBe(got.length - 1);
    expect(automatic.every((e) => e.actor.type === 'system')).toBe(true);
  });

  it('relaying the same outbox rows twice (a crash before the mark) creates no notification twice', async () => {
    await dispatchedCase();
    await relayOutbox(t.ctx);
    const total = await count();
    const rows = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM outbox`.execute(t.database.db)).rows[0]!.n);
    await sql`UPDATE outbox SET published_at = NULL`.execute(t.database.db);
    expect(await relayOutbox(t.ctx)).toBe(rows);
    expect(await relayOutbox(t.ctx)).toBe(0);
    expect(await count()).toBe(total);
  });

  it('refuses bad queries and ids with 400, and strangers with 401', async () => {
    for (const q of ['?limit=0', '?limit=500', '?cursor=x1', '?unread=yes', '?foo=1']) {
      const res = await call('cgzd', 'GET', `/notifications${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call('cgzd', 'POST', '/notifications/abc/read')).statusCode).toBe(400);
    expect((await call('cgzd', 'POST', '/notifications/999999/read')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});
