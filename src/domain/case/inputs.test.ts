/** Input schemas (strict, required fields) and the bilingual vocabulary. */
import { describe, expect, it } from 'vitest';
import { newCaseFacts } from './facts.js';
import { actionInputSchemas } from './inputs.js';
import { decide } from './machine.js';
import {
  actionLabels,
  caseActions,
  caseStatuses,
  channelLabels,
  channels,
  isCaseAction,
  isOpen,
  statusLabels,
} from './vocabulary.js';

const valid = (action: keyof typeof actionInputSchemas, input: unknown): boolean => actionInputSchemas[action].safeParse(input).success;

describe('required inputs', () => {
  it('reasons are required and whitespace is not a reason', () => {
    for (const action of ['void', 'return', 'suspend', 'escalate'] as const) {
      expect(valid(action, { reason: '理由' })).toBe(true);
      expect(valid(action, {})).toBe(false);
      expect(valid(action, { reason: '   ' })).toBe(false);
    }
  });

  it('dispatch needs a lead unit; assistants are optional, distinct and not the lead', () => {
    expect(actionInputSchemas.dispatch.parse({ leadUnit: 'cgzd' })).toEqual({ leadUnit: 'cgzd', assistUnits: [] });
    expect(valid('dispatch', {})).toBe(false);
    expect(valid('dispatch', { leadUnit: 'cgzd', assistUnits: ['cgzd'] })).toBe(false);
    expect(valid('dispatch', { leadUnit: 'cgzd', assistUnits: ['pcs', 'pcs'] })).toBe(false);
    expect(valid('dispatch', { leadUnit: '城管中队' })).toBe(false);
  });

  it('designate needs a unit and a reason', () => {
    expect(valid('designate', { leadUnit: 'cgzd', reason: '新问题' })).toBe(true);
    expect(valid('designate', { leadUnit: 'cgzd' })).toBe(false);
    expect(valid('designate', { reason: '新问题' })).toBe(false);
  });

  it('feedback needs text, photos are optional ids', () => {
    expect(actionInputSchemas.feedback.parse({ text: '已处理' })).toEqual({ text: '已处理', photos: [] });
    expect(valid('feedback', { photos: ['p1'] })).toBe(false);
    expect(valid('feedback', { text: 'x', photos: [''] })).toBe(false);
  });

  it('verify, visit and decide-extension accept only their outcomes', () => {
    expect(valid('verify', { result: 'maybe' })).toBe(false);
    expect(valid('verify', { result: 'pass', reason: 'x' })).toBe(false);
    expect(valid('visit', { outcome: 'satisfied' })).toBe(true);
    expect(valid('visit', { outcome: 'happy' })).toBe(false);
    expect(valid('decide-extension', { decision: 'approve' })).toBe(false);
    expect(valid('decide-extension', { decision: 'refuse' })).toBe(false);
  });

  it('extend needs a reason and a well-formed time limit', () => {
    expect(valid('extend', { reason: 'r', limit: { amount: 2, unit: 'workDay' } })).toBe(true);
    expect(valid('extend', { reason: 'r', limit: { amount: 0, unit: 'workDay' } })).toBe(false);
    expect(valid('extend', { reason: 'r', limit: { amount: 2, unit: 'week' } })).toBe(false);
    expect(valid('extend', { reason: 'r' })).toBe(false);
  });

  it('instruct needs text', () => {
    expect(valid('instruct', { text: '阅' })).toBe(true);
    expect(valid('instruct', {})).toBe(false);
  });

  it('every schema is strict: an unknown field is rejected and named', () => {
    expect(valid('register', { reson: 'typo' })).toBe(false);
    expect(valid('verify', { result: 'pass', extra: 1 })).toBe(false);
    const f = newCaseFacts({ channel: 'citizen', stationCode: 'S1', hasReporterContact: true });
    expect(decide(f, { userId: 'd', role: 'dispatcher' }, 'void', { reason: 'r', reson: 'r' })).toMatchObject({
      ok: false,
      code: 'INPUT_INVALID',
      field: 'reson',
    });
  });

  it('an absent body counts as empty, a non-object does not', () => {
    const f = newCaseFacts({ channel: 'citizen', stationCode: 'S1', hasReporterContact: true });
    const d = { userId: 'd', role: 'dispatcher' } as const;
    expect(decide(f, d, 'register', undefined).ok).toBe(true);
    expect(decide(f, d, 'register', 'please')).toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('vocabulary', () => {
  it('labels every channel, status and action in Chinese and English', () => {
    for (const c of channels) expect(channelLabels[c].zh && channelLabels[c].en).toBeTruthy();
    for (const s of caseStatuses) expect(statusLabels[s].zh && statusLabels[s].en).toBeTruthy();
    for (const a of caseActions) expect(actionLabels[a].zh && actionLabels[a].en).toBeTruthy();
    expect(channelLabels.police_110.zh).toBe('110非警务警情');
    expect(statusLabels.suspended.zh).toBe('挂账');
    expect(actionLabels['handle-locally'].zh).toBe('就地处置');
  });

  it('only closed and voided are final', () => {
    expect(caseStatuses.filter((s) => !isOpen(s))).toEqual(['closed', 'voided']);
  });

  it('action strings double as path segments', () => {
    expect(isCaseAction('decide-extension')).toBe(true);
    expect(isCaseAction('decide_extension')).toBe(false);
    for (const a of caseActions) expect(a).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
