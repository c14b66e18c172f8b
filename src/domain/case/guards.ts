/**
 * Conditions on the case facts beyond its status. A failed guard is a state problem
 * (ACTION_NOT_ALLOWED_IN_STATE), not a permission problem: the same person may do the action
 * on another case, or on this one later.
 */
import type { Role } from '../profile/schema.js';
import type { Actor, CaseFacts } from './facts.js';
import { defaultDesignateAfterReturns, type MachineOptions } from './facts.js';
import type { EscalationLevel, Label } from './vocabulary.js';
import { localChannels } from './vocabulary.js';

export const guardNames = [
  'belowDesignateThreshold',
  'routedByRule',
  'notDesignated',
  'noExtensionPending',
  'extensionPending',
  'localChannel',
  'canEscalate',
  'hasSuspendedFrom',
] as const;
export type GuardName = (typeof guardNames)[number];

/**
 * One rung up the escalation ladder none → station → center → leader, as far as the role reaches.
 * A station chief takes a case up to the center (对无法协调处置的问题，上报城运中心); the center
 * (dispatcher, coordinator — and the SLA sweep, which acts for the center) takes it to the center
 * first when nobody has escalated it yet or only the station level has, then to a leader. No rule
 * sets 'station' today: a level read from older records or other towns' data is still climbed from.
 * Null: this role cannot escalate from this level.
 */
export function nextEscalationLevel(level: EscalationLevel, role: Role): EscalationLevel | null {
  switch (role) {
    case 'station_chief':
      return level === 'none' || level === 'station' ? 'center' : null;
    case 'dispatcher':
    case 'coordinator':
      return centerNextLevel(level);
    case 'supervisor':
    case 'team_manager':
    case 'emergency_officer':
    case 'inspector':
    case 'department_handler':
    case 'leader':
    case 'system_admin':
    case 'security_admin':
    case 'auditor':
      return null;
  }
}

function centerNextLevel(level: EscalationLevel): EscalationLevel | null {
  switch (level) {
    case 'none':
    case 'station':
      return 'center';
    case 'center':
      return 'leader';
    case 'leader':
      return null;
  }
}

export function designateThreshold(options: MachineOptions | undefined): number {
  return options?.designateAfterReturns ?? defaultDesignateAfterReturns;
}

export function guardHolds(guard: GuardName, facts: CaseFacts, actor: Actor, options?: MachineOptions): boolean {
  switch (guard) {
    case 'belowDesignateThreshold':
      return facts.returnCount < designateThreshold(options);
    case 'routedByRule':
      return !facts.needsDesignation;
    case 'notDesignated':
      return !facts.designated;
    case 'noExtensionPending':
      return !facts.extensionPending;
    case 'extensionPending':
      return facts.extensionPending;
    case 'localChannel':
      return localChannels.includes(facts.channel);
    case 'canEscalate':
      return nextEscalationLevel(facts.escalationLevel, actor.role) !== null;
    case 'hasSuspendedFrom':
      return facts.suspendedFrom !== null && facts.suspendedFrom !== 'suspended';
  }
}

export function guardMessage(guard: GuardName, facts: CaseFacts, options?: MachineOptions): Label {
  switch (guard) {
    case 'belowDesignateThreshold': {
      const n = designateThreshold(options);
      return {
        zh: `案件已退单${facts.returnCount}次（上限${n}次），须由协调人员指定承办单位`,
        en: `The case has been returned ${facts.returnCount} times (limit ${n}); a coordinator must designate a unit`,
      };
    }
    case 'routedByRule':
      return { zh: '派单规则没有找到承办单位，须由协调人员指定', en: 'No routing rule found a unit; a coordinator must designate one' };
    case 'notDesignated':
      return { zh: '指定承办的案件不能退单（首接责任制）', en: 'A designated unit cannot return the case' };
    case 'noExtensionPending':
      return { zh: '已有待审批的延期申请', en: 'An extension request is already pending' };
    case 'extensionPending':
      return { zh: '没有待审批的延期申请', en: 'There is no pending extension request' };
    case 'localChannel':
      return {
        zh: '只有网格巡查、视频巡查和物联感知发现的问题可以就地处置',
        en: 'Only inspector, video patrol and sensor reports can be handled locally',
      };
    case 'canEscalate':
      return { zh: `案件已升级至当前可升级的最高层级`, en: 'The case cannot be escalated any further by you' };
    case 'hasSuspendedFrom':
      return { zh: '挂账前的状态缺失，无法恢复', en: 'The status before suspension is unknown' };
  }
}
