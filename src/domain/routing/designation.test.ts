/** 指定谁谁办理: when a coordinator must designate, and whom routing proposes. */
import { describe, expect, it } from 'vitest';
import { suggestAssists } from './candidates.js';
import { routeCase } from './route-case.js';
import { explainRule } from './rule-text.js';
import { ctx, garbage, input, manhole, orphan, returned, stall, unlicensedFood } from './routing.fixture.js';
import type { RoutingContext, RoutingDecision } from './types.js';
import { ruleIds } from './types.js';

const designate = '须由 CENTER 指挥协调组指定承办单位（首接责任制，被指定单位不得退单）';

describe('designate_no_rule', () => {
  it('an unclassified case: the station forces, the catalogue duty holders in profile order, the fallback', () => {
    // holders: CGZD (owns/leads 09001, leads 09015), HW, SWZ, SCS (owns 09015), GDS (inactive, dropped)
    expect(routeCase(input(null, 'QS'), ctx)).toEqual<RoutingDecision>({
      kind: 'designation_required',
      rule: 'designate_no_rule',
      candidates: ['ST-QS', 'SCS', 'CGZD', 'SWZ', 'HW', 'DSF'],
      designatedBy: 'CENTER',
      facts: {
        categoryCode: null,
        categoryField: null,
        stationCode: 'QS',
        crossDepartment: null,
        escalated: false,
        returnCount: 0,
        designateAfterReturns: 2,
        returnedBy: [],
        skipped: [],
      },
      explanation: {
        zh: `指定谁谁办理：案件未分类，没有可循的派单规则，${designate}`,
        en: 'Designated unit handles it: not classified, no rule applies; a coordinator of CENTER must designate a unit, which may not return it',
      },
    });
  });

  it('without the catalogue: every active enforcement / management / utility / property unit, and the fallback', () => {
    const bare: RoutingContext = { departments: ctx.departments, rules: ctx.rules };
    expect(routeCase(input(null, null), bare)).toMatchObject({
      rule: 'designate_no_rule',
      candidates: ['SRS', 'SCS', 'CGZD', 'SWZ', 'HW', 'DSF'],
    });
  });

  it('nobody on the ladder exists or is active (no return involved)', () => {
    const noFallback: RoutingContext = {
      ...ctx,
      departments: ctx.departments.map((d) => (d.code === 'DSF' ? { ...d, active: false } : d)),
    };
    expect(routeCase(input(orphan, 'DF'), noFallback)).toEqual<RoutingDecision>({
      kind: 'designation_required',
      rule: 'designate_no_rule',
      candidates: [],
      designatedBy: 'CENTER',
      facts: {
        categoryCode: '09012',
        categoryField: null,
        stationCode: 'DF',
        crossDepartment: null,
        escalated: false,
        returnCount: 0,
        designateAfterReturns: 2,
        returnedBy: [],
        skipped: [
          { role: 'owner', unit: 'XFJY', reason: 'missing' },
          { role: 'fallback', unit: 'DSF', reason: 'inactive' },
        ],
      },
      explanation: {
        zh: `指定谁谁办理：主管部门 XFJY 不存在，兜底单位 DSF 已停用，类别「09012」没有可派遣的单位，${designate}`,
        en: 'Designated unit handles it: owner XFJY does not exist; fallback unit DSF is inactive; no unit can take category 09012; a coordinator of CENTER must designate a unit, which may not return it',
      },
    });
  });
});

describe('designate_after_returns', () => {
  it('at the threshold, whatever the ladder says; candidates keep the units that returned it', () => {
    const d = routeCase(returned(manhole, 'DF', ['SWZ', 'DSF']), ctx);
    expect(d).toMatchObject({
      kind: 'designation_required',
      rule: 'designate_after_returns',
      candidates: ['SWZ', 'DSF'],
      designatedBy: 'CENTER',
      facts: { returnCount: 2, returnedBy: ['SWZ', 'DSF'], skipped: [] },
      explanation: { zh: `指定谁谁办理：案件已退单 2 次（达到 2 次），${designate}` },
    });
  });

  it('the threshold comes from rules.routing: with 3, two returns still dispatch automatically', () => {
    const patient: RoutingContext = { ...ctx, rules: { ...ctx.rules, designateAfterReturns: 3 } };
    expect(routeCase(returned(stall, 'DF', ['CGZD']), patient)).toMatchObject({ kind: 'auto', rule: 'fallback' });
    expect(routeCase(returned(unlicensedFood, 'DF', ['CGZD', 'SCS']), patient)).toMatchObject({
      kind: 'auto',
      rule: 'fallback',
      leadUnit: 'DSF',
      facts: { designateAfterReturns: 3 },
    });
    expect(routeCase(returned(manhole, 'DF', ['SWZ', 'DSF', 'SWZ']), patient)).toMatchObject({ rule: 'designate_after_returns' });
  });

  it('below the threshold but every unit on the ladder has returned it', () => {
    const patient: RoutingContext = { ...ctx, rules: { ...ctx.rules, designateAfterReturns: 5 } };
    expect(routeCase(returned(manhole, 'DF', ['SWZ', 'DSF']), patient)).toMatchObject({
      kind: 'designation_required',
      rule: 'designate_after_returns',
      candidates: ['SWZ', 'DSF'],
      facts: {
        skipped: [
          { role: 'owner', unit: 'SWZ', reason: 'returned' },
          { role: 'fallback', unit: 'DSF', reason: 'returned' },
        ],
      },
      explanation: { zh: `指定谁谁办理：主管部门 SWZ 已退单，兜底单位 DSF 已退单，没有未退过单的承办单位，${designate}` },
    });
  });

  it('candidates of a station-level category start with the station forces', () => {
    expect(routeCase(returned(garbage, 'QS', ['ST-QS', 'HW']), ctx)).toMatchObject({ candidates: ['ST-QS', 'HW', 'DSF'] });
    expect(routeCase(returned(stall, 'QS', ['CGZD', 'DSF']), ctx)).toMatchObject({ candidates: ['CGZD', 'SCS', 'SRS', 'DSF'] });
  });
});

describe('suggestAssists', () => {
  it('owner first (when it does not lead), then the assists, minus the lead, excluded and inactive units', () => {
    expect(suggestAssists(unlicensedFood, 'CGZD', ctx)).toEqual(['SCS', 'SRS']);
    expect(suggestAssists(unlicensedFood, 'CGZD', ctx, ['SCS'])).toEqual(['SRS']);
    expect(suggestAssists(stall, 'CGZD', ctx)).toEqual(['SCS', 'SRS']);
    expect(suggestAssists({ owner: 'CGZD', assists: ['GDS', 'SRS', 'SRS', 'XFJY'] }, 'CGZD', ctx)).toEqual(['SRS']);
  });
});

describe('explainRule', () => {
  it('names every rule in the plan’s words', () => {
    expect(explainRule('owner').label).toEqual({ zh: '谁主管谁办理', en: 'Owner handles it' });
    expect(explainRule('lead').label.zh).toBe('谁牵头谁办理');
    expect(explainRule('station_forces').label.zh).toBe('小联勤联动');
    expect(explainRule('fallback').label.zh).toBe('第三方兜底');
    expect(explainRule('designate_no_rule').label.zh).toBe('指定谁谁办理');
    expect(explainRule('designate_after_returns').label.zh).toBe('指定谁谁办理');
    // the two designation rules share a name but not a description
    expect(new Set(ruleIds.map((r) => explainRule(r).description.zh)).size).toBe(ruleIds.length);
  });
});
