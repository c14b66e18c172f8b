import { describe, expect, it } from 'vitest';
import { noticeTitles, noticesForEvent, type NoticeEvent } from './notices-for-event.js';

const base: NoticeEvent = { action: 'dispatch', data: {}, leadUnit: 'CGZD', assistUnits: ['SCS'], stationCode: 'DF' };
const of = (patch: Partial<NoticeEvent>) => noticesForEvent({ ...base, ...patch }).map((n) => `${n.recipientType}:${n.recipientCode}:${n.kind}`);

describe('who is told what about a case event', () => {
  it('dispatch and designate: the units the event names, lead and assisting, once each', () => {
    expect(of({ action: 'dispatch', data: { leadUnit: 'HW', assistUnits: ['SRS', 'SCS'] } })).toEqual(['unit:HW:dispatched', 'unit:SRS:dispatched', 'unit:SCS:dispatched']);
    expect(of({ action: 'designate', data: { leadUnit: 'CGZD', assistUnits: [] } })).toEqual(['unit:CGZD:dispatched']);
    // an event without unit data falls back to the case as it stands
    expect(of({ action: 'dispatch', data: {} })).toEqual(['unit:CGZD:dispatched', 'unit:SCS:dispatched']);
  });
  it('return goes to the dispatchers, extension requests to the coordinators', () => {
    expect(of({ action: 'return' })).toEqual(['role:dispatcher:returned']);
    expect(of({ action: 'extend' })).toEqual(['role:coordinator:extension_requested']);
  });
  it("feedback is the station's verification task; without a station the center's", () => {
    expect(of({ action: 'feedback' })).toEqual(['station:DF:verification_due']);
    expect(of({ action: 'feedback', stationCode: null })).toEqual(['role:dispatcher:verification_due']);
  });
  it('only a failed verification tells the lead unit to rework', () => {
    expect(of({ action: 'verify', data: { result: 'fail' } })).toEqual(['unit:CGZD:rework']);
    expect(of({ action: 'verify', data: { result: 'pass' } })).toEqual([]);
  });
  it('urge, escalate and instruct go to the lead unit, or to the dispatchers before there is one', () => {
    expect(of({ action: 'urge' })).toEqual(['unit:CGZD:urged']);
    expect(of({ action: 'escalate' })).toEqual(['unit:CGZD:escalated']);
    expect(of({ action: 'instruct' })).toEqual(['unit:CGZD:instructed']);
    expect(of({ action: 'urge', leadUnit: null })).toEqual(['role:dispatcher:urged']);
  });
  it('the other actions and non-machine events tell nobody', () => {
    for (const action of ['report', 'register', 'accept', 'start', 'visit', 'close', 'void', 'attach', 'joint-meeting', 'decide-extension', 'suspend', 'resume', 'handle-locally']) {
      expect(of({ action }), action).toEqual([]);
    }
  });
  it('titles are the fixed Chinese task names', () => {
    expect(noticeTitles.dispatched.zh).toBe('新派遣案件');
    expect(noticeTitles.rework.zh).toBe('核查未通过，请返工');
    expect(noticeTitles.verification_due.zh).toBe('待核查');
  });
});
