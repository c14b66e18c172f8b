/** Whole cases from report to closure, step by step. */
import { describe, expect, it } from 'vitest';
import type { Actor, CaseFacts, DeadlineEffect } from './facts.js';
import { newCaseFacts } from './facts.js';
import type { Accepted } from './machine.js';
import { allowedActions, decide } from './machine.js';
import type { CaseAction, CaseStatus } from './vocabulary.js';

const dispatcher: Actor = { userId: 'zhang', role: 'dispatcher' };
const coordinator: Actor = { userId: 'li', role: 'coordinator' };
const cgzd: Actor = { userId: 'wang', role: 'department_handler', departmentCode: 'cgzd' }; // 城管中队
const inspector: Actor = { userId: 'zhao', role: 'inspector', stationCode: 'st-01' };

/** Runs the steps, failing loudly on a refusal; returns the final facts and the trail. */
function run(start: CaseFacts, steps: [Actor, CaseAction, unknown][]): { facts: CaseFacts; trail: Accepted[] } {
  let facts = start;
  const trail: Accepted[] = [];
  for (const [actor, action, input] of steps) {
    const r = decide(facts, actor, action, input);
    if (!r.ok) throw new Error(`${action} from ${facts.status} refused: ${r.code} ${r.message.en}`);
    trail.push(r);
    facts = r.facts;
  }
  return { facts, trail };
}

describe('happy path', () => {
  it('12345 order → registered → dispatched → accepted → handled → verified → visited → closed', () => {
    const start = newCaseFacts({ channel: 'hotline_12345', stationCode: 'st-01', hasReporterContact: true });
    const { facts, trail } = run(start, [
      [dispatcher, 'register', {}],
      [dispatcher, 'dispatch', { leadUnit: 'cgzd', assistUnits: ['sry'] }],
      [cgzd, 'accept', {}],
      [cgzd, 'start', {}],
      [cgzd, 'feedback', { text: '占道经营已劝离', photos: ['att-1'] }],
      [inspector, 'verify', { result: 'pass' }],
      [dispatcher, 'visit', { outcome: 'satisfied' }],
      [dispatcher, 'close', {}],
    ]);
    expect(trail.map((t) => t.to)).toEqual<CaseStatus[]>([
      'registered',
      'dispatched',
      'accepted',
      'handling',
      'feedback',
      'verified',
      'visited',
      'closed',
    ]);
    expect(facts).toMatchObject({ status: 'closed', leadUnit: 'cgzd', assistUnits: ['sry'], returnCount: 0, reworkCount: 0 });
    // every SLA step started is stopped again, in order
    expect(trail.flatMap((t) => t.effects)).toEqual<DeadlineEffect[]>([
      { kind: 'start', step: 'dispatch' },
      { kind: 'stop', step: 'dispatch' },
      { kind: 'start', step: 'accept' },
      { kind: 'stop', step: 'accept' },
      { kind: 'start', step: 'handle' },
      { kind: 'stop', step: 'handle' },
      { kind: 'start', step: 'verify' },
      { kind: 'stop', step: 'verify' },
      { kind: 'start', step: 'visit' },
      { kind: 'stop', step: 'visit' },
      { kind: 'stopAll' },
    ]);
    expect(allowedActions(facts, dispatcher)).toEqual([]);
  });

  it('an inspector report handled on the spot by the station', () => {
    const start = newCaseFacts({ channel: 'inspector', stationCode: 'st-01', hasReporterContact: false });
    const { facts, trail } = run(start, [
      [inspector, 'handle-locally', { text: '共享单车乱停放，已整理', beforePhotos: ['b1'], afterPhotos: ['a1'] }],
    ]);
    expect(facts.status).toBe('closed');
    expect(trail[0]?.event.from).toBe('reported');
  });
});

describe('returned twice, then designated (指定谁谁办理), reworked once', () => {
  it('follows the town plan step by step', () => {
    let facts = newCaseFacts({ channel: 'hotline_12345', stationCode: 'st-01', hasReporterContact: true });
    const step = (actor: Actor, action: CaseAction, input: unknown, to: CaseStatus): Accepted => {
      const r = decide(facts, actor, action, input);
      expect(r).toMatchObject({ ok: true, to });
      if (!r.ok) throw new Error('unreachable');
      facts = r.facts;
      return r;
    };

    step(dispatcher, 'register', {}, 'registered');
    step(dispatcher, 'dispatch', { leadUnit: 'cgzd' }, 'dispatched');
    step(cgzd, 'return', { reason: '属于物业管理范围' }, 'returned');
    expect(facts).toMatchObject({ returnCount: 1, leadUnit: null });
    step(dispatcher, 'dispatch', { leadUnit: 'cgzd' }, 'dispatched');
    step(cgzd, 'return', { reason: '仍非本单位职责' }, 'returned');
    expect(facts.returnCount).toBe(2);

    const plain = decide(facts, dispatcher, 'dispatch', { leadUnit: 'cgzd' });
    expect(plain).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });
    expect(decide(facts, dispatcher, 'designate', { leadUnit: 'cgzd', reason: 'x' })).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });

    const designated = step(coordinator, 'designate', { leadUnit: 'cgzd', reason: '指定城管中队承办，不得退单' }, 'dispatched');
    expect(designated.event.reason).toBe('指定城管中队承办，不得退单');
    expect(facts.designated).toBe(true);
    expect(decide(facts, cgzd, 'return', { reason: '再退' })).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE' });

    step(cgzd, 'accept', {}, 'accepted');
    step(cgzd, 'start', {}, 'handling');
    step(cgzd, 'feedback', { text: '已清理', photos: ['p1'] }, 'feedback');
    const rework = step(inspector, 'verify', { result: 'fail', reason: '现场仍有堆物' }, 'handling');
    expect(rework.effects).toEqual([
      { kind: 'stop', step: 'verify' },
      { kind: 'start', step: 'handle' },
    ]);
    expect(facts.reworkCount).toBe(1);
    step(cgzd, 'feedback', { text: '已彻底清理', photos: ['p2', 'p3'] }, 'feedback');
    step(inspector, 'verify', { result: 'pass' }, 'verified');
    const visit = step(dispatcher, 'visit', { outcome: 'dissatisfied', note: '市民认为处理太慢' }, 'visited');
    expect(visit.event.data).toEqual({ outcome: 'dissatisfied', note: '市民认为处理太慢' });
    step(coordinator, 'close', {}, 'closed');

    expect(facts).toMatchObject({ status: 'closed', returnCount: 2, reworkCount: 1, designated: true, leadUnit: 'cgzd' });
    expect(decide(facts, dispatcher, 'urge', {})).toMatchObject({ ok: false, code: 'ACTION_NOT_ALLOWED_IN_STATE', allowedActions: [] });
  });
});

describe('purity', () => {
  it('decide never mutates the facts it is given', () => {
    const facts = { ...newCaseFacts({ channel: 'citizen', stationCode: 'st-01', hasReporterContact: true }), status: 'dispatched' as const, leadUnit: 'cgzd', assistUnits: ['sry'] };
    const snapshot = structuredClone(facts);
    decide(facts, cgzd, 'return', { reason: 'r' });
    decide(facts, coordinator, 'suspend', { reason: 'r' });
    expect(facts).toEqual(snapshot);
  });
});
