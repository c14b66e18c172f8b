/**
 * Every status × every action, against a table written by hand from the process description
 * (not from rules.ts). Each cell is tried by a person who is allowed to do that action and is in
 * scope, with valid input, so the only thing that can refuse is the status.
 */
import { describe, expect, it } from 'vitest';
import { roles } from '../profile/schema.js';
import type { Actor, CaseFacts } from './facts.js';
import { allowedActions, decide } from './machine.js';
import type { CaseAction, CaseStatus } from './vocabulary.js';
import { caseActions, caseStatuses } from './vocabulary.js';

/** status → the actions allowed there → the status they lead to (same status = no change). */
const expected: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  reported: {
    register: 'registered',
    void: 'voided',
    urge: 'reported',
    escalate: 'reported',
    instruct: 'reported',
    'handle-locally': 'closed',
  },
  registered: {
    dispatch: 'dispatched',
    designate: 'dispatched',
    suspend: 'suspended',
    urge: 'registered',
    escalate: 'registered',
    instruct: 'registered',
    'handle-locally': 'closed',
  },
  dispatched: {
    accept: 'accepted',
    return: 'returned',
    suspend: 'suspended',
    urge: 'dispatched',
    escalate: 'dispatched',
    instruct: 'dispatched',
  },
  returned: {
    dispatch: 'dispatched',
    designate: 'dispatched',
    suspend: 'suspended',
    urge: 'returned',
    escalate: 'returned',
    instruct: 'returned',
  },
  accepted: {
    start: 'handling',
    extend: 'accepted',
    'decide-extension': 'accepted',
    suspend: 'suspended',
    urge: 'accepted',
    escalate: 'accepted',
    instruct: 'accepted',
  },
  handling: {
    feedback: 'feedback',
    extend: 'handling',
    'decide-extension': 'handling',
    suspend: 'suspended',
    urge: 'handling',
    escalate: 'handling',
    instruct: 'handling',
  },
  feedback: { verify: 'verified', suspend: 'suspended', urge: 'feedback', escalate: 'feedback', instruct: 'feedback' },
  verified: { visit: 'visited', suspend: 'suspended', urge: 'verified', escalate: 'verified', instruct: 'verified' },
  visited: { close: 'closed', suspend: 'suspended', urge: 'visited', escalate: 'visited', instruct: 'visited' },
  closed: {},
  voided: {},
  // suspended from 'handling' in this matrix
  suspended: { resume: 'handling', escalate: 'suspended', instruct: 'suspended' },
};

const actorFor: Record<CaseAction, Actor> = {
  register: { userId: 'u1', role: 'dispatcher' },
  void: { userId: 'u1', role: 'coordinator' },
  dispatch: { userId: 'u1', role: 'dispatcher' },
  accept: { userId: 'u2', role: 'department_handler', departmentCode: 'D1' },
  return: { userId: 'u2', role: 'department_handler', departmentCode: 'D1' },
  designate: { userId: 'u3', role: 'coordinator' },
  start: { userId: 'u2', role: 'department_handler', departmentCode: 'D1' },
  feedback: { userId: 'u2', role: 'department_handler', departmentCode: 'D1' },
  verify: { userId: 'u4', role: 'inspector', stationCode: 'S1' },
  visit: { userId: 'u1', role: 'dispatcher' },
  close: { userId: 'u3', role: 'coordinator' },
  extend: { userId: 'u2', role: 'department_handler', departmentCode: 'D1' },
  'decide-extension': { userId: 'u5', role: 'leader' },
  suspend: { userId: 'u3', role: 'coordinator' },
  resume: { userId: 'u5', role: 'leader' },
  urge: { userId: 'u6', role: 'supervisor' },
  escalate: { userId: 'u7', role: 'station_chief', stationCode: 'S1', departmentCode: 'S1-team' },
  instruct: { userId: 'u5', role: 'leader' },
  'handle-locally': { userId: 'u7', role: 'station_chief', stationCode: 'S1', departmentCode: 'S1-team' },
};

const inputFor: Record<CaseAction, unknown> = {
  register: {},
  void: { reason: '重复上报' },
  dispatch: { leadUnit: 'D1', assistUnits: ['D2'] },
  accept: {},
  return: { reason: '不属于本单位职责' },
  designate: { leadUnit: 'D1', reason: '指定承办' },
  start: {},
  feedback: { text: '已清理', photos: ['a1'] },
  verify: { result: 'pass' },
  visit: { outcome: 'satisfied' },
  close: {},
  extend: { reason: '需协调物业', limit: { amount: 3, unit: 'workDay' } },
  'decide-extension': { decision: 'approve', limit: { amount: 3, unit: 'workDay' } },
  suspend: { reason: '涉及历史遗留问题' },
  resume: {},
  urge: { note: '请尽快处理' },
  escalate: { reason: '工作站无法处置' },
  instruct: { text: '请城管中队牵头，本周内解决' },
  'handle-locally': { text: '特保队员现场劝离', beforePhotos: ['b1'], afterPhotos: ['a1'] },
};

function factsIn(status: CaseStatus, extensionPending: boolean): CaseFacts {
  return {
    status,
    suspendedFrom: status === 'suspended' ? 'handling' : null,
    channel: 'inspector',
    stationCode: 'S1',
    leadUnit: 'D1',
    assistUnits: ['D2'],
    designated: false,
    returnCount: 0,
    reworkCount: 0,
    hasReporterContact: true,
    extensionPending,
    escalationLevel: 'none',
    needsDesignation: false,
  };
}

describe('status × action matrix', () => {
  it('the hand table covers every status', () => {
    expect(Object.keys(expected).sort()).toEqual([...caseStatuses].sort());
  });

  for (const status of caseStatuses) {
    for (const action of caseActions) {
      const target = expected[status][action];
      it(`${status} × ${action} → ${target ?? 'refused'}`, () => {
        const facts = factsIn(status, action === 'decide-extension');
        const result = decide(facts, actorFor[action], action, inputFor[action]);
        if (target === undefined) {
          expect(result).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
          if (!result.ok) expect(result.allowedActions).not.toContain(action);
        } else {
          expect(result).toMatchObject({ ok: true, to: target, facts: { status: target } });
          if (result.ok) expect(result.event).toMatchObject({ action, from: status, to: target });
        }
      });
    }
  }
});

describe('allowedActions over all roles equals the hand table', () => {
  const everyone: Actor[] = roles.map((role, i) => ({ userId: `u${i}`, role, stationCode: 'S1', departmentCode: 'D1' }));
  const union = (facts: CaseFacts): CaseAction[] =>
    caseActions.filter((a) => everyone.some((actor) => allowedActions(facts, actor).includes(a)));

  for (const status of caseStatuses) {
    it(`${status}`, () => {
      const keys = Object.keys(expected[status]) as CaseAction[];
      const inOrder = caseActions.filter((a) => keys.includes(a));
      // an extension can be requested only when none is pending, and decided only when one is
      expect(union(factsIn(status, false))).toEqual(inOrder.filter((a) => a !== 'decide-extension'));
      expect(union(factsIn(status, true))).toEqual(inOrder.filter((a) => a !== 'extend'));
    });
  }

  it('closed and voided allow nothing to anyone', () => {
    for (const actor of everyone) {
      expect(allowedActions(factsIn('closed', false), actor)).toEqual([]);
      expect(allowedActions(factsIn('voided', true), actor)).toEqual([]);
    }
  });
});
