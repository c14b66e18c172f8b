/**
 * What people may do to a recurring-problem record, by its status (who may is the access policy's
 * recurring:plan and recurring:strike_off). A plan comes first; progress follows it; 销项 needs a
 * plan and is final until the problem comes back, which reopens the record for a new plan.
 *
 *   open ──plan──▶ planned ──progress──▶ in_progress ──strike-off──▶ struck_off
 *     ▲                 └────────────strike-off──────────────────────────┘ │
 *   reopened ◀──────────────── a case at the place again (detection) ──────┘
 */
import type { Label } from '../case/vocabulary.js';
import type { RecurringAction, RecurringStatus } from './vocabulary.js';

export type RecordDecision = { ok: true; to: RecurringStatus } | { ok: false; code: 'PLAN_FIRST' | 'STRUCK_OFF'; reason: Label };

const planFirst: RecordDecision = { ok: false, code: 'PLAN_FIRST', reason: { zh: '请先制定整治措施', en: 'Record a root-cause plan first' } };
const struckOff: RecordDecision = { ok: false, code: 'STRUCK_OFF', reason: { zh: '已销项，复发后才会重新打开', en: 'Struck off; it reopens only if the problem comes back' } };

export function decideRecord(status: RecurringStatus, action: RecurringAction): RecordDecision {
  if (status === 'struck_off') return struckOff;
  const needsPlan = status === 'open' || status === 'reopened';
  switch (action) {
    case 'plan':
      // a revised plan does not set reported work back
      return { ok: true, to: status === 'in_progress' ? 'in_progress' : 'planned' };
    case 'progress':
      return needsPlan ? planFirst : { ok: true, to: 'in_progress' };
    case 'strike-off':
      return needsPlan ? planFirst : { ok: true, to: 'struck_off' };
  }
}

/** The status after detection adds a case: a struck-off record reopens, any other stays as it is. */
export function afterRecurrence(status: RecurringStatus, reopen: boolean): RecurringStatus {
  return reopen ? 'reopened' : status;
}
