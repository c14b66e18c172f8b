/**
 * The words of the closed loop (MISSION R4): where a case comes from, the statuses it passes
 * through and the actions that move it. The action strings are also the API path segments
 * (POST /api/v1/cases/:id/<action>), so they never change once published.
 */

/** A bilingual label; zh is the product's language, en is for the English UI and the logs. */
export interface Label {
  zh: string;
  en: string;
}

/** 案件来源渠道 */
export const channels = [
  'hotline_12345',
  'hotline_12319',
  'police_110',
  'inspector',
  'video_patrol',
  'video_ai',
  'sensor',
  'department',
  'citizen',
  'leader',
] as const;
export type Channel = (typeof channels)[number];

export const channelLabels: Record<Channel, Label> = {
  hotline_12345: { zh: '12345热线', en: '12345 hotline' },
  hotline_12319: { zh: '12319热线', en: '12319 hotline' },
  police_110: { zh: '110非警务警情', en: '110 non-police call' },
  inspector: { zh: '网格巡查', en: 'Grid inspector' },
  video_patrol: { zh: '视频巡查', en: 'Video patrol' },
  video_ai: { zh: '视频智能分析', en: 'Video analytics' },
  sensor: { zh: '物联感知', en: 'IoT sensor' },
  department: { zh: '部门自查', en: 'Department self-check' },
  citizen: { zh: '市民上报', en: 'Citizen report' },
  leader: { zh: '领导交办', en: 'Assigned by a leader' },
};

/**
 * Channels whose reports come from the station's own eyes (inspectors, patrol cameras, sensors);
 * only these may be handled and closed on the spot by the station (就地处置, R6).
 */
export const localChannels: readonly Channel[] = ['inspector', 'video_patrol', 'sensor'];

/** 案件状态 */
export const caseStatuses = [
  'reported',
  'registered',
  'dispatched',
  'returned',
  'accepted',
  'handling',
  'feedback',
  'verified',
  'visited',
  'closed',
  'voided',
  'suspended',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const statusLabels: Record<CaseStatus, Label> = {
  reported: { zh: '受理/上报', en: 'Reported' },
  registered: { zh: '已立案', en: 'Registered' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  returned: { zh: '已退单', en: 'Returned' },
  accepted: { zh: '已签收', en: 'Accepted' },
  handling: { zh: '处置中', en: 'Handling' },
  feedback: { zh: '已反馈', en: 'Feedback given' },
  verified: { zh: '核查通过', en: 'Verified' },
  visited: { zh: '已回访', en: 'Visited' },
  closed: { zh: '已结案', en: 'Closed' },
  voided: { zh: '不予立案/作废', en: 'Voided' },
  suspended: { zh: '挂账', en: 'Suspended' },
};

/** Final statuses: nothing at all may happen to such a case any more (not even 催办). */
export const finalStatuses: readonly CaseStatus[] = ['closed', 'voided'];

export function isOpen(status: CaseStatus): boolean {
  return !finalStatuses.includes(status);
}

/** 案件操作; each string is an API path segment. */
export const caseActions = [
  'register',
  'void',
  'dispatch',
  'accept',
  'return',
  'designate',
  'start',
  'feedback',
  'verify',
  'visit',
  'close',
  'extend',
  'decide-extension',
  'suspend',
  'resume',
  'urge',
  'escalate',
  'instruct',
  'handle-locally',
] as const;
export type CaseAction = (typeof caseActions)[number];

export const actionLabels: Record<CaseAction, Label> = {
  register: { zh: '立案', en: 'Register' },
  void: { zh: '作废', en: 'Void' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  accept: { zh: '签收', en: 'Accept' },
  return: { zh: '退单', en: 'Return' },
  designate: { zh: '指定', en: 'Designate' },
  start: { zh: '开始处置', en: 'Start handling' },
  feedback: { zh: '反馈', en: 'Give feedback' },
  verify: { zh: '核查', en: 'Verify' },
  visit: { zh: '回访', en: 'Return visit' },
  close: { zh: '结案', en: 'Close' },
  extend: { zh: '申请延期', en: 'Request extension' },
  'decide-extension': { zh: '延期审批', en: 'Decide extension' },
  suspend: { zh: '挂账', en: 'Suspend' },
  resume: { zh: '恢复', en: 'Resume' },
  urge: { zh: '催办', en: 'Urge' },
  escalate: { zh: '升级', en: 'Escalate' },
  instruct: { zh: '批示', en: 'Instruct' },
  'handle-locally': { zh: '就地处置', en: 'Handle locally' },
};

export function isCaseAction(value: string): value is CaseAction {
  return (caseActions as readonly string[]).includes(value);
}

/** How far up a case has been escalated: station → center → leader (R4, rules.yaml escalation.chain). */
export const escalationLevels = ['none', 'station', 'center', 'leader'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export const escalationLevelLabels: Record<EscalationLevel, Label> = {
  none: { zh: '未升级', en: 'Not escalated' },
  station: { zh: '工作站', en: 'Station' },
  center: { zh: '城运中心', en: 'Center' },
  leader: { zh: '领导', en: 'Leader' },
};

/** 回访结果 */
export const visitOutcomes = ['satisfied', 'dissatisfied', 'unreachable'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

export const visitOutcomeLabels: Record<VisitOutcome, Label> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  unreachable: { zh: '联系不上', en: 'Unreachable' },
};

/**
 * Why a citizen was dissatisfied (回访不满意原因), as the visitor judges it. The town's plan (§八1):
 * dissatisfaction caused by poor handling or falsification (处置不当、弄虚作假) leads to an interview
 * (约谈) of the department's leader; an unreasonable demand does not.
 */
export const dissatisfiedCauses = ['poor_handling', 'falsified', 'unreasonable_demand', 'policy_limit', 'other'] as const;
export type DissatisfiedCause = (typeof dissatisfiedCauses)[number];

export const dissatisfiedCauseLabels: Record<DissatisfiedCause, Label> = {
  poor_handling: { zh: '处置不当', en: 'Poorly handled' },
  falsified: { zh: '弄虚作假', en: 'Falsified' },
  unreasonable_demand: { zh: '诉求不合理', en: 'Unreasonable demand' },
  policy_limit: { zh: '政策限制', en: 'Beyond policy' },
  other: { zh: '其他', en: 'Other' },
};

/** Entries of a case's record that are not actions of the machine. */
export const recordEntryLabels: Record<string, Label> = {
  report: { zh: '受理/上报', en: 'Reported' },
  attach: { zh: '添加照片', en: 'Photo added' },
  'joint-meeting': { zh: '联席会议', en: 'Joint meeting' },
};

/** The label of any entry of the record: an action of the machine or another record entry. */
export function recordLabel(action: string): Label {
  return isCaseAction(action) ? actionLabels[action] : (recordEntryLabels[action] ?? { zh: action, en: action });
}

/** 紧急程度 */
export const urgencyLabels: Record<'urgent' | 'normal', Label> = {
  urgent: { zh: '紧急', en: 'Urgent' },
  normal: { zh: '一般', en: 'Normal' },
};

/** 红黄灯 of a case in a list; 'none': an open case whose step clocks have not started (before 立案). */
export type DeadlineLight = 'green' | 'yellow' | 'red' | 'done' | 'none';

export const deadlineLightLabels: Record<DeadlineLight, Label> = {
  green: { zh: '绿灯', en: 'Green' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  red: { zh: '红灯', en: 'Red' },
  done: { zh: '已完成', en: 'Done' },
  none: { zh: '未计时', en: 'Not started' },
};

/** The light of a case: the clocks' state, except that 'done' on an open case means no clock runs yet. */
export function deadlineLight(state: Exclude<DeadlineLight, 'none'>, status: CaseStatus): DeadlineLight {
  return state === 'done' && isOpen(status) ? 'none' : state;
}
