import { describe, expect, it } from 'vitest';
import { assessmentFacts, type AssessmentEvent } from './event-facts.js';
import { inspectorIndicators, stationIndicators, unitIndicators } from './indicators.js';

const ev = (action: string, data: Record<string, unknown>, actorRole: string | null = 'department_handler', actorId = 'u:cgzd'): AssessmentEvent => ({ action, toStatus: '', actorId, actorRole, data });

/** Counts the facts of some events the way the counters do. */
function count(events: AssessmentEvent[], subject: string, key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) for (const f of assessmentFacts(e)) if (f.subject === subject && f.key === key) out[f.metric] = (out[f.metric] ?? 0) + 1;
  return out;
}

describe('assessment facts and indicators (hand-computed)', () => {
  // 城管中队's month: four cases come to it, one of them by designation with 市场所 assisting
  const month: AssessmentEvent[] = [
    ev('report', { channel: 'department', departmentCode: 'CGZD', stationCode: 'DF' }),
    ev('dispatch', { leadUnit: 'CGZD', assistUnits: [] }, null, 'system:routing'),
    ev('dispatch', { leadUnit: 'CGZD', assistUnits: [] }, 'dispatcher'),
    ev('dispatch', { leadUnit: 'CGZD', assistUnits: [] }, 'dispatcher'),
    ev('return', { returnedBy: 'CGZD', unit: 'CGZD' }),
    ev('designate', { leadUnit: 'CGZD', assistUnits: ['SCS'] }, 'coordinator'),
    ev('accept', { unit: 'CGZD', steps: [{ step: 'accept', late: false }] }),
    ev('accept', { unit: 'CGZD', steps: [{ step: 'accept', late: false }] }),
    ev('accept', { unit: 'CGZD', steps: [{ step: 'accept', late: true }] }),
    ev('feedback', { unit: 'CGZD', steps: [{ step: 'handle', late: false }] }),
    ev('feedback', { unit: 'CGZD', steps: [{ step: 'handle', late: false }] }),
    ev('feedback', { unit: 'CGZD', steps: [{ step: 'handle', late: true }] }),
    ev('verify', { unit: 'CGZD', result: 'fail', steps: [{ step: 'verify', late: false }] }, 'inspector', 'u:insp'),
    ev('verify', { unit: 'CGZD', result: 'pass', steps: [{ step: 'verify', late: true }] }, 'inspector', 'u:insp'),
    ev('extend', { unit: 'CGZD' }),
    ev('decide-extension', { unit: 'CGZD', decision: 'approve' }, 'dispatcher'),
    ev('suspend', { unit: 'CGZD' }, 'dispatcher'),
    ev('escalate', { unit: 'CGZD', automatic: true, threshold: 'red', step: 'handle' }, null, 'system:deadline-sweep'),
    ev('urge', { unit: 'CGZD', automatic: true, threshold: 'yellow', step: 'handle' }, null, 'system:deadline-sweep'),
    ev('urge', { unit: 'CGZD' }, 'dispatcher'),
    ev('visit', { unit: 'CGZD', outcome: 'satisfied' }, 'dispatcher'),
    ev('visit', { unit: 'CGZD', outcome: 'dissatisfied' }, 'dispatcher'),
    ev('close', { unit: 'CGZD', onTime: true }, 'dispatcher'),
    ev('close', { unit: 'CGZD', onTime: true }, 'dispatcher'),
    ev('close', { unit: 'CGZD', onTime: false }, 'dispatcher'),
  ];

  it('counts each event for the unit it belongs to', () => {
    expect(count(month, 'unit', 'CGZD')).toEqual({
      proactive: 1, dispatched: 4, designated: 1, led_joint: 1, returned: 1, accepted: 3, accepted_on_time: 2, handled: 3, handled_on_time: 2,
      reworked: 1, extension_requested: 1, extended: 1, suspended: 1, overdue: 1, due: 3, 'visit:satisfied': 1, 'visit:dissatisfied': 1, closed: 3, closed_on_time: 2,
    });
    expect(count(month, 'unit', 'SCS')).toEqual({ assisted: 1 });
    expect(count(month, 'inspector', 'u:insp')).toEqual({ verified: 2, verified_on_time: 1 });
  });

  it('computes the rates by their definitions', () => {
    const i = unitIndicators(count(month, 'unit', 'CGZD'));
    // 按期结案率: 2 closed on time ÷ (3 due − 1 suspended) = 100 %
    expect(i.rates.onTimeClosure).toBe(1);
    expect(i.rates.closure).toBe(3 / 4);
    expect(i.rates.acceptOnTime).toBe(2 / 3);
    expect(i.rates.handleOnTime).toBe(2 / 3);
    expect(i.rates.rework).toBe(1 / 3);
    expect(i.rates.return).toBe(1 / 4);
    expect(i.rates.extension).toBe(1 / 4);
    expect(i.rates.satisfaction).toBe(1 / 2);
    expect(i.rates.proactive).toBe(1 / 4);
    expect(inspectorIndicators(count(month, 'inspector', 'u:insp')).verifyOnTime).toBe(1 / 2);
  });

  it('says nothing rather than 0 % or 100 % when there is nothing to divide by', () => {
    const none = unitIndicators({});
    expect(Object.values(none.rates).every((r) => r === null)).toBe(true);
    expect(unitIndicators({ due: 1, suspended: 1 }).rates.onTimeClosure).toBeNull();
  });

  it("credits a station's own eyes with proactive discovery", () => {
    const events = [
      ev('report', { channel: 'inspector', stationCode: 'QS' }, 'inspector', 'u:i1'),
      ev('report', { channel: 'sensor', stationCode: 'QS' }, null, 'apikey:s'),
      ev('report', { channel: 'hotline_12345', stationCode: 'QS' }, 'dispatcher'),
      ev('report', { channel: 'hotline_12345', stationCode: 'DF' }, 'dispatcher'),
    ];
    expect(stationIndicators(count(events, 'station', 'QS'))).toEqual({ reported: 3, proactive: 2, proactiveShare: 2 / 3 });
    expect(count(events, 'inspector', 'u:i1')).toEqual({ reports: 1 });
  });
});
