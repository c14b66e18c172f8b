import type { Profile } from './schema.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';

/** The annual assessment's rules name people (分管领导) and units that must exist in the profile. */
export function assessmentRuleProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const rules = p.rules.assessment;
  if (!rules) return [];
  const out: ProfileProblem[] = [];
  const at = 'assessment.interview';
  if (!ix.personnel.has(rules.interview.leader)) {
    out.push(problem(F.rules, `${at}.leader`, `人员 ${rules.interview.leader} 不存在`, `unknown person ${rules.interview.leader}`));
  }
  for (const [unit, leader] of Object.entries(rules.interview.leaderByUnit)) {
    if (!ix.departments.has(unit)) out.push(problem(F.rules, `${at}.leaderByUnit.${unit}`, `单位 ${unit} 不存在`, `unknown unit ${unit}`));
    if (!ix.personnel.has(leader)) out.push(problem(F.rules, `${at}.leaderByUnit.${unit}`, `人员 ${leader} 不存在`, `unknown person ${leader}`));
  }
  return out;
}
