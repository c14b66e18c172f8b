/**
 * Who is told what about a case event (in-app notifications for people). Pure: the relay passes the
 * event and the case as they are at relay time. A notice never names the reporter: its title is
 * fixed text and it points at the case, which each reader sees through their own access policy.
 */
import type { NoticeKind } from '../../contracts/notifications.js';
import { isCaseAction, type CaseAction } from '../../domain/case/index.js';
import type { RecipientType } from '../db/schema-webhooks.js';

export const noticeTitles: Record<NoticeKind, { zh: string; en: string }> = {
  dispatched: { zh: '新派遣案件', en: 'New case dispatched' },
  returned: { zh: '案件被退回', en: 'Case returned' },
  verification_due: { zh: '待核查', en: 'Awaiting verification' },
  rework: { zh: '核查未通过，请返工', en: 'Verification failed: rework' },
  urged: { zh: '催办', en: 'Urged' },
  escalated: { zh: '督办', en: 'Escalated for supervision' },
  instructed: { zh: '领导批示', en: 'Leader’s instruction' },
  extension_requested: { zh: '延期申请', en: 'Extension requested' },
  // written by recurring-problem detection, with the place and the count in its own title
  recurring_cc: { zh: '常态长效抄报', en: 'Recurring problem copied to you' },
};

export interface NoticeEvent {
  action: string;
  /** the event's data column, parsed */
  data: Record<string, unknown>;
  leadUnit: string | null;
  assistUnits: string[];
  stationCode: string | null;
}

export interface Notice {
  recipientType: RecipientType;
  recipientCode: string;
  kind: NoticeKind;
}

const to = (recipientType: RecipientType, recipientCode: string, kind: NoticeKind): Notice => ({ recipientType, recipientCode, kind });

/** Nobody is lost: without a lead unit (e.g. urged before dispatch) the dispatchers are told. */
const leadOrDispatchers = (e: NoticeEvent, kind: NoticeKind): Notice[] => [e.leadUnit ? to('unit', e.leadUnit, kind) : to('role', 'dispatcher', kind)];

function dispatchedTo(e: NoticeEvent): Notice[] {
  // the event's own data says whom this dispatch named; the case row may have moved on since
  const lead = typeof e.data.leadUnit === 'string' ? e.data.leadUnit : e.leadUnit;
  const assists = Array.isArray(e.data.assistUnits) ? e.data.assistUnits.filter((u): u is string => typeof u === 'string') : e.assistUnits;
  const units = [...new Set([lead, ...assists].filter((u): u is string => typeof u === 'string' && u !== ''))];
  return units.map((u) => to('unit', u, 'dispatched'));
}

export function noticesForEvent(e: NoticeEvent): Notice[] {
  if (!isCaseAction(e.action)) return []; // report, attach, joint-meeting: nobody needs a task from them
  const action: CaseAction = e.action;
  switch (action) {
    case 'dispatch':
    case 'designate':
      return dispatchedTo(e);
    case 'return':
      return [to('role', 'dispatcher', 'returned')];
    case 'feedback':
      // the station verifies on site; a case outside any station is checked by the center
      return [e.stationCode ? to('station', e.stationCode, 'verification_due') : to('role', 'dispatcher', 'verification_due')];
    case 'verify':
      return e.data.result === 'fail' ? leadOrDispatchers(e, 'rework') : [];
    case 'urge':
      return leadOrDispatchers(e, 'urged');
    case 'escalate':
      return leadOrDispatchers(e, 'escalated');
    case 'instruct':
      return leadOrDispatchers(e, 'instructed');
    case 'extend':
      return [to('role', 'coordinator', 'extension_requested')];
    case 'register':
    case 'void':
    case 'accept':
    case 'start':
    case 'visit':
    case 'close':
    case 'decide-extension':
    case 'suspend':
    case 'resume':
    case 'handle-locally':
      return [];
  }
}
