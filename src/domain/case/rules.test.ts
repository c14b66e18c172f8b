/** The conditions beside the status, and the deadline effects of each step. */
import { describe, expect, it } from 'vitest';
import type { Role } from '../profile/schema.js';
import type { Actor, CaseFacts } from './facts.js';
import { newCaseFacts } from './facts.js';
import { allowedActions, decide } from './machine.js';
import type { CaseAction, CaseStatus, EscalationLevel } from './vocabulary.js';

const dispatcher: Actor = { userId: 'd', role: 'dispatcher' };
const coordinator: Actor = { userId: 'c', role: 'coordinator' };
const leader: Actor = { userId: 'l', role: 'leader' };
const handler: Actor = { userId: 'h', role: 'department_handler', departmentCode: 'D1' };
const chief: Actor = { userId: 'k', role: 'station_chief', stationCode: 'S1', departmentCode: 'S1-team' };

function facts(status: CaseStatus, patch: Partial<CaseFacts> = {}): CaseFacts {
  return { ...newCaseFacts({ channel: 'hotline_12345', stationCode: 'S1', hasReporterContact: true }), status, leadUnit: 'D1', ...patch };
}
function ok(f: CaseFacts, actor: Actor, action: CaseAction, input: unknown) {
  const r = decide(f, actor, action, input);
  if (!r.ok) throw new Error(`${action} refused: ${r.code} ${r.message.en}`);
  return r;
}

describe('return and designate (首接责任制)', () => {
  const dispatch = { leadUnit: 'D1' };

  it('plain dispatch from returned is allowed below the threshold and refused at it', () => {
    expect(decide(facts('returned', { returnCount: 1, leadUnit: null }), dispatcher, 'dispatch', dispatch).ok).toBe(true);
    const refused = decide(facts('returned', { returnCount: 2, leadUnit: null }), dispatcher, 'dispatch', dispatch);
    expect(refused).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
    expect(allowedActions(facts('returned', { returnCount: 2 }), coordinator)).toEqual(['designate', 'suspend', 'urge', 'escalate']);
  });

  it('when routing found no unit by rule, only a coordinator assigns the case (指定谁谁办理)', () => {
    for (const status of ['registered', 'returned'] as const) {
      const unrouted = facts(status, { leadUnit: null, needsDesignation: true });
      const refused = decide(unrouted, dispatcher, 'dispatch', dispatch);
      expect(refused).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
      if (!refused.ok) expect(refused.message.zh).toContain('须由协调人员指定');
      expect(allowedActions(unrouted, dispatcher)).not.toContain('dispatch');
      expect(allowedActions(unrouted, coordinator)).toContain('designate');
      expect(ok(unrouted, coordinator, 'designate', { leadUnit: 'D3', reason: '无对应派单规则' }).facts).toMatchObject({ status: 'dispatched', designated: true, leadUnit: 'D3' });
      expect(decide(facts(status, { leadUnit: null, needsDesignation: false }), dispatcher, 'dispatch', dispatch).ok).toBe(true);
    }
  });

  it('the threshold is a parameter', () => {
    const f = facts('returned', { returnCount: 2, leadUnit: null });
    expect(decide(f, dispatcher, 'dispatch', dispatch, { designateAfterReturns: 3 }).ok).toBe(true);
    expect(decide(facts('returned', { returnCount: 3 }), dispatcher, 'dispatch', dispatch, { designateAfterReturns: 3 }).ok).toBe(false);
    expect(decide(facts('returned', { returnCount: 1 }), dispatcher, 'dispatch', dispatch, { designateAfterReturns: 1 }).ok).toBe(false);
  });

  it('return counts, clears the assignment and restarts the dispatch clock', () => {
    const r = ok(facts('dispatched', { returnCount: 1, assistUnits: ['D2'] }), handler, 'return', { reason: '非本单位职责' });
    expect(r.facts).toMatchObject({ status: 'returned', returnCount: 2, leadUnit: null, assistUnits: [] });
    expect(r.effects).toEqual([
      { kind: 'stop', step: 'accept' },
      { kind: 'start', step: 'dispatch' },
    ]);
    expect(r.event).toEqual({
      action: 'return',
      from: 'dispatched',
      to: 'returned',
      reason: '非本单位职责',
      data: { reason: '非本单位职责', returnCount: 2 },
    });
  });

  it('a designated unit cannot return, and the return button is not offered', () => {
    const r = ok(facts('returned', { returnCount: 2, leadUnit: null }), coordinator, 'designate', {
      leadUnit: 'D3',
      assistUnits: ['D1'],
      reason: '指定城管中队承办',
    });
    expect(r.facts).toMatchObject({ status: 'dispatched', designated: true, leadUnit: 'D3', assistUnits: ['D1'] });
    const d3: Actor = { userId: 'h3', role: 'department_handler', departmentCode: 'D3' };
    expect(decide(r.facts, d3, 'return', { reason: '不归我管' })).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
    expect(allowedActions(r.facts, d3)).toEqual(['accept']);
  });

  it('a later plain dispatch is not designated', () => {
    const r = ok(facts('registered', { designated: true }), dispatcher, 'dispatch', { leadUnit: 'D4' });
    expect(r.facts.designated).toBe(false);
  });
});

describe('suspend and resume (挂账)', () => {
  const from: CaseStatus[] = ['registered', 'dispatched', 'returned', 'accepted', 'handling', 'feedback', 'verified', 'visited'];
  for (const status of from) {
    it(`${status} → suspended → ${status}`, () => {
      const s = ok(facts(status, { returnCount: 1 }), coordinator, 'suspend', { reason: '涉及规划调整' });
      expect(s.facts).toMatchObject({ status: 'suspended', suspendedFrom: status, returnCount: 1 });
      expect(s.effects).toEqual([{ kind: 'pause' }]);
      const r = ok(s.facts, leader, 'resume', undefined);
      expect(r.facts).toMatchObject({ status, suspendedFrom: null, returnCount: 1 });
      expect(r.effects).toEqual([{ kind: 'resume' }]);
      expect(r.event).toMatchObject({ from: 'suspended', to: status });
    });
  }

  it('cannot urge a suspended case, and cannot resume without a remembered status', () => {
    expect(decide(facts('suspended', { suspendedFrom: 'handling' }), leader, 'urge', {})).toMatchObject({
      code: 'ACTION_NOT_ALLOWED_IN_STATE',
    });
    expect(decide(facts('suspended', { suspendedFrom: null }), leader, 'resume', {})).toMatchObject({
      code: 'ACTION_NOT_ALLOWED_IN_STATE',
    });
  });

  it('suspend requires a reason', () => {
    expect(decide(facts('handling'), coordinator, 'suspend', {})).toMatchObject({ code: 'INPUT_INVALID', field: 'reason' });
  });
});

describe('extension (延期)', () => {
  const request = { reason: '需等待供电公司停电', limit: { amount: 5, unit: 'workDay' } };

  it('one request at a time', () => {
    const first = ok(facts('handling'), handler, 'extend', request);
    expect(first.facts.extensionPending).toBe(true);
    expect(first.effects).toEqual([]);
    expect(decide(first.facts, handler, 'extend', request)).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
  });

  it('approve moves the handle deadline, refuse does not; both clear the request', () => {
    const pending = facts('accepted', { extensionPending: true });
    const approved = ok(pending, coordinator, 'decide-extension', { decision: 'approve', limit: { amount: 3, unit: 'workDay' } });
    expect(approved.facts).toMatchObject({ status: 'accepted', extensionPending: false });
    expect(approved.effects).toEqual([{ kind: 'extend', step: 'handle', limit: { amount: 3, unit: 'workDay' } }]);
    const refused = ok(pending, leader, 'decide-extension', { decision: 'refuse', reason: '时限足够' });
    expect(refused.facts.extensionPending).toBe(false);
    expect(refused.effects).toEqual([]);
    expect(refused.event.reason).toBe('时限足够');
  });

  it('nothing to decide without a pending request', () => {
    expect(decide(facts('handling'), coordinator, 'decide-extension', { decision: 'refuse', reason: 'x' })).toMatchObject({
      code: 'ACTION_NOT_ALLOWED_IN_STATE',
    });
  });

  it('a pending request lapses with the feedback', () => {
    const r = ok(facts('handling', { extensionPending: true }), handler, 'feedback', { text: '已修复' });
    expect(r.facts.extensionPending).toBe(false);
    expect(r.event.data).toEqual({ text: '已修复', photos: [], extensionLapsed: true });
  });
});

describe('escalation ladder', () => {
  const ladder: [Role, EscalationLevel, EscalationLevel | null][] = [
    ['station_chief', 'none', 'center'],
    ['station_chief', 'station', 'center'],
    ['station_chief', 'center', null],
    ['station_chief', 'leader', null],
    ['dispatcher', 'none', 'center'],
    ['dispatcher', 'station', 'center'],
    ['dispatcher', 'center', 'leader'],
    ['dispatcher', 'leader', null],
    ['coordinator', 'center', 'leader'],
    ['coordinator', 'leader', null],
  ];
  for (const [role, level, next] of ladder) {
    it(`${role} at ${level} → ${next ?? 'refused'}`, () => {
      const actor: Actor = { userId: 'x', role, stationCode: 'S1' };
      const r = decide(facts('handling', { escalationLevel: level }), actor, 'escalate', { reason: '久拖未决' });
      if (next === null) {
        expect(r).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
      } else {
        expect(r).toMatchObject({ ok: true, to: 'handling', facts: { escalationLevel: next }, effects: [] });
        if (r.ok) expect(r.event.data).toMatchObject({ fromLevel: level, toLevel: next });
      }
    });
  }

  it('climbs none → center → leader and stops', () => {
    let f = facts('dispatched');
    f = ok(f, chief, 'escalate', { reason: '工作站无力处置' }).facts;
    expect(f.escalationLevel).toBe('center');
    expect(allowedActions(f, chief)).not.toContain('escalate');
    f = ok(f, dispatcher, 'escalate', { reason: '需领导协调' }).facts;
    expect(f.escalationLevel).toBe('leader');
    expect(allowedActions(f, dispatcher)).not.toContain('escalate');
  });
});

describe('verify', () => {
  const inspector: Actor = { userId: 'i', role: 'inspector', stationCode: 'S1' };

  it('pass goes to 回访 when the reporter can be asked', () => {
    const r = ok(facts('feedback'), inspector, 'verify', { result: 'pass', photos: ['p9'] });
    expect(r.to).toBe('verified');
    expect(r.effects).toEqual([
      { kind: 'stop', step: 'verify' },
      { kind: 'start', step: 'visit' },
    ]);
  });

  it('pass without a contact skips the visit and can be closed', () => {
    const r = ok(facts('feedback', { hasReporterContact: false }), inspector, 'verify', { result: 'pass' });
    expect(r.to).toBe('visited');
    expect(r.effects).toEqual([{ kind: 'stop', step: 'verify' }]);
    expect(r.event.data).toMatchObject({ visitSkipped: true });
    expect(allowedActions(r.facts, dispatcher)).toContain('close');
  });

  it('fail needs a reason and sends the case back for rework', () => {
    expect(decide(facts('feedback'), inspector, 'verify', { result: 'fail' })).toMatchObject({ code: 'INPUT_INVALID', field: 'reason' });
    const r = ok(facts('feedback', { reworkCount: 1 }), inspector, 'verify', { result: 'fail', reason: '未清理干净' });
    expect(r.facts).toMatchObject({ status: 'handling', reworkCount: 2 });
    expect(r.effects).toEqual([
      { kind: 'stop', step: 'verify' },
      { kind: 'start', step: 'handle' },
    ]);
  });
});

describe('handle locally (就地处置)', () => {
  const input = { text: '特保队员现场处置', beforePhotos: ['b1'], afterPhotos: ['a1', 'a2'] };

  it('closes an inspector, video-patrol or sensor report on the spot', () => {
    for (const channel of ['inspector', 'video_patrol', 'sensor'] as const) {
      const r = ok(facts('registered', { channel }), chief, 'handle-locally', input);
      expect(r.to).toBe('closed');
      expect(r.effects).toEqual([{ kind: 'stopAll' }]);
    }
  });

  it('not for reports from other channels', () => {
    for (const channel of ['hotline_12345', 'video_ai', 'citizen', 'police_110'] as const) {
      expect(decide(facts('reported', { channel }), chief, 'handle-locally', input)).toMatchObject({
        code: 'ACTION_NOT_ALLOWED_IN_STATE',
      });
    }
  });

  it('needs photos before and after', () => {
    const f = facts('reported', { channel: 'inspector' });
    expect(decide(f, chief, 'handle-locally', { ...input, beforePhotos: [] })).toMatchObject({ code: 'INPUT_INVALID', field: 'beforePhotos' });
    expect(decide(f, chief, 'handle-locally', { text: 'x', beforePhotos: ['b'] })).toMatchObject({ code: 'INPUT_INVALID', field: 'afterPhotos' });
  });
});

describe('deadline effects of the main line', () => {
  const cases: [CaseStatus, Actor, CaseAction, unknown, unknown[]][] = [
    ['reported', dispatcher, 'register', {}, [{ kind: 'start', step: 'dispatch' }]],
    ['reported', dispatcher, 'void', { reason: '重复' }, [{ kind: 'stopAll' }]],
    ['registered', dispatcher, 'dispatch', { leadUnit: 'D1' }, [{ kind: 'stop', step: 'dispatch' }, { kind: 'start', step: 'accept' }]],
    ['registered', coordinator, 'designate', { leadUnit: 'D1', reason: 'r' }, [{ kind: 'stop', step: 'dispatch' }, { kind: 'start', step: 'accept' }]],
    ['dispatched', handler, 'accept', {}, [{ kind: 'stop', step: 'accept' }, { kind: 'start', step: 'handle' }]],
    ['accepted', handler, 'start', {}, []],
    ['handling', handler, 'feedback', { text: 't' }, [{ kind: 'stop', step: 'handle' }, { kind: 'start', step: 'verify' }]],
    ['verified', dispatcher, 'visit', { outcome: 'satisfied' }, [{ kind: 'stop', step: 'visit' }]],
    ['visited', coordinator, 'close', {}, [{ kind: 'stopAll' }]],
    ['handling', dispatcher, 'urge', {}, []],
    ['handling', leader, 'instruct', { text: '阅' }, []],
  ];
  for (const [status, actor, action, input, effects] of cases) {
    it(`${action} from ${status}`, () => {
      expect(ok(facts(status), actor, action, input).effects).toEqual(effects);
    });
  }
});
