/**
 * The year's assessment on a seeded year of history (`cityops seed`: 1 500 realistic cases over
 * 2025), checked against answers worked out independently from the record itself — the events'
 * own fields and the cases' columns, read with plain queries, not through the assessment's facts:
 * each unit's dispatches and closes, the 约谈 list, the 责任追究 list (judged from the cases' clocks), the drill-down behind every
 * unit's 派单数, and the ranking's order and veto.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualAssessmentDto, AssessmentCasesDto } from '../../src/contracts/assessment.js';
import { getAnnualAssessment } from '../../src/server/assessment/get-annual-assessment.js';
import { seedHistory } from '../../src/server/seed/seed-history.js';
import { createTestApp, login, type TestApp } from '../app.js';
import { dialectUnderTest } from '../database.js';
import { dongpingProfile, dongpingUsers } from '../dongping.js';

interface Event {
  case_id: string;
  action: string;
  data: Record<string, unknown>;
}

const countBy = <T>(items: readonly T[], key: (x: T) => string | null | undefined): Map<string, number> => {
  const out = new Map<string, number>();
  for (const x of items) {
    const k = key(x);
    if (k) out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
};

describe(`the annual assessment on a seeded year (${dialectUnderTest})`, () => {
  let t: TestApp;
  let cookie: string;
  let annual: AnnualAssessmentDto;
  let events: Event[];
  beforeAll(async () => {
    const profile = await dongpingProfile();
    t = await createTestApp({ profile: () => profile, users: dongpingUsers, now: '2026-01-05T02:00:00.000Z', config: { sessionIdleMinutes: 1_000_000 } });
    cookie = await login(t.app, 'supervisor');
    await seedHistory(t.database, t.ctx.townId, t.ctx.cipher, { cases: 1500, from: new Date('2025-01-01T00:00:00+08:00'), to: new Date('2025-12-31T20:00:00+08:00'), seed: 11, batch: 500 });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assessment/annual?year=2025', headers: { cookie } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    annual = res.json();
    const rows = await t.database.db.selectFrom('case_events').select(['case_id', 'action', 'data']).orderBy('seq').execute();
    events = rows.map((r) => ({ case_id: r.case_id, action: r.action, data: JSON.parse(r.data) as Record<string, unknown> }));
  }, 180_000);
  afterAll(async () => t?.close());

  it('counts each unit’s dispatches and closes as the record has them', () => {
    const dispatched = countBy(events.filter((e) => e.action === 'dispatch' || e.action === 'designate'), (e) => e.data.leadUnit as string);
    const closed = countBy(events.filter((e) => e.action === 'close'), (e) => e.data.unit as string);
    expect(annual.units.length).toBeGreaterThan(10);
    for (const u of annual.units) {
      expect(u.dispatched, u.unitCode).toBe(dispatched.get(u.unitCode) ?? 0);
      expect(u.indicators.closed, u.unitCode).toBe(closed.get(u.unitCode) ?? 0);
    }
    // the seeded year is busy enough to rank several units
    expect(annual.units.filter((u) => u.ranked).length).toBeGreaterThanOrEqual(5);
  });

  it('ranks by score, best first, with the last place alone vetoed', () => {
    const ranked = annual.units.filter((u) => u.ranked);
    expect(ranked.every((u) => u.dispatched >= annual.rules.minimumDispatched && u.score !== null)).toBe(true);
    const scores = ranked.map((u) => u.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const lowest = Math.min(...scores);
    expect(ranked.filter((u) => u.veto).map((u) => u.score)).toEqual(ranked.filter((u) => u.score === lowest).map(() => lowest));
    expect(annual.units.filter((u) => !u.ranked).every((u) => !u.veto && u.rank === null)).toBe(true);
    // every score is its explained terms plus bonus and adjustments
    for (const u of ranked) expect(Math.abs(u.terms.reduce((s, x) => s + x.points, 0) + u.bonus.points + u.adjustmentPoints - u.score!)).toBeLessThan(0.05);
  });

  it('lists for interview exactly the units with visits dissatisfied by poor handling or falsification', () => {
    const visits = events.filter((e) => e.action === 'visit' && e.data.outcome === 'dissatisfied' && (e.data.cause === 'poor_handling' || e.data.cause === 'falsified'));
    expect(visits.length).toBeGreaterThan(0);
    const byUnit = countBy(visits, (e) => e.data.unit as string);
    expect(new Map(annual.interviews.map((i) => [i.unitCode, i.count]))).toEqual(byUnit);
    expect(annual.interviews.every((i) => i.leader !== null && i.cases.length === i.count)).toBe(true);
  });

  it('puts on a capped 约谈 page each unit’s most recent visits, newest first', async () => {
    const capped = await getAnnualAssessment(t.ctx, 2025, undefined, 2);
    for (const i of capped.interviews) {
      const all = annual.interviews.find((x) => x.unitCode === i.unitCode)!.cases;
      expect(i.count).toBe(all.length);
      expect(i.cases).toHaveLength(Math.min(2, all.length));
      const day = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
      const shown = i.cases.map((c) => day(c.at));
      expect(shown).toEqual([...shown].sort().reverse());
      // no visit left off is on a later day than one shown
      const left = all.filter((c) => !i.cases.some((x) => x.caseId === c.caseId && x.at === c.at)).map((c) => day(c.at));
      for (const d of left) expect(d <= shown[shown.length - 1]!, i.unitCode).toBe(true);
    }
  });

  it('holds to account for persistent problems heard first from the public, or left past the unit’s deadlines, per unit', async () => {
    const persistent = [...(await t.ctx.town.current()).categories.values()].filter((c) => c.persistent);
    const owner = new Map(persistent.map((c) => [c.code, c.owner]));
    const cases = (
      await t.database.db.selectFrom('cases').select(['id', 'channel', 'category_code', 'lead_unit', 'status', 'deadlines', 'created_at']).where('category_code', 'in', [...owner.keys()]).execute()
    ).filter((c) => c.status !== 'voided');
    const unitOf = (c: (typeof cases)[number]) => c.lead_unit ?? owner.get(c.category_code!)!;
    const late = new Set(['hotline_12345', 'hotline_12319', 'police_110', 'citizen', 'leader']);
    // judged from the clocks themselves: 签收 or 处置 due before the year's end and not met by its deadline
    const yearEnd = Date.parse('2026-01-01T00:00:00+08:00');
    const overdue = (deadlines: string) =>
      (JSON.parse(deadlines) as Array<{ step: string; dueAt: string; stoppedAt: string | null }>).some(
        (k) => (k.step === 'accept' || k.step === 'handle') && Date.parse(k.dueAt) < Math.min(yearEnd, k.stoppedAt === null ? Infinity : Date.parse(k.stoppedAt)),
      );
    const idsBy = (list: typeof cases) => {
      const out = new Map<string, string[]>();
      for (const c of list) (out.get(unitOf(c)) ?? out.set(unitOf(c), []).get(unitOf(c))!).push(c.id);
      return new Map([...out].map(([u, ids]) => [u, ids.sort()]));
    };
    const foundLate = idsBy(cases.filter((c) => late.has(c.channel)));
    const unresolved = idsBy(cases.filter((c) => overdue(c.deadlines)));
    expect(foundLate.size).toBeGreaterThan(0);
    expect(unresolved.size).toBeGreaterThan(0);
    const listed = (kind: 'foundLate' | 'unresolved') => new Map(annual.accountability.filter((a) => a[kind].length > 0).map((a) => [a.unitCode, a[kind].map((c) => c.caseId).sort()]));
    expect(listed('foundLate')).toEqual(foundLate);
    expect(listed('unresolved')).toEqual(unresolved);
    for (const a of annual.accountability) {
      expect(a.foundLateCount, a.unitCode).toBe(foundLate.get(a.unitCode)?.length ?? 0);
      expect(a.unresolvedCount, a.unitCode).toBe(unresolved.get(a.unitCode)?.length ?? 0);
    }
    // a page of 5: each list is the unit's 5 newest (by creation, then id), across its categories
    const capped = await getAnnualAssessment(t.ctx, 2025, undefined, 5);
    const newest = (ids: readonly string[] | undefined) =>
      cases
        .filter((c) => ids?.includes(c.id))
        .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? 1 : -1))
        .slice(0, 5)
        .map((c) => c.id);
    expect(capped.accountability.map((a) => a.unitCode)).toEqual(annual.accountability.map((a) => a.unitCode));
    for (const a of capped.accountability) {
      expect(a.foundLate.map((c) => c.caseId), a.unitCode).toEqual(newest(foundLate.get(a.unitCode)));
      expect(a.unresolved.map((c) => c.caseId), a.unitCode).toEqual(newest(unresolved.get(a.unitCode)));
    }
  });

  it('leads from every unit’s 派单数 to exactly its dispatches', async () => {
    for (const u of annual.units.filter((x) => x.dispatched > 0)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/assessment/cases?subject=unit&key=${u.unitCode}&metric=dispatched&period=2025&limit=500`, headers: { cookie } });
      const page = res.json() as AssessmentCasesDto;
      expect(page.total, u.unitCode).toBe(u.dispatched);
      if (page.nextCursor === null) {
        const expectedCases = events.filter((e) => (e.action === 'dispatch' || e.action === 'designate') && e.data.leadUnit === u.unitCode).map((e) => e.case_id);
        expect(page.items.map((i) => i.caseId).sort(), u.unitCode).toEqual(expectedCases.sort());
      }
    }
  });
});
