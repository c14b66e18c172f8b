import { describe, expect, it } from 'vitest';
import { afterRecurrence, decideRecord } from './machine.js';
import { recurringStatuses, type RecurringAction, type RecurringStatus } from './vocabulary.js';

// rows: status; columns: plan, progress, strike-off → the status after, or the refusal's code
const expected: Record<RecurringStatus, [string, string, string]> = {
  open: ['planned', 'PLAN_FIRST', 'PLAN_FIRST'],
  planned: ['planned', 'in_progress', 'struck_off'],
  in_progress: ['in_progress', 'in_progress', 'struck_off'],
  struck_off: ['STRUCK_OFF', 'STRUCK_OFF', 'STRUCK_OFF'],
  reopened: ['planned', 'PLAN_FIRST', 'PLAN_FIRST'],
};
const actions: RecurringAction[] = ['plan', 'progress', 'strike-off'];

describe('the record machine', () => {
  for (const status of recurringStatuses) {
    actions.forEach((action, i) => {
      const want = expected[status][i]!;
      it(`${status} + ${action} → ${want}`, () => {
        const d = decideRecord(status, action);
        expect(d.ok ? d.to : d.code).toBe(want);
      });
    });
  }

  it('a recurrence reopens only a struck-off record', () => {
    expect(afterRecurrence('struck_off', true)).toBe('reopened');
    expect(afterRecurrence('in_progress', false)).toBe('in_progress');
  });
});
