/**
 * The indicators of a unit, station or inspector over a period, from its counted facts (pure
 * formulas; a rate is null when there is nothing to divide by, never a made-up 0 or 100 %).
 */
import { ratio } from '../dashboard/figures.js';

export type FactCounts = Readonly<Record<string, number>>;

export interface UnitIndicators {
  dispatched: number;
  accepted: number;
  acceptedOnTime: number;
  handled: number;
  handledOnTime: number;
  closed: number;
  closedOnTime: number;
  due: number;
  suspended: number;
  returned: number;
  reworked: number;
  extensionRequested: number;
  extended: number;
  overdue: number;
  designated: number;
  ledJoint: number;
  assisted: number;
  proactive: number;
  visits: { satisfied: number; dissatisfied: number; unreachable: number };
  rates: {
    /** 按期结案率 = closed on time ÷ (due − suspended) */
    onTimeClosure: number | null;
    /** 结案率 = closed ÷ dispatched */
    closure: number | null;
    /** 签收及时率 = accepted on time ÷ accepted */
    acceptOnTime: number | null;
    /** 处置及时率 = handled on time ÷ handled */
    handleOnTime: number | null;
    /** 返工率 = reworked ÷ handled */
    rework: number | null;
    /** 退单率 = returned ÷ dispatched */
    return: number | null;
    /** 延期率 = extension requests ÷ dispatched */
    extension: number | null;
    /** 满意率 = satisfied ÷ (satisfied + dissatisfied) */
    satisfaction: number | null;
    /** 主动发现率 = found by the unit itself ÷ dispatched to it */
    proactive: number | null;
  };
}

const capped = (r: number | null) => (r === null ? null : Math.min(1, r));

export function unitIndicators(c: FactCounts): UnitIndicators {
  const n = (metric: string) => c[metric] ?? 0;
  const visits = { satisfied: n('visit:satisfied'), dissatisfied: n('visit:dissatisfied'), unreachable: n('visit:unreachable') };
  const dispatched = n('dispatched');
  const handled = n('handled');
  return {
    dispatched,
    accepted: n('accepted'),
    acceptedOnTime: n('accepted_on_time'),
    handled,
    handledOnTime: n('handled_on_time'),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    due: n('due'),
    suspended: n('suspended'),
    returned: n('returned'),
    reworked: n('reworked'),
    extensionRequested: n('extension_requested'),
    extended: n('extended'),
    overdue: n('overdue'),
    designated: n('designated'),
    ledJoint: n('led_joint'),
    assisted: n('assisted'),
    proactive: n('proactive'),
    visits,
    rates: {
      onTimeClosure: capped(ratio(n('closed_on_time'), Math.max(0, n('due') - n('suspended')))),
      closure: capped(ratio(n('closed'), dispatched)),
      acceptOnTime: ratio(n('accepted_on_time'), n('accepted')),
      handleOnTime: ratio(n('handled_on_time'), handled),
      rework: ratio(n('reworked'), handled),
      return: ratio(n('returned'), dispatched),
      extension: ratio(n('extension_requested'), dispatched),
      satisfaction: ratio(visits.satisfied, visits.satisfied + visits.dissatisfied),
      proactive: capped(ratio(n('proactive'), dispatched)),
    },
  };
}

export interface StationIndicators {
  reported: number;
  proactive: number;
  /** 主动发现率 = found by the station's own eyes (inspectors, cameras, sensors) ÷ all reported there */
  proactiveShare: number | null;
}

export function stationIndicators(c: FactCounts): StationIndicators {
  const reported = c.reported ?? 0;
  const proactive = c.proactive ?? 0;
  return { reported, proactive, proactiveShare: ratio(proactive, reported) };
}

export interface InspectorIndicators {
  reports: number;
  /** reports voided as not a case (不予立案/作废) */
  voided: number;
  /** 有效上报 = reports − voided */
  validReports: number;
  verified: number;
  verifiedOnTime: number;
  /** 核查及时率 */
  verifyOnTime: number | null;
}

export function inspectorIndicators(c: FactCounts): InspectorIndicators {
  const verified = c.verified ?? 0;
  const reports = c.reports ?? 0;
  const voided = c.reports_voided ?? 0;
  return { reports, voided, validReports: Math.max(0, reports - voided), verified, verifiedOnTime: c.verified_on_time ?? 0, verifyOnTime: ratio(c.verified_on_time ?? 0, verified) };
}
