import type { Profile } from './schema.js';
import type { ProfileIndex } from './profile-index.js';
import { problem, profileFiles as F } from './profile-problem.js';
import type { ProfileProblem } from './profile-problem.js';

/** rules.yaml's references into the other files: the leader copied on recurring problems (抄报). */
export function rulesProblems(p: Profile, ix: ProfileIndex): ProfileProblem[] {
  const leader = p.rules.recurring?.ccLeader;
  if (leader === undefined || ix.personnel.has(leader)) return [];
  return [problem(F.rules, 'recurring.ccLeader', `人员 ${leader} 不存在（抄报对象须为 organization.yaml 中的人员）`, `unknown personnel ${leader} (the leader copied must be in organization.yaml)`)];
}
