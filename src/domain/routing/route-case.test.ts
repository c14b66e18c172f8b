/** Each rule of routeCase, with hand-written decisions: it fires where it should and only there. */
import { describe, expect, it } from 'vitest';
import { routeCase } from './route-case.js';
import { ctx, garbage, input, manhole, orphan, powerCover, returned, stall, unlicensedFood } from './routing.fixture.js';
import type { RoutingDecision, RoutingFacts, RuleId } from './types.js';
import { ruleIds } from './types.js';

const fresh = (f: Partial<RoutingFacts>): RoutingFacts => ({
  categoryCode: null,
  categoryField: null,
  stationCode: null,
  crossDepartment: null,
  escalated: false,
  returnCount: 0,
  designateAfterReturns: 2,
  returnedBy: [],
  skipped: [],
  ...f,
});

describe('谁主管谁办理 (owner)', () => {
  it('a category with a clear owner goes to the owner, automatically, with nobody assisting', () => {
    expect(routeCase(input(manhole, 'DF'), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'owner',
      leadUnit: 'SWZ',
      assistUnits: [],
      facts: fresh({ categoryCode: '01003', categoryField: 'owner', stationCode: 'DF' }),
      explanation: { zh: '谁主管谁办理：类别「01003」由主管部门 SWZ 办理', en: 'Owner handles it: category 01003 goes to its owner SWZ' },
    });
  });

  it('escalation means nothing to a category that is not station-level', () => {
    const d = routeCase(input(manhole, 'QS', { escalated: true }), ctx);
    expect(d).toMatchObject({ kind: 'auto', rule: 'owner', leadUnit: 'SWZ', assistUnits: [] });
    expect(d.facts.skipped).toEqual([]);
  });

  it('after the lead of a cross-department category returned it, its owner takes it with the remaining assists', () => {
    expect(routeCase(returned(unlicensedFood, 'CJ', ['CGZD']), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'owner',
      leadUnit: 'SCS',
      assistUnits: ['SRS'],
      facts: fresh({
        categoryCode: '09015',
        categoryField: 'owner',
        stationCode: 'CJ',
        crossDepartment: 'category',
        returnCount: 1,
        returnedBy: ['CGZD'],
        skipped: [{ role: 'lead', unit: 'CGZD', reason: 'returned' }],
      }),
      explanation: {
        zh: '谁主管谁办理：牵头部门 CGZD 已退单，类别「09015」由主管部门 SCS 办理，协办单位 SRS',
        en: 'Owner handles it: lead unit CGZD returned it; category 09015 goes to its owner SCS, assisted by SRS',
      },
    });
  });
});

describe('谁牵头谁办理 (lead)', () => {
  it('a cross-department category goes to its lead with the assisting units', () => {
    expect(routeCase(input(stall, 'CJ'), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'lead',
      leadUnit: 'CGZD',
      assistUnits: ['SCS', 'SRS'],
      facts: fresh({ categoryCode: '09001', categoryField: 'lead', stationCode: 'CJ', crossDepartment: 'category' }),
      explanation: {
        zh: '谁牵头谁办理：类别「09001」责任交叉跨部门，由牵头部门 CGZD 召集协办单位 SCS、SRS 研究工作方案、共同办理',
        en: 'Lead unit handles it: category 09001 is cross-department: lead unit CGZD, convening assisting units SCS, SRS',
      },
    });
  });

  it('when the lead is not the owner, the owner assists first', () => {
    expect(routeCase(input(unlicensedFood, 'CJ'), ctx)).toMatchObject({ rule: 'lead', leadUnit: 'CGZD', assistUnits: ['SCS', 'SRS'] });
  });

  it('a case the dispatcher flagged cross-department: the owner leads and the dispatcher picks the assists', () => {
    expect(routeCase(input(manhole, 'DF', { crossDepartment: true }), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'lead',
      leadUnit: 'SWZ',
      assistUnits: [],
      facts: fresh({ categoryCode: '01003', categoryField: 'owner', stationCode: 'DF', crossDepartment: 'dispatcher' }),
      explanation: {
        zh: '谁牵头谁办理：类别「01003」派单员标记为跨部门，由牵头部门 SWZ 召集相关单位办理（协办单位由派单员选定）',
        en: 'Lead unit handles it: category 01003 is flagged cross-department: lead unit SWZ, convening the units concerned (chosen by the dispatcher)',
      },
    });
  });
});

describe('小联勤联动 (station forces first)', () => {
  it('a station-level category in 前哨 goes to 前哨站联勤队', () => {
    expect(routeCase(input(garbage, 'QS'), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'station_forces',
      leadUnit: 'ST-QS',
      assistUnits: [],
      facts: fresh({ categoryCode: '06010', categoryField: 'stationLevel', stationCode: 'QS' }),
      explanation: {
        zh: '小联勤联动：站级类别「06010」先由 QS 站自有力量 ST-QS 就地处置',
        en: "Station forces first: station-level category 06010 goes first to station QS's own forces ST-QS",
      },
    });
  });

  it('the station decides the team: DF → ST-DF, the temporary 花博 station in force → ST-HBY, never the committee', () => {
    expect(routeCase(input(garbage, 'DF'), ctx)).toMatchObject({ rule: 'station_forces', leadUnit: 'ST-DF' });
    expect(routeCase(input(garbage, 'HBY'), ctx)).toMatchObject({ rule: 'station_forces', leadUnit: 'ST-HBY' });
  });

  it('outside every grid there are no station forces: the owner', () => {
    expect(routeCase(input(garbage, null), ctx)).toMatchObject({
      rule: 'owner',
      leadUnit: 'HW',
      facts: { categoryField: 'owner', skipped: [{ role: 'station_team', unit: null, reason: 'no_station' }] },
      explanation: { zh: '谁主管谁办理：案件不在任何网格内，无属地工作站，类别「06010」由主管部门 HW 办理' },
    });
  });

  it('a station without its own forces, or with inactive ones: the owner', () => {
    expect(routeCase(input(garbage, 'CJ'), ctx)).toMatchObject({
      rule: 'owner',
      leadUnit: 'HW',
      facts: { skipped: [{ role: 'station_team', unit: null, reason: 'missing' }] },
      explanation: { zh: '谁主管谁办理：CJ 站没有自有力量，类别「06010」由主管部门 HW 办理' },
    });
    expect(routeCase(input(garbage, 'GL'), ctx)).toMatchObject({
      rule: 'owner',
      leadUnit: 'HW',
      facts: { skipped: [{ role: 'station_team', unit: 'ST-GL', reason: 'inactive' }] },
    });
  });

  it('escalated by the station: straight to the owner', () => {
    expect(routeCase(input(garbage, 'QS', { escalated: true }), ctx)).toMatchObject({
      kind: 'auto',
      rule: 'owner',
      leadUnit: 'HW',
      facts: { escalated: true, skipped: [{ role: 'station_team', unit: 'ST-QS', reason: 'escalated' }] },
      explanation: { zh: '谁主管谁办理：QS 站已上报，自有力量 ST-QS 无法处置，类别「06010」由主管部门 HW 办理' },
    });
  });
});

describe('第三方兜底 (fallback)', () => {
  it('a category whose owner does not exist goes to the fallback contractor', () => {
    expect(routeCase(input(orphan, 'DF'), ctx)).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'fallback',
      leadUnit: 'DSF',
      assistUnits: [],
      facts: fresh({ categoryCode: '09012', stationCode: 'DF', skipped: [{ role: 'owner', unit: 'XFJY', reason: 'missing' }] }),
      explanation: {
        zh: '第三方兜底：主管部门 XFJY 不存在，类别「09012」由兜底单位 DSF 办理',
        en: 'Third-party fallback: owner XFJY does not exist; category 09012 goes to the fallback unit DSF',
      },
    });
  });

  it('an inactive owner too', () => {
    expect(routeCase(input(powerCover, 'DF'), ctx)).toMatchObject({
      rule: 'fallback',
      leadUnit: 'DSF',
      explanation: { zh: '第三方兜底：主管部门 GDS 已停用，类别「01005」由兜底单位 DSF 办理' },
    });
  });

  it('finds the fallback: true department when rules.fallbackUnit names none', () => {
    const odd = { ...ctx, rules: { ...ctx.rules, fallbackUnit: 'NOPE' } };
    expect(routeCase(input(orphan, 'DF'), odd)).toMatchObject({ rule: 'fallback', leadUnit: 'DSF' });
  });

  it('an owner that returned an ordinary case before the threshold: the fallback', () => {
    expect(routeCase(returned(manhole, 'DF', ['SWZ']), ctx)).toMatchObject({
      rule: 'fallback',
      leadUnit: 'DSF',
      assistUnits: [],
      explanation: { zh: '第三方兜底：主管部门 SWZ 已退单，类别「01003」由兜底单位 DSF 办理' },
    });
  });
});

describe('only where it should', () => {
  // [what, decision, expected rule, expected unit (auto) or null (designation)]
  const table: [string, RoutingDecision, RuleId, string | null][] = [
    ['owner', routeCase(input(manhole, 'QS'), ctx), 'owner', 'SWZ'],
    ['owner, station-level escalated', routeCase(input(garbage, 'QS', { escalated: true }), ctx), 'owner', 'HW'],
    ['lead', routeCase(input(stall, 'QS'), ctx), 'lead', 'CGZD'],
    ['lead, flagged', routeCase(input(manhole, 'QS', { crossDepartment: true }), ctx), 'lead', 'SWZ'],
    ['station forces', routeCase(input(garbage, 'QS'), ctx), 'station_forces', 'ST-QS'],
    ['station-level, flagged: station first', routeCase(input(garbage, 'QS', { crossDepartment: true }), ctx), 'station_forces', 'ST-QS'],
    ['fallback, missing owner', routeCase(input(orphan, 'QS'), ctx), 'fallback', 'DSF'],
    ['fallback, lead returned', routeCase(returned(stall, 'QS', ['CGZD']), ctx), 'fallback', 'DSF'],
    ['no category', routeCase(input(null, 'QS'), ctx), 'designate_no_rule', null],
    ['no category, flagged', routeCase(input(null, 'QS', { crossDepartment: true }), ctx), 'designate_no_rule', null],
    ['returned twice', routeCase(returned(manhole, 'QS', ['SWZ', 'DSF']), ctx), 'designate_after_returns', null],
    ['returned twice, unclassified', routeCase(returned(null, 'QS', ['SWZ', 'DSF']), ctx), 'designate_after_returns', null],
  ];
  it.each(table)('%s', (_what, decision, rule, unit) => {
    expect(decision.rule).toBe(rule);
    expect(decision.kind === 'auto' ? decision.leadUnit : null).toBe(unit);
  });
  it('every rule fires somewhere in the table', () => {
    expect(new Set(table.map((row) => row[2]))).toEqual(new Set(ruleIds));
  });
});

describe('purity', () => {
  it('never mutates its input and gives the same answer twice', () => {
    const i = returned(unlicensedFood, 'QS', ['CGZD']);
    const snapshot = structuredClone(i);
    const a = routeCase(i, ctx);
    a.facts.returnedBy.push('X');
    expect(i).toEqual(snapshot);
    expect(routeCase(i, ctx).facts.returnedBy).toEqual(['CGZD']);
  });
});
