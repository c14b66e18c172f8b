import { describe, expect, it } from 'vitest';
import { contributions, counterDeltas, counterKey, closedOnTime, type DashboardCase } from './contributions.js';
import { flowFigures, gaugeFigures, lookupIn, rankDepartments } from './figures.js';

const clock = (dueAt: string, stoppedAt: string | null) => ({
  step: 'handle',
  limit: { amount: 5, unit: 'workDay' },
  startedAt: '2026-11-20T01:00:00.000Z',
  dueAt,
  stoppedAt,
  pausedAt: null,
  pausedMs: 0,
  allowedMs: 1,
  extendedBy: [],
  notified: { yellow: false, red: false },
});

const reported: DashboardCase = {
  status: 'reported',
  channel: 'hotline_12345',
  station_code: 'DF',
  lead_unit: null,
  category_code: '09001',
  deadline_state: 'done',
  urgency: 'normal',
  created_at: '2026-11-25T01:00:00.000Z',
  registered_at: null,
  dispatched_at: null,
  closed_at: null,
  visit_outcome: null,
  deadlines: '[]',
};

const total = (cases: DashboardCase[]) => {
  const m = new Map<string, number>();
  for (const c of cases) for (const k of contributions(c).map(counterKey)) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

describe('dashboard contributions', () => {
  it('a new order counts as new today and open now, by station, channel and category', () => {
    const get = lookupIn(total([reported]));
    expect(get('town', '*', 'd:2026-11-25', 'new')).toBe(1);
    expect(get('town', '*', 'h:2026-11-25T09', 'new')).toBe(1);
    expect(get('town', '*', 'w:2026-W48', 'new')).toBe(1);
    expect(get('station', 'DF', 'd:2026-11-25', 'new')).toBe(1);
    expect(get('channel', 'hotline_12345', 'd:2026-11-25', 'new')).toBe(1);
    expect(get('channel', 'hotline_12345', 'm:2026-11', 'new')).toBe(0); // months only for the town and units
    expect(get('category', '09001', 'now', 'open')).toBe(1);
    expect(get('dept', '-', 'now', 'open')).toBe(1);
    expect(get('town', '*', 'now', 'status:reported')).toBe(1);
    expect(get('station', 'DF', 'h:2026-11-25T09', 'new')).toBe(0); // hours only for the town
  });

  it('a closed case leaves the gauges and counts as closed, on time or late, with its visit', () => {
    const onTime = { ...reported, status: 'closed', lead_unit: 'CGZD', registered_at: '2026-11-25T01:05:00.000Z', dispatched_at: '2026-11-25T01:05:00.000Z', closed_at: '2026-11-25T06:00:00.000Z', visit_outcome: 'satisfied', deadlines: JSON.stringify([clock('2026-11-26T01:00:00.000Z', '2026-11-25T05:00:00.000Z')]) };
    const late = { ...onTime, visit_outcome: 'dissatisfied', deadlines: JSON.stringify([clock('2026-11-25T02:00:00.000Z', '2026-11-25T05:00:00.000Z')]) };
    expect(closedOnTime(onTime.deadlines)).toBe(true);
    expect(closedOnTime(late.deadlines)).toBe(false);
    const get = lookupIn(total([onTime, late, reported]));
    expect(gaugeFigures(get, 'town', '*')).toEqual({ open: 1, inHandling: 0, urgent: 0, lights: { green: 0, yellow: 0, red: 0 } });
    const today = flowFigures(get, 'town', '*', 'd:2026-11-25');
    expect(today).toMatchObject({ new: 3, registered: 2, dispatched: 2, closed: 2, closedOnTime: 1, onTimeRate: 0.5, visits: { satisfied: 1, dissatisfied: 1, unreachable: 0 }, satisfactionRate: 0.5 });
    expect(flowFigures(get, 'dept', 'CGZD', 'm:2026-11')).toMatchObject({ dispatched: 2, closed: 2, closedOnTime: 1 });
  });

  it('a write moves only the counters that change, and before + delta = after', () => {
    const registered = { ...reported, status: 'dispatched', lead_unit: 'CGZD', deadline_state: 'green', registered_at: '2026-11-25T02:00:00.000Z', dispatched_at: '2026-11-25T02:00:00.000Z' };
    const deltas = counterDeltas(reported, registered);
    expect(deltas.get('town|now|*|status:reported')).toBe(-1);
    expect(deltas.get('town|now|*|status:dispatched')).toBe(1);
    expect(deltas.get('dept|now|-|open')).toBe(-1);
    expect(deltas.get('dept|now|CGZD|open')).toBe(1);
    expect(deltas.has('town|d:2026-11-25|*|new')).toBe(false); // unchanged
    const before = total([reported]);
    for (const [k, n] of deltas) before.set(k, (before.get(k) ?? 0) + n);
    for (const [k, n] of before) if (n === 0) before.delete(k);
    expect(before).toEqual(total([registered]));
    expect(counterDeltas(registered, registered).size).toBe(0);
    expect(counterDeltas(null, reported)).toEqual(total([reported]));
  });
});

describe('department ranking', () => {
  it('ranks by on-time rate, then fewer red, then fewer open; no closed case ranks last', () => {
    const ranked = rankDepartments([
      { code: 'A', onTimeRate: 0.9, red: 3, open: 5 },
      { code: 'B', onTimeRate: null, red: 0, open: 0 },
      { code: 'C', onTimeRate: 0.9, red: 1, open: 9 },
      { code: 'D', onTimeRate: 1, red: 7, open: 7 },
    ]);
    expect(ranked.map((r) => `${r.rank}${r.code}`)).toEqual(['1D', '2C', '3A', '4B']);
  });
});
