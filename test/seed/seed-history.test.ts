/**
 * `cityops seed` on the Dongping profile: the seeded history keeps the hash chain intact, reads back
 * through the real API, follows the machine's statuses, is the same for the same seed, appends on a
 * second run, sends each case where routing would, and fans out nothing.
 */
import { verifyAssessment } from '../../src/server/assessment/recount-assessment.js';
import { verifyDashboard } from '../../src/server/dashboard/rebuild-dashboard.js';
import { sumAssessmentCounts } from '../../src/server/db/repositories/assessment-repository.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActions } from '../../src/domain/case/index.js';
import { routeFor } from '../../src/server/cases/route-for.js';
import { verifyRecord } from '../../src/server/commands/verify-record.js';
import { seedHistory, type SeedReport } from '../../src/server/seed/seed-history.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers } from '../dongping.js';

const now = '2026-03-09T01:00:00.000Z';
const from = new Date('2025-03-09T00:00:00+08:00');

interface EventDto {
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { type: string; id: string; name: string; role: string | null };
  data: Record<string, unknown>;
  at: string;
}

describe(`cityops seed (${dialectUnderTest})`, () => {
  let t: TestApp;
  let cookie: string;
  let first: SeedReport;
  let second: SeedReport;
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now, config: { sessionIdleMinutes: 1_000_000 } });
    cookie = await login(t.app, 'dispatcher');
    const options = { cases: 500, from, to: new Date(now), seed: 7, batch: 120 };
    first = await seedHistory(t.database, t.ctx.townId, t.ctx.cipher, options);
    second = await seedHistory(t.database, t.ctx.townId, t.ctx.cipher, options);
  }, 120_000);
  afterAll(async () => t?.close());

  it('keeps the hash chain intact across both runs, appending after what was there', async () => {
    const verdict = await verifyRecord(t.database, t.ctx.townId);
    expect(verdict.ok).toBe(true);
    expect(verdict.count).toBe(first.events + second.events);
    expect(first.firstSeq).toBe(1);
    expect(second.firstSeq).toBe(first.lastSeq + 1);
  });

  it('is the same history for the same seed, and a second run appends new cases', async () => {
    expect(second.byStatus).toEqual(first.byStatus);
    expect(second.byChannel).toEqual(first.byChannel);
    const rows = await t.database.db.selectFrom('cases').select(['id', 'case_no', 'external_id']).execute();
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1000);
    expect(new Set(rows.map((r) => r.case_no)).size).toBe(1000);
    const external = rows.map((r) => r.external_id).filter((x) => x !== null);
    expect(new Set(external).size).toBe(external.length);
  });

  it('reports camera and sensor alarms through the devices of the profile, at their places', async () => {
    const profile = await dongpingProfile();
    const devices = new Map(profile.devices.map((d) => [d.id, d]));
    const rows = await t.database.db.selectFrom('cases').select(['channel', 'channel_data', 'lng', 'lat']).where('channel', 'in', ['video_ai', 'video_patrol', 'sensor']).execute();
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const data = JSON.parse(r.channel_data) as { cameraId?: string; deviceId?: string; metric?: string };
      const device = devices.get((r.channel === 'sensor' ? data.deviceId : data.cameraId) ?? '');
      expect(device, r.channel_data).toBeDefined();
      expect(device!.kind).toBe(r.channel === 'sensor' ? 'sensor' : 'camera');
      expect([Number(r.lng), Number(r.lat)]).toEqual(device!.location);
      if (r.channel === 'sensor') expect(device!.metrics).toContain(data.metric);
    }
  });

  it('looks like a year of a 12345-dominated town: mostly closed, some returned, reworked, extended, voided, open', async () => {
    const n = first.cases;
    expect(first.byChannel.hotline_12345!).toBeGreaterThan(0.35 * n);
    expect(first.byChannel.inspector!).toBeGreaterThan(0.12 * n);
    expect(Object.keys(first.byChannel).length).toBeGreaterThanOrEqual(8);
    expect(first.byStatus.closed!).toBeGreaterThan(0.8 * n);
    expect(first.byStatus.voided!).toBeGreaterThan(0);
    expect(n - first.byStatus.closed! - first.byStatus.voided!).toBeGreaterThan(0);
    const db = t.database.db;
    const counts = await db
      .selectFrom('cases')
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.sum<number>('return_count').as('returns'),
        eb.fn.sum<number>('rework_count').as('reworks'),
        eb.fn.sum<number>('has_reporter_contact').as('contacts'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(counts.returns)).toBeGreaterThan(0);
    expect(Number(counts.reworks)).toBeGreaterThan(0);
    expect(Number(counts.contacts)).toBeGreaterThan(0.3 * 1000);
    const actions = await db.selectFrom('case_events').select('action').distinct().execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['report', 'register', 'dispatch', 'accept', 'return', 'feedback', 'verify', 'visit', 'close', 'void', 'extend', 'decide-extension', 'urge', 'escalate']));
    const outcomes = await db.selectFrom('cases').select('visit_outcome').distinct().where('visit_outcome', 'is not', null).execute();
    expect(outcomes.map((o) => o.visit_outcome).sort()).toEqual(['dissatisfied', 'satisfied', 'unreachable']);
    // dates over the range, with the hotline's morning and evening peaks (Shanghai hours)
    const hotline = await db.selectFrom('cases').select('reported_at').where('channel', '=', 'hotline_12345').execute();
    const hours = hotline.map((r) => (new Date(r.reported_at).getUTCHours() + 8) % 24);
    const share = (hs: number[]) => hours.filter((h) => hs.includes(h)).length / hours.length;
    expect(share([9, 10, 11])).toBeGreaterThan(share([1, 2, 3, 4]) * 5);
    expect(share([19, 20])).toBeGreaterThan(share([2, 3]) * 5);
    const first_ = hotline.map((r) => r.reported_at).sort()[0]!;
    expect(first_ >= from.toISOString()).toBe(true);
    expect(first_ < '2025-04-09').toBe(true);
  });

  it('reads back through the API, each record a legal path through the machine ending at the case status', async () => {
    const rows = await t.database.db.selectFrom('cases').select(['id', 'status']).orderBy('case_no').execute();
    const sample = rows.filter((_, i) => i % 9 === 0);
    for (const status of new Set(rows.map((r) => r.status))) sample.push(rows.find((r) => r.status === status)!);
    for (const row of sample) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${row.id}`, headers: { cookie } });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const detail = res.json() as { status: string; events: EventDto[] };
      expect(detail.status).toBe(row.status);
      const events = detail.events;
      expect(events[0]!.action).toBe('report');
      expect(events[0]!.fromStatus).toBeNull();
      for (let i = 1; i < events.length; i++) {
        expect(caseActions as readonly string[]).toContain(events[i]!.action);
        expect(events[i]!.fromStatus, `${row.id} #${i} ${events[i]!.action}`).toBe(events[i - 1]!.toStatus);
        expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
        expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
      }
      expect(events[events.length - 1]!.toStatus).toBe(row.status);
    }
  });

  it('dispatches each case where the routing rules send it', async () => {
    const town = await t.ctx.town.current();
    const dispatches = await t.database.db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select(['case_events.data', 'cases.category_code', 'cases.station_code'])
      .where('case_events.action', '=', 'dispatch')
      .where('case_events.actor_id', '=', 'system:routing')
      .execute();
    expect(dispatches.length).toBeGreaterThan(600);
    for (const d of dispatches) {
      const routing = routeFor(town, { categoryCode: d.category_code, stationCode: d.station_code, returnCount: 0, returnedBy: [] }, now);
      expect((JSON.parse(d.data) as { leadUnit: string }).leadUnit).toBe(routing.leadUnit);
    }
  });

  it("keeps the dashboard's and the assessment's counters equal to a recount, and fills the indicators", async () => {
    expect((await verifyDashboard(t.database, t.ctx.townId)).differences).toEqual([]);
    expect((await verifyAssessment(t.database, t.ctx.townId)).differences).toEqual([]);
    const units = await sumAssessmentCounts(t.database.db, t.ctx.townId, 'unit', '2000-01-01', '2100-12-31');
    const total = (metric: string) => units.filter((u) => u.metric === metric).reduce((a, u) => a + u.n, 0);
    expect(total('dispatched')).toBeGreaterThan(0);
    expect(total('closed')).toBeGreaterThan(0);
    expect(total('closed_on_time')).toBeGreaterThan(0);
    expect(total('accepted_on_time')).toBeGreaterThan(0);
    const withDates = await t.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('dispatched_at', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(withDates.n)).toBeGreaterThan(0);
  });

  it('writes no outbox rows: history notifies nobody', async () => {
    const outbox = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(outbox.n)).toBe(0);
  });
});
