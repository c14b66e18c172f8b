/**
 * What the machine needs to know about a case and about the person acting on it. The server
 * loads these from its tables; the machine never sees anything else (no ids, no times).
 */
import type { Role, SlaStep, TimeLimit } from '../profile/schema.js';
import type { CaseStatus, Channel, EscalationLevel } from './vocabulary.js';

/** The signed-in user, as far as case permissions go. */
export interface Actor {
  userId: string;
  role: Role;
  /** the station the user works for (inspectors, station chiefs); null/absent = town-wide */
  stationCode?: string | null;
  /** the unit the user works for; station chiefs carry their station team's code */
  departmentCode?: string | null;
}

export interface CaseFacts {
  status: CaseStatus;
  /** while suspended: the status to go back to on resume */
  suspendedFrom: CaseStatus | null;
  channel: Channel;
  /** station of the case's grid */
  stationCode: string | null;
  /** department codes currently assigned (null / [] when nobody is) */
  leadUnit: string | null;
  assistUnits: string[];
  /** set by designate: the unit may no longer return the case (首接责任制) */
  designated: boolean;
  returnCount: number;
  /** failed verifications (返工) */
  reworkCount: number;
  /** can the reporter be asked in a return visit? */
  hasReporterContact: boolean;
  extensionPending: boolean;
  escalationLevel: EscalationLevel;
  /**
   * routing found no unit by rule — no rule matches the case, or it was returned too often — so only
   * a coordinator's designation (指定谁谁办理) assigns it, not a plain dispatch (R5)
   */
  needsDesignation: boolean;
}

/** Tunables of the machine; they come from the town profile's rules.yaml. */
export interface MachineOptions {
  /** after this many returns plain dispatch is refused and a coordinator must designate (default 2) */
  designateAfterReturns?: number;
}

export const defaultDesignateAfterReturns = 2;

/** What a transition does to the case's SLA clocks; the SLA layer turns these into deadlines. */
export type DeadlineEffect =
  | { kind: 'start' | 'stop'; step: SlaStep }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'stopAll' }
  | { kind: 'extend'; step: SlaStep; limit: TimeLimit };

/** The facts of a case that has just come in (受理/上报): nobody assigned, nothing counted yet. */
export function newCaseFacts(init: {
  channel: Channel;
  stationCode: string | null;
  hasReporterContact: boolean;
}): CaseFacts {
  return {
    status: 'reported',
    suspendedFrom: null,
    channel: init.channel,
    stationCode: init.stationCode,
    leadUnit: null,
    assistUnits: [],
    designated: false,
    returnCount: 0,
    reworkCount: 0,
    hasReporterContact: init.hasReporterContact,
    extensionPending: false,
    escalationLevel: 'none',
    needsDesignation: false,
  };
}
