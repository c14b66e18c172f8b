import { describe, expect, it } from 'vitest';
import type { AssessmentRules } from '../profile/schema.js';
import { accountabilityCounts, accountableUnit, reportOrder, unitOverdueSince, interviewCount, interviewLeader, rankUnits, scoreUnit } from './annual.js';

const rules: AssessmentRules = {
  weights: { onTimeClosure: 50, satisfaction: 30, rework: 20 },
  minimumDispatched: 10,
  assessedKinds: ['enforcement'],
  veto: { lastPlaces: 1 },
  interview: { causes: ['poor_handling', 'falsified'], minimum: 1, leader: 'P004', leaderByUnit: { PCS: 'P003' } },
  accountability: { lateChannels: ['hotline_12345', 'citizen'] },
  bonus: { ledJoint: { points: 0.5, max: 3 }, proactive: { points: 0.1, max: 3 }, max: 5 },
};

describe('scoreUnit', () => {
  it('weighs each rate as computed by hand, explaining every term', () => {
    // 按期结案率 = 18 / (21 − 1) = 90 %; 满意率 = 8 / (8 + 2) = 80 %; 返工率 = 3 / 20 = 15 % → 85 %
    const counts = { dispatched: 24, due: 21, suspended: 1, closed_on_time: 18, 'visit:satisfied': 8, 'visit:dissatisfied': 2, handled: 20, reworked: 3, led_joint: 4, proactive: 12 };
    const s = scoreUnit(rules, counts, [{ points: -1.5 }]);
    // 0.9 × 50 + 0.8 × 30 + 0.85 × 20 = 45 + 24 + 17 = 86
    expect(s.terms.map((t) => t.points)).toEqual([45, 24, 17]);
    expect(s.base).toBe(86);
    expect(s.terms[0]!.explanation.zh).toBe('按期结案率 90%（18/20） × 权重 50 = 45 分');
    expect(s.terms[2]!.explanation.zh).toBe('返工率 15%（3/20），按 1 − 15% = 85% 计 × 权重 20 = 17 分');
    // bonus: 4 × 0.5 = 2 (under 3), 12 × 0.1 = 1.2 → 3.2 (under 5)
    expect(s.bonus).toMatchObject({ points: 3.2, capped: false });
    expect(s.bonus.items.map((i) => i.points)).toEqual([2, 1.2]);
    expect(s.adjustmentPoints).toBe(-1.5);
    expect(s.score).toBe(87.7);
  });

  it('shares the weight of a rate with nothing to count among the others', () => {
    // no visits: satisfaction is null; 50 + 20 = 70 weights make 100 → scale 100/70
    const counts = { dispatched: 10, due: 10, closed_on_time: 7, handled: 10, reworked: 0 };
    const s = scoreUnit(rules, counts, []);
    expect(s.terms[1]).toMatchObject({ rate: null, points: 0 });
    // 0.7 × 50 × 100/70 = 50; 1.0 × 20 × 100/70 = 28.57
    expect(s.terms[0]!.points).toBe(50);
    expect(s.terms[2]!.points).toBe(28.57);
    expect(s.base).toBe(78.57);
    expect(s.terms[0]!.explanation.zh).toBe('按期结案率 70%（7/10） × 权重 50 × 100/70 = 50 分');
  });

  it('caps the bonus, and has no score when nothing weighted could be counted', () => {
    const s = scoreUnit(rules, { led_joint: 20, proactive: 50 }, []);
    expect(s.bonus).toMatchObject({ points: 5, capped: true });
    expect(s.base).toBeNull();
    expect(s.score).toBeNull();
  });
});

describe('rankUnits', () => {
  it('ranks eligible units, shares ranks on ties and vetoes the last place with anyone tied to it', () => {
    const r = rankUnits(rules, [
      { code: 'A', dispatched: 30, score: 91 },
      { code: 'B', dispatched: 30, score: 85 },
      { code: 'C', dispatched: 30, score: 85 },
      { code: 'D', dispatched: 30, score: 70 },
      { code: 'E', dispatched: 30, score: 70 },
      { code: 'F', dispatched: 9, score: 10 }, // too few cases: listed, not ranked, not vetoed
      { code: 'G', dispatched: 30, score: null },
    ]);
    expect([...r.values()].map((u) => [u.code, u.rank, u.veto])).toEqual([
      ['A', 1, false],
      ['B', 2, false],
      ['C', 2, false],
      ['D', 4, true],
      ['E', 4, true],
      ['F', null, false],
      ['G', null, false],
    ]);
  });
  it('has no last place in a ranking of one', () => {
    expect(rankUnits(rules, [{ code: 'A', dispatched: 30, score: 50 }]).get('A')).toMatchObject({ rank: 1, veto: false });
  });
});

describe('interview and accountability lists', () => {
  it('counts only the interview causes, and names the unit’s leader', () => {
    expect(interviewCount(rules, { 'dissatisfied:poor_handling': 2, 'dissatisfied:falsified': 1, 'dissatisfied:unreasonable_demand': 5 })).toBe(3);
    expect(interviewLeader(rules, 'PCS')).toBe('P003');
    expect(interviewLeader(rules, 'CGZD')).toBe('P004');
  });
  it('holds a persistent problem against its lead unit, or the category owner when never dispatched', () => {
    expect(accountableUnit('SWZ', 'CGZD')).toBe('SWZ');
    expect(accountableUnit(null, 'CGZD')).toBe('CGZD');
    expect(accountableUnit(null, null)).toBeNull();
  });
  it('counts per unit the problems found late by a complaint and those left overdue; a case can be both', () => {
    const counts = accountabilityCounts([
      { unit: 'CGZD', foundLate: true, unresolved: false, cases: 4 },
      { unit: 'CGZD', foundLate: false, unresolved: true, cases: 2 },
      { unit: 'SWZ', foundLate: true, unresolved: true, cases: 3 },
      { unit: 'SWZ', foundLate: false, unresolved: false, cases: 9 },
      { unit: null, foundLate: true, unresolved: true, cases: 5 },
      { unit: 'FGB', foundLate: false, unresolved: false, cases: 1 },
    ]);
    expect([...counts.entries()]).toEqual([
      ['CGZD', { foundLateCount: 4, unresolvedCount: 2 }],
      ['SWZ', { foundLateCount: 3, unresolvedCount: 3 }],
    ]);
  });
});

describe('unitOverdueSince', () => {
  const clock = (dueAt: string, stoppedAt: string | null, step = 'handle') => ({ step, dueAt, stoppedAt });
  it('is the deadline of a unit step met late or still running, null when met in time', () => {
    expect(unitOverdueSince([clock('2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z')])).toBe('2026-06-01T00:00:00.000Z');
    expect(unitOverdueSince([clock('2026-06-01T00:00:00Z', null)])).toBe('2026-06-01T00:00:00.000Z');
    expect(unitOverdueSince([clock('2026-07-01T00:00:00Z', null)])).toBe('2026-07-01T00:00:00.000Z');
    expect(unitOverdueSince([clock('2026-06-01T00:00:00Z', '2026-05-31T00:00:00Z')])).toBeNull();
    expect(unitOverdueSince([clock('2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')])).toBeNull();
    expect(unitOverdueSince([])).toBeNull();
  });
  it('takes the earliest of 签收 and 处置, and ignores the center\'s steps', () => {
    expect(unitOverdueSince([clock('2026-06-05T00:00:00Z', null), clock('2026-06-03T08:00:00+08:00', '2026-06-04T00:00:00Z', 'accept')])).toBe('2026-06-03T00:00:00.000Z');
    expect(unitOverdueSince([clock('2026-06-01T00:00:00Z', null, 'visit'), clock('2026-06-01T00:00:00Z', null, 'dispatch'), clock('2026-06-01T00:00:00Z', null, 'verify')])).toBeNull();
  });
});

describe('the report’s orders', () => {
  it('puts ranked units by rank, then the unranked by cases dispatched, ties by code', () => {
    const units = [
      { unitCode: 'C', rank: null, dispatched: 3 },
      { unitCode: 'B', rank: 2, dispatched: 40 },
      { unitCode: 'A', rank: null, dispatched: 9 },
      { unitCode: 'D', rank: 1, dispatched: 12 },
      { unitCode: 'E', rank: null, dispatched: 9 },
    ];
    expect(units.sort(reportOrder.units).map((u) => u.unitCode)).toEqual(['D', 'B', 'A', 'E', 'C']);
  });
  it('puts the most interviewed and the most accountable first', () => {
    expect([{ unitCode: 'B', count: 1 }, { unitCode: 'A', count: 4 }, { unitCode: 'C', count: 4 }].sort(reportOrder.interviews).map((u) => u.unitCode)).toEqual(['A', 'C', 'B']);
    const acc = [
      { unitCode: 'X', foundLateCount: 1, unresolvedCount: 1 },
      { unitCode: 'Y', foundLateCount: 0, unresolvedCount: 5 },
      { unitCode: 'W', foundLateCount: 2, unresolvedCount: 0 },
    ];
    expect(acc.sort(reportOrder.accountability).map((u) => u.unitCode)).toEqual(['Y', 'W', 'X']);
  });
});
