/**
 * Whole dispatch histories: routing proposes, the case machine (src/domain/case) allows or refuses.
 * Routing never decides whether an action is allowed; these tests check the two agree.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, CaseFacts } from '../case/facts.js';
import { newCaseFacts } from '../case/facts.js';
import { decide } from '../case/machine.js';
import type { CaseAction, CaseStatus, Channel } from '../case/vocabulary.js';
import { routingInputFromCase } from './from-case.js';
import { routeCase } from './route-case.js';
import { ctx, garbage, stall } from './routing.fixture.js';
import type { RoutingCategory, RoutingDecision } from './types.js';

const dispatcher: Actor = { userId: 'zhang', role: 'dispatcher' };
const coordinator: Actor = { userId: 'li', role: 'coordinator' };
const handler = (dept: string): Actor => ({ userId: `h-${dept}`, role: 'department_handler', departmentCode: dept });
const chiefQS: Actor = { userId: 'qs-chief', role: 'station_chief', stationCode: 'QS', departmentCode: 'ST-QS' };

/** A case walked through the machine, remembering who returned it (the server keeps this from events). */
function story(channel: Channel, stationCode: string, category: RoutingCategory) {
  let facts: CaseFacts = newCaseFacts({ channel, stationCode, hasReporterContact: true });
  const returnedBy: string[] = [];
  const act = (actor: Actor, action: CaseAction, input: unknown, to: CaseStatus): void => {
    const r = decide(facts, actor, action, input, { designateAfterReturns: ctx.rules.designateAfterReturns });
    expect(r).toMatchObject({ ok: true, to });
    if (!r.ok) throw new Error(`${action} refused`);
    if (action === 'return' && facts.leadUnit) returnedBy.push(facts.leadUnit);
    facts = r.facts;
  };
  const route = (): RoutingDecision => routeCase(routingInputFromCase(facts, category, returnedBy), ctx);
  /** dispatch what routing proposed; fails the test if routing wanted a designation */
  const dispatchRouted = (): void => {
    const d = route();
    if (d.kind !== 'auto') throw new Error(`expected an automatic dispatch, got ${d.rule}`);
    act(dispatcher, 'dispatch', { leadUnit: d.leadUnit, assistUnits: d.assistUnits }, 'dispatched');
  };
  return { act, route, dispatchRouted, facts: () => facts };
}

describe('12345: an unlicensed street stall (无序设摊)', () => {
  it('CGZD leads → CGZD returns → the fallback → returned again → a coordinator designates', () => {
    const s = story('hotline_12345', 'DF', stall);
    s.act(dispatcher, 'register', {}, 'registered');

    // 1. 谁牵头谁办理: CGZD leads, 市场所 and 市容所 assist
    expect(s.route()).toMatchObject({ kind: 'auto', rule: 'lead', leadUnit: 'CGZD', assistUnits: ['SCS', 'SRS'] });
    s.dispatchRouted();
    s.act(handler('CGZD'), 'return', { reason: '摊贩持有临时许可，非本中队职责' }, 'returned');

    // 2. CGZD is both lead and owner, and assists are never promoted to lead: the fallback contractor,
    //    alone (assisting units do not follow a contractor). One return is below the threshold of 2.
    expect(s.route()).toEqual<RoutingDecision>({
      kind: 'auto',
      rule: 'fallback',
      leadUnit: 'DSF',
      assistUnits: [],
      facts: {
        categoryCode: '09001',
        categoryField: null,
        stationCode: 'DF',
        crossDepartment: 'category',
        escalated: false,
        returnCount: 1,
        designateAfterReturns: 2,
        returnedBy: ['CGZD'],
        skipped: [{ role: 'lead', unit: 'CGZD', reason: 'returned' }],
      },
      explanation: {
        zh: '第三方兜底：牵头部门 CGZD 已退单，类别「09001」由兜底单位 DSF 办理',
        en: 'Third-party fallback: lead unit CGZD returned it; category 09001 goes to the fallback unit DSF',
      },
    });
    s.dispatchRouted();
    s.act(handler('DSF'), 'return', { reason: '涉及执法，第三方无权处置' }, 'returned');

    // 3. returned twice: 指定谁谁办理; the machine agrees that plain dispatch is over
    const third = s.route();
    expect(third).toMatchObject({
      kind: 'designation_required',
      rule: 'designate_after_returns',
      candidates: ['CGZD', 'SCS', 'SRS', 'DSF'],
      designatedBy: 'CENTER',
      explanation: { zh: '指定谁谁办理：案件已退单 2 次（达到 2 次），须由 CENTER 指挥协调组指定承办单位（首接责任制，被指定单位不得退单）' },
    });
    expect(decide(s.facts(), dispatcher, 'dispatch', { leadUnit: 'CGZD' })).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
    s.act(coordinator, 'designate', { leadUnit: 'CGZD', assistUnits: ['SCS', 'SRS'], reason: '无序设摊属城管中队主管' }, 'dispatched');
    expect(decide(s.facts(), handler('CGZD'), 'return', { reason: '再退' })).toMatchObject({ ok: false });
  });
});

describe('暴露垃圾 reported in 前哨 (station-level, 小联勤联动)', () => {
  it('ST-QS → returned → the owner HW → returned → designation', () => {
    const s = story('inspector', 'QS', garbage);
    s.act(dispatcher, 'register', {}, 'registered');
    expect(s.route()).toMatchObject({ rule: 'station_forces', leadUnit: 'ST-QS', assistUnits: [] });
    s.dispatchRouted();
    s.act(chiefQS, 'return', { reason: '垃圾量大，联勤队无清运车辆' }, 'returned');

    expect(s.route()).toMatchObject({
      kind: 'auto',
      rule: 'owner',
      leadUnit: 'HW',
      facts: { categoryField: 'owner', skipped: [{ role: 'station_team', unit: 'ST-QS', reason: 'returned' }] },
      explanation: { zh: '谁主管谁办理：QS 站自有力量 ST-QS 已退单，类别「06010」由主管部门 HW 办理' },
    });
    s.dispatchRouted();
    s.act(handler('HW'), 'return', { reason: '位于农田，非环卫作业范围' }, 'returned');

    // two returns reach the threshold before the fallback rung: the coordinator decides
    expect(s.route()).toMatchObject({
      kind: 'designation_required',
      rule: 'designate_after_returns',
      candidates: ['ST-QS', 'HW', 'DSF'],
    });
  });

  it('escalated by the station chief → the owner HW → returned → the fallback DSF → returned → designation', () => {
    const s = story('inspector', 'QS', garbage);
    s.act(chiefQS, 'escalate', { reason: '需大型机械清运' }, 'reported');
    s.act(dispatcher, 'register', {}, 'registered');
    expect(s.route()).toMatchObject({
      rule: 'owner',
      leadUnit: 'HW',
      facts: { escalated: true, skipped: [{ role: 'station_team', unit: 'ST-QS', reason: 'escalated' }] },
    });
    s.dispatchRouted();
    s.act(handler('HW'), 'return', { reason: '非环卫作业范围' }, 'returned');

    expect(s.route()).toMatchObject({
      kind: 'auto',
      rule: 'fallback',
      leadUnit: 'DSF',
      facts: {
        returnCount: 1,
        skipped: [
          { role: 'station_team', unit: 'ST-QS', reason: 'escalated' },
          { role: 'owner', unit: 'HW', reason: 'returned' },
        ],
      },
      explanation: { zh: '第三方兜底：QS 站已上报，自有力量 ST-QS 无法处置，主管部门 HW 已退单，类别「06010」由兜底单位 DSF 办理' },
    });
    s.dispatchRouted();
    s.act(handler('DSF'), 'return', { reason: '超出合同范围' }, 'returned');
    expect(s.route()).toMatchObject({ kind: 'designation_required', rule: 'designate_after_returns' });
  });
});

describe('routingInputFromCase', () => {
  it('only an escalation to the center or a leader counts as the station giving up', () => {
    const base = newCaseFacts({ channel: 'inspector', stationCode: 'QS', hasReporterContact: false });
    const at = (escalationLevel: CaseFacts['escalationLevel']) =>
      routingInputFromCase({ ...base, escalationLevel }, garbage, []).escalated;
    expect([at('none'), at('station'), at('center'), at('leader')]).toEqual([false, false, true, true]);
  });
});
