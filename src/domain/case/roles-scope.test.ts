/** Who may act (role) and on which cases (scope), against hand-written expectations. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../profile/schema.js';
import { roles } from '../profile/schema.js';
import type { Actor, CaseFacts } from './facts.js';
import { allowedActions, decide } from './machine.js';
import type { CaseAction, CaseStatus } from './vocabulary.js';
import { caseActions } from './vocabulary.js';

const allowedRoles: Record<CaseAction, Role[]> = {
  register: ['dispatcher', 'coordinator'],
  void: ['dispatcher', 'coordinator'],
  dispatch: ['dispatcher', 'coordinator'],
  visit: ['dispatcher', 'coordinator'],
  close: ['dispatcher', 'coordinator'],
  designate: ['coordinator'],
  accept: ['department_handler', 'station_chief'],
  return: ['department_handler', 'station_chief'],
  start: ['department_handler', 'station_chief'],
  feedback: ['department_handler', 'station_chief'],
  extend: ['department_handler', 'station_chief'],
  verify: ['inspector', 'station_chief', 'dispatcher'],
  'handle-locally': ['inspector', 'station_chief'],
  escalate: ['station_chief', 'dispatcher', 'coordinator'],
  suspend: ['coordinator', 'leader'],
  resume: ['coordinator', 'leader'],
  'decide-extension': ['coordinator', 'leader'],
  urge: ['dispatcher', 'coordinator', 'supervisor', 'leader'],
  instruct: ['leader'],
};

/** a status in which the action is allowed, and a valid input */
const setting: Record<CaseAction, { status: CaseStatus; input: unknown }> = {
  register: { status: 'reported', input: {} },
  void: { status: 'reported', input: { reason: '无效信息' } },
  dispatch: { status: 'registered', input: { leadUnit: 'D1' } },
  visit: { status: 'verified', input: { outcome: 'unreachable' } },
  close: { status: 'visited', input: {} },
  designate: { status: 'returned', input: { leadUnit: 'D1', reason: '指定' } },
  accept: { status: 'dispatched', input: {} },
  return: { status: 'dispatched', input: { reason: '非本单位职责' } },
  start: { status: 'accepted', input: {} },
  feedback: { status: 'handling', input: { text: '已处理' } },
  extend: { status: 'handling', input: { reason: '材料未到', limit: { amount: 2, unit: 'day' } } },
  verify: { status: 'feedback', input: { result: 'fail', reason: '仍有垃圾' } },
  'handle-locally': { status: 'reported', input: { text: '已处置', beforePhotos: ['p1'], afterPhotos: ['p2'] } },
  escalate: { status: 'handling', input: { reason: '协调困难' } },
  suspend: { status: 'dispatched', input: { reason: '历史遗留' } },
  resume: { status: 'suspended', input: {} },
  'decide-extension': { status: 'accepted', input: { decision: 'refuse', reason: '时限充足' } },
  urge: { status: 'returned', input: {} },
  instruct: { status: 'suspended', input: { text: '阅，请抓紧' } },
};

function facts(status: CaseStatus, patch: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status,
    suspendedFrom: status === 'suspended' ? 'dispatched' : null,
    channel: 'video_patrol',
    stationCode: 'S1',
    leadUnit: 'D1',
    assistUnits: ['D2'],
    designated: false,
    returnCount: 0,
    reworkCount: 0,
    hasReporterContact: false,
    extensionPending: true,
    escalationLevel: 'none',
    needsDesignation: false,
    ...patch,
  };
}
// extend needs no pending request; every other action here is indifferent or needs one
const factsFor = (action: CaseAction, patch: Partial<CaseFacts> = {}): CaseFacts =>
  facts(setting[action].status, { extensionPending: action !== 'extend', ...patch });

const actor = (role: Role, patch: Partial<Actor> = {}): Actor => ({
  userId: `user-${role}`,
  role,
  stationCode: 'S1',
  departmentCode: 'D1',
  ...patch,
});

describe('roles', () => {
  for (const action of caseActions) {
    for (const role of roles) {
      const ok = allowedRoles[action].includes(role);
      it(`${action} by ${role}: ${ok ? 'allowed' : 'ROLE_NOT_ALLOWED'}`, () => {
        const result = decide(factsFor(action), actor(role), action, setting[action].input);
        if (ok) expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' });
      });
    }
  }

  it('administrators and auditors have no case actions in any status', () => {
    for (const role of ['system_admin', 'security_admin', 'auditor'] as const) {
      for (const action of caseActions) {
        expect(allowedActions(factsFor(action), actor(role))).toEqual([]);
      }
    }
  });
});

describe('scope', () => {
  const other = { stationCode: 'S2', departmentCode: 'D9' };

  it('lead-unit actions refuse another department and an assisting unit', () => {
    for (const action of ['accept', 'return', 'start', 'feedback', 'extend'] as const) {
      const input = setting[action].input;
      expect(decide(factsFor(action), actor('department_handler', other), action, input)).toMatchObject({ code: 'OUT_OF_SCOPE' });
      expect(decide(factsFor(action), actor('department_handler', { departmentCode: 'D2' }), action, input)).toMatchObject({
        code: 'OUT_OF_SCOPE',
      });
      expect(decide(factsFor(action), actor('department_handler', { departmentCode: null }), action, input)).toMatchObject({
        code: 'OUT_OF_SCOPE',
      });
    }
  });

  it('a station chief drives a case whose lead unit is his station team, not by being the station', () => {
    const f = factsFor('accept', { leadUnit: 'S1-team' });
    expect(decide(f, actor('station_chief', { departmentCode: 'S1-team' }), 'accept', {}).ok).toBe(true);
    expect(decide(f, actor('station_chief', { departmentCode: 'S2-team' }), 'accept', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    // the case's station matches, but the lead unit is a department: not his to accept
    expect(decide(factsFor('accept'), actor('station_chief', { departmentCode: 'S1-team' }), 'accept', {})).toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('nobody drives a case without a lead unit, even with no department of his own', () => {
    const f = factsFor('accept', { leadUnit: null });
    expect(decide(f, actor('department_handler', { departmentCode: undefined }), 'accept', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
  });

  it('station actions refuse another station and a case outside every station', () => {
    for (const action of ['verify', 'handle-locally', 'escalate'] as const) {
      for (const role of ['inspector', 'station_chief'] as const) {
        if (!allowedRoles[action].includes(role)) continue;
        const input = setting[action].input;
        expect(decide(factsFor(action), actor(role, other), action, input)).toMatchObject({ code: 'OUT_OF_SCOPE' });
        expect(decide(factsFor(action, { stationCode: null }), actor(role, { stationCode: null }), action, input)).toMatchObject({
          code: 'OUT_OF_SCOPE',
        });
        expect(decide(factsFor(action), actor(role, { stationCode: undefined }), action, input)).toMatchObject({
          code: 'OUT_OF_SCOPE',
        });
      }
    }
  });

  it('the center verifies and escalates town-wide (by video or phone)', () => {
    const center = actor('dispatcher', { stationCode: null, departmentCode: null });
    expect(decide(factsFor('verify', { stationCode: 'S7' }), center, 'verify', { result: 'pass' }).ok).toBe(true);
    expect(decide(factsFor('escalate', { stationCode: null }), center, 'escalate', { reason: '久拖未决' }).ok).toBe(true);
  });

  it('role is judged before scope, scope before state', () => {
    // an auditor on a closed case: role; a wrong department on a closed case: scope
    expect(decide(facts('closed'), actor('auditor'), 'accept', {})).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(decide(facts('closed'), actor('department_handler', other), 'accept', {})).toMatchObject({ code: 'OUT_OF_SCOPE' });
    expect(decide(facts('closed'), actor('department_handler'), 'accept', {})).toMatchObject({ code: 'ACTION_NOT_ALLOWED_IN_STATE' });
  });

  it('a refusal lists what the actor may do instead', () => {
    const result = decide(facts('dispatched'), actor('department_handler', { departmentCode: 'D1' }), 'start', {});
    expect(result).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE', allowedActions: ['accept', 'return'] });
  });
});
