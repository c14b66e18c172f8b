/**
 * The intake's lookup answered from memory (recent-cases.ts) gives what the database gives: the case
 * a resent order made and the possible duplicates, after intakes, after commands that void a case or
 * change its category, in an index loaded afresh, and in one that must follow another writer's
 * cases. A lookup reaching before the horizon is left to the database, and a resend of an order
 * older than the horizon still returns its case, through the unique external-id index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBox } from '../../src/domain/dedupe/index.js';
import { FOLLOW_MS, RecentCases } from '../../src/server/cases/recent-cases.js';
import { verifyRecord } from '../../src/server/commands/verify-record.js';
import { intakeLookup, type DuplicateCandidateRow, type IntakeLookup } from '../../src/server/db/repositories/case-repository.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers, pointInDongfeng } from '../dongping.js';

const DAY_MS = 86_400_000;
const texts = ['北沿公路森林公园门口有人摆摊卖水果，占道经营', '小区门口井盖不见了，晚上很危险', '路灯不亮好几天了，晚上走路看不见', '河道里漂了很多垃圾，还有异味'];
const phones = ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'];

/**
 * a lattice of points about 30 m apart around a point in 东风 station, across the lines of the
 * memory's 0.001° cells (121.47°, 31.68°): many fall within 50 m of another, some in the next cell
 */
const pointOf = (i: number) => ({ lng: pointInDongfeng.lng - 0.0006 + (i % 5) * 0.0003, lat: pointInDongfeng.lat - 0.0006 + (Math.floor(i / 5) % 4) * 0.0003 });

const candidateFields = ['id', 'case_no', 'status', 'created_at', 'category_code', 'lng', 'lat', 'reported_at', 'reporter_phone_idx', 'description'] as const;
const comparable = (rows: DuplicateCandidateRow[]) =>
  rows.map((r) => Object.fromEntries(candidateFields.map((f) => [f, r[f]]))).sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe(`an intake's lookup from memory (${dialectUnderTest})`, () => {
  let t: TestApp;
  let cookie: string;
  const created: Array<{ id: string; externalId: string | null; category: string | null; phone: string; point: { lng: number; lat: number } }> = [];

  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-03-02T01:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    cookie = await login(t.app, 'dispatcher');
  });
  afterAll(async () => t?.close());

  async function intake(i: number, externalId: string | null = i % 2 === 0 ? `rc-${i}` : null) {
    const point = pointOf(i);
    const phone = phones[i % phones.length]!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { cookie },
      payload: { channel: 'hotline_12345', ...(externalId ? { externalId } : {}), description: `${texts[i % texts.length]}（${i}）`, location: point, reporter: { name: '市民', phone }, channelData: { callType: 'complaint' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { id: string; category: { code: string } | null };
    created.push({ id: body.id, externalId, category: body.category?.code ?? null, phone, point });
    return body.id;
  }

  const windowDays = () => 7;
  const since = () => new Date(t.clock.now().getTime() - windowDays() * DAY_MS).toISOString();

  /** a lookup for every case taken in (as if it were sent again, and its neighbours), and for a stranger */
  function probes(): IntakeLookup[] {
    const townRadius = 50;
    const out: IntakeLookup[] = created.map((c) => ({
      resend: c.externalId ? { channel: 'hotline_12345', externalId: c.externalId } : null,
      near: c.category ? { categoryCode: c.category, box: searchBox(c.point.lng, c.point.lat, townRadius) } : null,
      callerIndex: t.ctx.cipher.blindIndex(c.phone, 'phone'),
      since: since(),
    }));
    out.push({ resend: { channel: 'hotline_12345', externalId: 'never-sent' }, near: null, callerIndex: t.ctx.cipher.blindIndex('13811112222', 'phone'), since: since() });
    return out;
  }

  async function expectAsTheDatabase(index: RecentCases): Promise<void> {
    let found = 0;
    for (const q of probes()) {
      const memory = await index.lookup(q, t.clock.now(), windowDays());
      expect(memory, 'the memory answers').not.toBeNull();
      const database = await intakeLookup(t.ctx.database.db, t.ctx.townId, q);
      expect(memory!.existingId).toBe(database.existingId);
      expect(comparable(memory!.candidates)).toEqual(comparable(database.candidates));
      found += database.candidates.length + (database.existingId ? 1 : 0);
    }
    expect(found, 'the probes find cases at all').toBeGreaterThan(created.length);
  }

  it('answers as the database does after intakes, and a freshly loaded index does too', async () => {
    for (let i = 0; i < 12; i++) await intake(i);
    // twelve at once: committed in batches while the memory follows the record
    await Promise.all(Array.from({ length: 12 }, (_, k) => intake(12 + k)));
    await expectAsTheDatabase(t.ctx.recentCases);
    await expectAsTheDatabase(new RecentCases(t.ctx.database.db, t.ctx.townId));
  });

  it('sees a case voided or recategorised by a command at once', async () => {
    const act = async (id: string, action: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/actions/${action}`, headers: { cookie }, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act(created[1]!.id, 'void', { reason: '重复来电' });
    await act(created[6]!.id, 'void', { reason: '重复来电' });
    // registered under another case's category: found near that category's cases from now on
    const other = created.find((c) => c.category !== null && c.category !== created[0]!.category)!;
    await act(created[0]!.id, 'register', { categoryCode: other.category! });
    created[0]!.category = other.category;
    await expectAsTheDatabase(t.ctx.recentCases);
    const voided = await t.ctx.recentCases.lookup(probes()[1]!, t.clock.now(), windowDays());
    expect(voided!.candidates.map((c) => c.id)).not.toContain(created[1]!.id);
  });

  it("follows another writer's cases", async () => {
    const other = new RecentCases(t.ctx.database.db, t.ctx.townId);
    await other.lookup(probes()[0]!, t.clock.now(), windowDays()); // loaded before the intakes below
    for (let i = 24; i < 30; i++) await intake(i);
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS + 50));
    await expectAsTheDatabase(other);
  });

  it('leaves a lookup reaching before its horizon, or over kilometres, to the database', async () => {
    const early = { ...probes()[0]!, since: new Date(t.clock.now().getTime() - 30 * DAY_MS).toISOString() };
    expect(await t.ctx.recentCases.lookup(early, t.clock.now(), windowDays())).toBeNull();
    const c = created[0]!;
    const wide = { ...probes()[0]!, near: { categoryCode: c.category!, box: searchBox(c.point.lng, c.point.lat, 5_000) } };
    expect(await t.ctx.recentCases.lookup(wide, t.clock.now(), windowDays())).toBeNull();
    expect((await t.ctx.recentCases.lookup(probes()[0]!, t.clock.now(), windowDays()))?.candidates.length).toBeGreaterThan(0);
  });

  it('leaves every lookup to the database once the window holds more cases than it may keep', async () => {
    const small = new RecentCases(t.ctx.database.db, t.ctx.townId, created.length - 1);
    expect(await small.lookup(probes()[0]!, t.clock.now(), windowDays())).toBeNull();
    const enough = new RecentCases(t.ctx.database.db, t.ctx.townId, created.length);
    expect(await enough.lookup(probes()[0]!, t.clock.now(), windowDays())).not.toBeNull();
  });

  it('returns the case of a resent order older than the horizon, through the unique index', async () => {
    const first = created.find((c) => c.externalId !== null)!;
    t.clock.set(new Date(t.clock.now().getTime() + 20 * DAY_MS).toISOString());
    cookie = await login(t.app, 'dispatcher');
    // the memory no longer holds it: the horizon has followed the clock
    const stranger = await t.ctx.recentCases.lookup({ resend: { channel: 'hotline_12345', externalId: first.externalId! }, near: null, callerIndex: null, since: since() }, t.clock.now(), windowDays());
    expect(stranger).toEqual({ existingId: undefined, candidates: [] });
    const before = await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie }, payload: { channel: 'hotline_12345', externalId: first.externalId, description: '同一工单再次推送', location: first.point, channelData: { callType: 'complaint' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { id: string }).id).toBe(first.id);
    const after = await t.ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await verifyRecord(t.ctx.database, t.ctx.townId)).ok).toBe(true);
  });
});
