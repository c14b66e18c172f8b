/**
 * The rules in the plan's words (seed §八2 「三个坚持」, §六1 小联勤联动) and the explanation
 * sentence of a decision. Units appear by code; the server substitutes names for display and the
 * decision carries the codes in structured fields as well.
 */
import type { Label } from '../case/vocabulary.js';
import type { RoutingFacts, RuleId, RungRole, SkippedRung } from './types.js';

export const ruleLabels: Record<RuleId, Label> = {
  owner: { zh: '谁主管谁办理', en: 'Owner handles it' },
  lead: { zh: '谁牵头谁办理', en: 'Lead unit handles it' },
  station_forces: { zh: '小联勤联动', en: 'Station forces first' },
  fallback: { zh: '第三方兜底', en: 'Third-party fallback' },
  designate_no_rule: { zh: '指定谁谁办理', en: 'Designated unit handles it' },
  designate_after_returns: { zh: '指定谁谁办理', en: 'Designated unit handles it' },
};

export const ruleDescriptions: Record<RuleId, Label> = {
  owner: {
    zh: '责任明确的，由主管部门主动接收、全力办理，自动派遣',
    en: 'Clear responsibility: dispatched automatically to the owner department',
  },
  lead: {
    zh: '责任交叉跨部门的，由牵头部门召集相关单位研究工作方案，形成工作合力',
    en: 'Cross-department: the lead unit convenes the assisting units and handles it with them',
  },
  station_forces: {
    zh: '站级问题先由城运管理站自有力量（特保、环卫、物业、河道保洁）就地处置',
    en: "Station-level problems go first to the station's own forces",
  },
  fallback: {
    zh: '无法协调处置、没有可派遣的责任单位的，由第三方兜底单位处置',
    en: 'Nobody responsible can take it: the third-party fallback contractor handles it',
  },
  designate_no_rule: {
    zh: '新情况、新问题，难以明确某一单位办理的，由指挥协调组指定承办单位，实行首接责任制',
    en: 'New or unclear matter: a coordinator designates a unit, which may not return it',
  },
  designate_after_returns: {
    zh: '退单达到规定次数的，由指挥协调组指定承办单位，被指定单位不得再退单（首接责任制）',
    en: 'Returned too often: a coordinator designates a unit, which may not return it',
  },
};

/** Label and one-line description of a rule, for the UI. */
export function explainRule(rule: RuleId): { label: Label; description: Label } {
  return { label: ruleLabels[rule], description: ruleDescriptions[rule] };
}

const roleNames: Record<Exclude<RungRole, 'station_team'>, Label> = {
  lead: { zh: '牵头部门', en: 'lead unit' },
  owner: { zh: '主管部门', en: 'owner' },
  fallback: { zh: '兜底单位', en: 'fallback unit' },
};

function skipText(s: SkippedRung, station: string | null): Label {
  const unit = s.unit ?? '';
  if (s.role === 'station_team') {
    switch (s.reason) {
      case 'no_station':
        return { zh: '案件不在任何网格内，无属地工作站', en: 'the case lies in no grid, so no station' };
      case 'missing':
        return { zh: `${station} 站没有自有力量`, en: `station ${station} has no own forces` };
      case 'inactive':
        return { zh: `${station} 站自有力量 ${unit} 已停用`, en: `station forces ${unit} are inactive` };
      case 'returned':
        return { zh: `${station} 站自有力量 ${unit} 已退单`, en: `station forces ${unit} returned it` };
      case 'escalated':
        return { zh: `${station} 站已上报，自有力量 ${unit} 无法处置`, en: `station ${station} escalated it` };
    }
  }
  const role = roleNames[s.role];
  switch (s.reason) {
    case 'no_station':
    case 'missing':
      return { zh: `${role.zh} ${unit} 不存在`, en: `${role.en} ${unit} does not exist` };
    case 'inactive':
      return { zh: `${role.zh} ${unit} 已停用`, en: `${role.en} ${unit} is inactive` };
    case 'returned':
      return { zh: `${role.zh} ${unit} 已退单`, en: `${role.en} ${unit} returned it` };
    case 'escalated':
      return { zh: `${role.zh} ${unit} 已上报`, en: `${role.en} ${unit} escalated it` };
  }
}

/** "rule: why the earlier rungs were passed over, main sentence" in both languages. */
export function sentence(rule: RuleId, facts: RoutingFacts, main: Label): Label {
  const reasons = facts.skipped.map((s) => skipText(s, facts.stationCode));
  const zh = [...reasons.map((r) => r.zh), main.zh].join('，');
  const en = [...reasons.map((r) => r.en), main.en].join('; ');
  return { zh: `${ruleLabels[rule].zh}：${zh}`, en: `${ruleLabels[rule].en}: ${en}` };
}

export function list(codes: readonly string[], lang: keyof Label): string {
  return codes.join(lang === 'zh' ? '、' : ', ');
}
